package org.vidiverse.federation.internal.activitypub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.RemoteActor;

/**
 * Actor documents as PeerTube 6.x serves and reads them: a Person for an account ({@code /accounts/{name}}), a
 * Group for a channel ({@code /video-channels/{name}}, attributed to its owner's Person) and an Application for the
 * instance.
 */
public final class ActorDocuments {
    /** PeerTube truncates remote descriptions to its own limit (USERS.DESCRIPTION, VIDEO_CHANNELS.SUPPORT). */
    static final int MAX_SUMMARY = 1000;
    static final int MAX_NAME = 255;
    private static final Set<String> PERSON_LIKE = Set.of("Person", "Service", "Organization");

    private ActorDocuments() {
    }

    /** {@link #render(Actor, Actor, String, String)} without a channel support text. */
    public static Map<String, Object> render(Actor actor, Actor ownerOrNull, String baseUrl) {
        return render(actor, ownerOrNull, null, baseUrl);
    }

    /**
     * The document served at a local actor's url, {@code @context} first.
     *
     * @param ownerOrNull    for a group: the account that owns the channel (its Person goes in attributedTo)
     * @param channelSupport for a group: the channel's support text, or {@code null}
     * @param baseUrl        this instance's public URL without a trailing slash, for urls the actor lacks
     */
    public static Map<String, Object> render(Actor actor, Actor ownerOrNull, String channelSupport, String baseUrl) {
        String url = actor.url() != null ? actor.url() : defaultUrl(actor, baseUrl);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", ApContext.ACTOR_CONTEXT);
        doc.put("type", typeName(actor.type()));
        doc.put("id", url);
        doc.put("following", orElse(actor.followingUrl(), url + "/following"));
        doc.put("followers", orElse(actor.followersUrl(), url + "/followers"));
        doc.put("playlists", url + "/playlists");
        doc.put("inbox", orElse(actor.inboxUrl(), url + "/inbox"));
        doc.put("outbox", orElse(actor.outboxUrl(), url + "/outbox"));
        doc.put("preferredUsername", actor.name());
        doc.put("url", url);
        doc.put("name", actor.displayName() == null || actor.displayName().isBlank() ? actor.name() : actor.displayName());
        doc.put("endpoints", ApContext.ordered("sharedInbox", orElse(actor.sharedInboxUrl(), baseUrl + "/inbox")));
        if (actor.publicKeyPem() != null) {
            doc.put("publicKey", ApContext.ordered("id", url + "#main-key", "owner", url,
                    "publicKeyPem", actor.publicKeyPem()));
        }
        doc.put("published", ApContext.date(actor.createdAt()));
        doc.put("summary", actor.summary());
        if (actor.type() == ActorType.GROUP) {
            doc.put("support", channelSupport);
            doc.put("postingRestrictedToMods", true);
            if (ownerOrNull != null) {
                String ownerUrl = ownerOrNull.url() != null ? ownerOrNull.url() : defaultUrl(ownerOrNull, baseUrl);
                doc.put("attributedTo", List.of(ApContext.ordered("type", "Person", "id", ownerUrl)));
            }
        }
        return doc;
    }

    /**
     * Reads a remote actor's document.
     *
     * @param expectedHost the host the document was fetched from or the activity was signed by ({@code host} or
     *                     {@code host:port}); the actor's id must be on that host name
     * @throws InvalidObjectException when the document is not an actor we can store, with the reason
     */
    public static RemoteActor parse(JsonNode doc, String expectedHost) throws InvalidObjectException {
        if (doc == null || !doc.isObject()) {
            throw new InvalidObjectException("Actor: not a JSON object");
        }
        ActorType type = type(Nodes.text(doc, "type"));
        String id = Nodes.requireUrl(doc, "id", "Actor");
        Nodes.requireOnHost(id, expectedHost, "Actor id");
        String name = preferredUsername(Nodes.text(doc, "preferredUsername"));
        String inbox = Nodes.requireUrl(doc, "inbox", "Actor");
        String publicKeyPem = publicKeyPem(doc, id);
        JsonNode endpoints = doc.get("endpoints");
        String sharedInbox = endpoints != null && endpoints.isObject()
                ? Nodes.optionalUrl(endpoints, "sharedInbox", "Actor endpoints") : null;
        String outbox = Nodes.optionalUrl(doc, "outbox", "Actor");
        String followers = Nodes.optionalUrl(doc, "followers", "Actor");
        String following = Nodes.optionalUrl(doc, "following", "Actor");
        String ownerUrl = type == ActorType.GROUP ? owner(doc) : null;
        String displayName = Nodes.nonBlank(doc, "name");
        displayName = displayName == null ? name : Nodes.truncate(displayName.trim(), MAX_NAME);
        String summary = Nodes.truncate(Nodes.nonBlank(doc, "summary"), MAX_SUMMARY);
        String support = Nodes.truncate(Nodes.nonBlank(doc, "support"), MAX_SUMMARY);
        return new RemoteActor(type, id, name, Activities.host(id), displayName, summary, inbox, sharedInbox,
                outbox, followers, following, publicKeyPem, ownerUrl, support);
    }

    static String typeName(ActorType type) {
        switch (type) {
            case GROUP:
                return "Group";
            case APPLICATION:
                return "Application";
            default:
                return "Person";
        }
    }

    private static ActorType type(String type) throws InvalidObjectException {
        if ("Group".equals(type)) {
            return ActorType.GROUP;
        }
        if ("Application".equals(type)) {
            return ActorType.APPLICATION;
        }
        if (type != null && PERSON_LIKE.contains(type)) {
            return ActorType.PERSON;
        }
        throw new InvalidObjectException("Actor type: not an actor type: " + Nodes.excerpt(type));
    }

    /** PeerTube's names are {@code [a-zA-Z0-9\-_.:]+}; other software is laxer, so refuse only what breaks handles. */
    private static String preferredUsername(String name) throws InvalidObjectException {
        if (name == null || name.isEmpty()) {
            throw new InvalidObjectException("Actor: missing preferredUsername");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidObjectException("Actor preferredUsername: longer than " + MAX_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '@' || c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidObjectException("Actor preferredUsername: '" + Nodes.excerpt(name)
                        + "' has a character a handle cannot hold");
            }
        }
        return name;
    }

    /** The actor's key: {@code publicKey} (or the first of several) owned by the actor itself. */
    private static String publicKeyPem(JsonNode doc, String id) throws InvalidObjectException {
        List<JsonNode> keys = Nodes.list(doc.get("publicKey"));
        for (JsonNode key : keys) {
            String owner = Nodes.text(key, "owner");
            String pem = Nodes.text(key, "publicKeyPem");
            if (owner != null && !owner.equals(id)) {
                continue;
            }
            if (pem != null && pem.trim().startsWith("-----BEGIN PUBLIC KEY-----")
                    && pem.contains("-----END PUBLIC KEY-----") && pem.length() <= 5000) {
                return pem;
            }
        }
        throw new InvalidObjectException("Actor publicKey: no publicKeyPem (PEM public key) owned by the actor");
    }

    /** A channel's owner: the Person in attributedTo, or its only URL when it is a bare string. */
    private static String owner(JsonNode doc) throws InvalidObjectException {
        JsonNode attributedTo = doc.get("attributedTo");
        if (attributedTo != null && attributedTo.isTextual() && Nodes.isHttpUrl(attributedTo.textValue())) {
            return attributedTo.textValue();
        }
        for (JsonNode entry : Nodes.list(attributedTo)) {
            String url = entry.isTextual() ? entry.textValue()
                    : "Person".equals(Nodes.text(entry, "type")) ? Nodes.text(entry, "id") : null;
            if (Nodes.isHttpUrl(url)) {
                return url;
            }
        }
        throw new InvalidObjectException("Group attributedTo: no Person owning the channel");
    }

    private static String defaultUrl(Actor actor, String baseUrl) {
        String folder = actor.type() == ActorType.GROUP ? "/video-channels/" : "/accounts/";
        return baseUrl + folder + actor.name();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
