package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.vidiverse.api.model.Comment;

/** Video comments as PeerTube federates them: a Note replying to the video or to another comment. */
public final class NoteObjects {
    /** PeerTube's limit for a comment (CONSTRAINTS_FIELDS.VIDEO_COMMENTS.TEXT). */
    public static final int MAX_TEXT = 10_000;
    /** HTML is longer than its text; beyond this a Note is refused before it is even read. */
    private static final int MAX_CONTENT = 100_000;

    private NoteObjects() {
    }

    /**
     * The Note served at a local comment's url, {@code @context} first; a deleted comment is a Tombstone.
     *
     * @param videoUrl      the video the comment is on
     * @param inReplyToUrl  the comment it answers, or {@code null} when it starts a thread (it then replies to the
     *                      video)
     * @param accountUrl    its author
     * @param baseUrl       this instance's public URL, for a comment that has no url yet
     */
    public static Map<String, Object> render(Comment comment, String videoUrl, String inReplyToUrl, String accountUrl,
                                             String baseUrl) {
        String url = comment.url() != null ? comment.url() : videoUrl + "/comments/" + comment.id();
        String inReplyTo = inReplyToUrl != null ? inReplyToUrl : videoUrl;
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("@context", ApContext.NOTE_CONTEXT);
        if (comment.deleted()) {
            note.put("id", url);
            note.put("type", "Tombstone");
            note.put("formerType", "Note");
            note.put("inReplyTo", inReplyTo);
            note.put("published", ApContext.date(comment.createdAt()));
            note.put("updated", ApContext.date(comment.updatedAt()));
            Instant deleted = comment.deletedAt() != null ? comment.deletedAt() : comment.updatedAt();
            note.put("deleted", ApContext.date(deleted));
            return note;
        }
        note.put("to", List.of(ApContext.PUBLIC));
        note.put("cc", List.of(accountUrl + "/followers"));
        note.put("type", "Note");
        note.put("id", url);
        note.put("content", comment.text());
        note.put("mediaType", "text/markdown");
        note.put("inReplyTo", inReplyTo);
        note.put("updated", ApContext.date(comment.updatedAt()));
        note.put("published", ApContext.date(comment.createdAt()));
        note.put("url", url);
        note.put("attributedTo", accountUrl);
        note.put("tag", List.of());
        return note;
    }

    /**
     * A remote comment as we keep it.
     *
     * @param url          the Note's id
     * @param inReplyTo    the video or comment it answers; may be {@code null} for a tombstone
     * @param text         plain text (markdown as PeerTube sends it, HTML turned to text); empty for a tombstone
     * @param attributedTo its author; {@code null} for a tombstone that does not say
     * @param published    when it was written; may be {@code null} for a tombstone
     */
    public record ParsedNote(String url, String inReplyTo, String text, String attributedTo, Instant published,
                             boolean tombstone) {
    }

    /**
     * Reads a Note, or the Tombstone of a deleted one. A Note must be public (as PeerTube requires), reply to
     * something, have an author on {@code expectedHost} and at most {@value #MAX_TEXT} characters of text.
     */
    public static ParsedNote parse(JsonNode object, String expectedHost) throws InvalidObjectException {
        if (object == null || !object.isObject()) {
            throw new InvalidObjectException("Note: not a JSON object");
        }
        String type = Nodes.text(object, "type");
        boolean tombstone = "Tombstone".equals(type);
        String formerType = Nodes.text(object, "formerType");
        if (!"Note".equals(type) && !(tombstone && (formerType == null || "Note".equals(formerType)))) {
            throw new InvalidObjectException("Note type: not a Note: " + Nodes.excerpt(type));
        }
        String id = Nodes.requireUrl(object, "id", "Note");
        Nodes.requireOnHost(id, expectedHost, "Note id");
        if (tombstone) {
            String inReplyTo = Nodes.isHttpUrl(Nodes.text(object, "inReplyTo")) ? Nodes.text(object, "inReplyTo") : null;
            String author = Nodes.isHttpUrl(Nodes.idOf(object.get("attributedTo")))
                    ? Nodes.idOf(object.get("attributedTo")) : null;
            return new ParsedNote(id, inReplyTo, "", author, Nodes.date(object, "published", "Tombstone"), true);
        }
        String inReplyTo = Nodes.requireUrl(object, "inReplyTo", "Note");
        String author = author(object, expectedHost);
        Instant published = Nodes.requireDate(object, "published", "Note");
        if (!Nodes.addressesPublic(object.get("to")) && !Nodes.addressesPublic(object.get("cc"))) {
            throw new InvalidObjectException("Note to/cc: not public; only public comments are accepted");
        }
        return new ParsedNote(id, inReplyTo, text(object), author, published, false);
    }

    private static String text(JsonNode object) throws InvalidObjectException {
        String content = Nodes.text(object, "content");
        if (content == null || content.isBlank()) {
            throw new InvalidObjectException("Note: missing content");
        }
        if (content.length() > MAX_CONTENT) {
            throw new InvalidObjectException("Note content: longer than " + MAX_CONTENT + " characters");
        }
        String text = "text/markdown".equals(Nodes.text(object, "mediaType")) ? content.strip() : HtmlText.toText(content);
        if (text.isEmpty()) {
            throw new InvalidObjectException("Note content: no text");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidObjectException("Note content: " + text.length() + " characters, more than " + MAX_TEXT);
        }
        return text;
    }

    /** The author: {@code attributedTo} as a URL, an object with an id, or a list whose first Person is the author. */
    private static String author(JsonNode object, String expectedHost) throws InvalidObjectException {
        String author = null;
        for (JsonNode entry : Nodes.list(object.get("attributedTo"))) {
            String type = Nodes.text(entry, "type");
            if (entry.isTextual() || type == null || "Person".equals(type)) {
                author = Nodes.idOf(entry);
                break;
            }
        }
        if (!Nodes.isHttpUrl(author)) {
            throw new InvalidObjectException("Note: missing attributedTo (the author's URL)");
        }
        Nodes.requireOnHost(author, expectedHost, "Note attributedTo");
        return author;
    }
}
