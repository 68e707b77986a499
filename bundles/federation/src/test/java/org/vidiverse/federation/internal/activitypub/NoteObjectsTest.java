package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Comment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.vidiverse.federation.internal.activitypub.Fixtures.BASE;
import static org.vidiverse.federation.internal.activitypub.Fixtures.HOST;
import static org.vidiverse.federation.internal.activitypub.Fixtures.assertRefused;
import static org.vidiverse.federation.internal.activitypub.Fixtures.edited;
import static org.vidiverse.federation.internal.activitypub.Fixtures.load;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

public class NoteObjectsTest {
    private static final String NOTE = "ap-comment-note.json";
    private static final String VIDEO = BASE + "/videos/watch/f1576c16-26a0-4ab3-9c7d-5ab21a47bece";
    private static final String ROOT = BASE + "/accounts/root";
    private static final Instant CREATED = Instant.parse("2026-11-23T23:21:20.718Z");
    private static final Instant UPDATED = Instant.parse("2026-11-23T23:21:20.726Z");

    @Test
    public void peerTubeCommentIsRead() throws Exception {
        NoteObjects.ParsedNote note = NoteObjects.parse(load(NOTE), HOST);
        assertEquals(new NoteObjects.ParsedNote(VIDEO + "/comments/1", VIDEO, "Benchmark capture comment: hello fediverse",
                ROOT, CREATED, false), note);
    }

    @Test
    public void commentRendersAsPeerTubesNoteButForReplyApproval() {
        JsonNode theirs = edited(NOTE, n -> n.remove("replyApproval"));   // we take no reply approvals
        assertEquals(theirs, tree(NoteObjects.render(comment(false), VIDEO, null, ROOT, BASE)));
    }

    @Test
    public void replyAnswersTheParentComment() throws Exception {
        Map<String, Object> reply = NoteObjects.render(comment(false), VIDEO, VIDEO + "/comments/0", ROOT, BASE);
        assertEquals(VIDEO + "/comments/0", reply.get("inReplyTo"));
        assertEquals(VIDEO + "/comments/0", NoteObjects.parse(tree(reply), HOST).inReplyTo());
    }

    @Test
    public void deletedCommentRendersAsTombstoneAndReadsAsOne() throws Exception {
        JsonNode tombstone = tree(NoteObjects.render(comment(true), VIDEO, null, ROOT, BASE));
        assertEquals("Tombstone", tombstone.get("type").asText());
        assertEquals("Note", tombstone.get("formerType").asText());
        assertEquals("2026-11-23T23:21:20.726Z", tombstone.get("deleted").asText());
        assertFalse(tombstone.has("content"));
        assertFalse(tombstone.has("attributedTo"));

        NoteObjects.ParsedNote parsed = NoteObjects.parse(tombstone, HOST);
        assertTrue(parsed.tombstone());
        assertEquals(VIDEO + "/comments/1", parsed.url());
        assertEquals(VIDEO, parsed.inReplyTo());
        assertEquals("", parsed.text());
        assertNull(parsed.attributedTo());
        assertEquals(CREATED, parsed.published());
    }

    @Test
    public void htmlNoteOfOtherSoftwareBecomesText() throws Exception {
        ObjectNode mastodon = edited(NOTE, n -> {
            n.remove("mediaType");
            n.put("content", "<p><span class=\"h-card\"><a href=\"" + ROOT + "\" class=\"u-url mention\">@<span>root</span>"
                    + "</a></span> nice &amp; short</p><p>second<br />line &lt;3 &#x1F600;</p>");
            n.set("cc", tree(List.of(ApContext.PUBLIC)));
            n.set("to", tree(List.of(ROOT)));
            n.set("attributedTo", tree(List.of(Map.of("type", "Person", "id", BASE + "/users/alice"))));
        });
        NoteObjects.ParsedNote note = NoteObjects.parse(mastodon, HOST);
        assertEquals("@root nice & short\n\nsecond\nline <3 \uD83D\uDE00", note.text());
        assertEquals(BASE + "/users/alice", note.attributedTo());
    }

    @Test
    public void markdownNoteKeepsItsText() throws Exception {
        ObjectNode doc = edited(NOTE, n -> n.put("content", "a <b> c & **d**"));
        assertEquals("a <b> c & **d**", NoteObjects.parse(doc, HOST).text());
    }

    @Test
    public void badNotesAreRefused() {
        assertRefused("Note id: " + VIDEO + "/comments/1 is not on evil.example",
                () -> NoteObjects.parse(load(NOTE), "evil.example"));
        assertRefused("Note: missing content", () -> NoteObjects.parse(edited(NOTE, n -> n.remove("content")), HOST));
        assertRefused("Note content: no text", () -> NoteObjects.parse(edited(NOTE, n -> {
            n.put("mediaType", "text/html");
            n.put("content", "<p></p>");
        }), HOST));
        assertRefused("Note content: 10001 characters, more than 10000",
                () -> NoteObjects.parse(edited(NOTE, n -> n.put("content", "x".repeat(10_001))), HOST));
        assertRefused("Note content: longer than 100000 characters",
                () -> NoteObjects.parse(edited(NOTE, n -> n.put("content", "<b>" + "x".repeat(100_000))), HOST));
        assertRefused("Note: missing inReplyTo", () -> NoteObjects.parse(edited(NOTE, n -> n.remove("inReplyTo")), HOST));
        assertRefused("Note: missing attributedTo",
                () -> NoteObjects.parse(edited(NOTE, n -> n.remove("attributedTo")), HOST));
        assertRefused("Note attributedTo: https://evil.example/accounts/x is not on " + HOST,
                () -> NoteObjects.parse(edited(NOTE, n -> n.put("attributedTo", "https://evil.example/accounts/x")), HOST));
        assertRefused("Note: missing published", () -> NoteObjects.parse(edited(NOTE, n -> n.remove("published")), HOST));
        assertRefused("Note to/cc: not public", () -> NoteObjects.parse(edited(NOTE, n -> {
            n.set("to", tree(List.of(ROOT)));
            n.set("cc", tree(List.of()));
        }), HOST));
        assertRefused("Note type: not a Note: Article",
                () -> NoteObjects.parse(edited(NOTE, n -> n.put("type", "Article")), HOST));
        assertRefused("Note type: not a Note: Tombstone", () -> NoteObjects.parse(edited(NOTE, n -> {
            n.put("type", "Tombstone");
            n.put("formerType", "Video");
        }), HOST));
    }

    private static Comment comment(boolean deleted) {
        ActorRef root = new ActorRef(1, "root", "root", HOST, ROOT);
        return new Comment(1, 1, null, null, deleted ? "" : "Benchmark capture comment: hello fediverse", root,
                VIDEO + "/comments/1", deleted, CREATED, UPDATED);
    }
}
