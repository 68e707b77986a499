package org.vidiverse.federation.internal.activitypub;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Activities in PeerTube's shapes: the audience first ({@code to}, {@code cc}), then type, id, actor and object,
 * with the {@code @context} PeerTube gives that kind of activity. An object passed as a map loses its own
 * {@code @context} when embedded; a Create or Update takes the embedded object's context (a Video's or a Note's),
 * as PeerTube does, and every other activity has {@link ApContext#ACTIVITY_CONTEXT} unless said otherwise.
 */
public final class Activities {
    /** The activity types PeerTube sends and understands. */
    public static final Set<String> TYPES = Set.of("Create", "Update", "Delete", "Follow", "Accept", "Reject", "Undo",
            "Like", "Dislike", "Announce", "View", "Flag");
    private static final Set<String> MAY_EMBED_ACTIVITY = Set.of("Accept", "Reject", "Undo");

    private Activities() {
    }

    public static Map<String, Object> create(String id, String actorUrl, Object object, List<String> to,
                                             List<String> cc) {
        return withObject("Create", id, actorUrl, object, to, cc);
    }

    public static Map<String, Object> update(String id, String actorUrl, Object object, List<String> to,
                                             List<String> cc) {
        return withObject("Update", id, actorUrl, object, to, cc);
    }

    /** A Delete of a video, comment, playlist or actor, named by its url. */
    public static Map<String, Object> delete(String id, String actorUrl, String objectUrl, List<String> to,
                                             List<String> cc) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Delete", id, actorUrl, objectUrl, to, cc);
    }

    /** A Delete without audience, as PeerTube sends when an actor is deleted. */
    public static Map<String, Object> delete(String id, String actorUrl, String objectUrl) {
        return delete(id, actorUrl, objectUrl, null, null);
    }

    public static Map<String, Object> announce(String id, String actorUrl, String objectUrl, List<String> to,
                                               List<String> cc) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Announce", id, actorUrl, objectUrl, to, cc);
    }

    public static Map<String, Object> follow(String id, String actorUrl, String objectUrl) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Follow", id, actorUrl, objectUrl, null, null);
    }

    /** Accepts a follow; the Follow activity is embedded whole, as PeerTube and Mastodon expect. */
    public static Map<String, Object> accept(String id, String actorUrl, Map<String, Object> followActivity) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Accept", id, actorUrl, embedded(followActivity), null, null);
    }

    public static Map<String, Object> reject(String id, String actorUrl, Map<String, Object> followActivity) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Reject", id, actorUrl, embedded(followActivity), null, null);
    }

    /** Undoes a Follow, Like, Dislike, Announce or Create, embedded whole. */
    public static Map<String, Object> undo(String id, String actorUrl, Map<String, Object> undone) {
        return undo(id, actorUrl, undone, null, null);
    }

    public static Map<String, Object> undo(String id, String actorUrl, Map<String, Object> undone, List<String> to,
                                           List<String> cc) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Undo", id, actorUrl, embedded(undone), to, cc);
    }

    public static Map<String, Object> like(String id, String actorUrl, String objectUrl) {
        return like(id, actorUrl, objectUrl, null, null);
    }

    public static Map<String, Object> like(String id, String actorUrl, String objectUrl, List<String> to,
                                           List<String> cc) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Like", id, actorUrl, objectUrl, to, cc);
    }

    public static Map<String, Object> dislike(String id, String actorUrl, String objectUrl) {
        return dislike(id, actorUrl, objectUrl, null, null);
    }

    public static Map<String, Object> dislike(String id, String actorUrl, String objectUrl, List<String> to,
                                              List<String> cc) {
        return activity(ApContext.ACTIVITY_CONTEXT, "Dislike", id, actorUrl, objectUrl, to, cc);
    }

    /** A view of a video, addressed to the public as PeerTube addresses it; context {@link ApContext#VIEW_CONTEXT}. */
    public static Map<String, Object> view(String id, String actorUrl, String videoUrl) {
        return activity(ApContext.VIEW_CONTEXT, "View", id, actorUrl, videoUrl, List.of(ApContext.PUBLIC), List.of());
    }

    /** PeerTube's "viewers" View: how many watch a live right now, valid until {@code expires}. */
    public static Map<String, Object> viewers(String id, String actorUrl, String videoUrl, long viewersCount,
                                              Instant expires) {
        Map<String, Object> view = view(id, actorUrl, videoUrl);
        view.put("expires", ApContext.date(expires));
        view.put("result", ApContext.ordered("interactionType", "WatchAction", "type", "InteractionCounter",
                "userInteractionCount", viewersCount));
        return view;
    }

    /**
     * An abuse report sent to the instance of the reported content, as PeerTube sends it: addressed to the
     * reported account only; context {@link ApContext#FLAG_CONTEXT}.
     *
     * @param objectUrl       the reported video, comment or account
     * @param reasons         PeerTube's predefined reasons ({@code violentOrRepulsive}, {@code spamOrMisleading}...)
     * @param reportedAccount the url of the account reported (the owner of the content)
     */
    public static Map<String, Object> flag(String id, String actorUrl, String objectUrl, String content,
                                           List<String> reasons, String reportedAccount) {
        Map<String, Object> flag = activity(ApContext.FLAG_CONTEXT, "Flag", id, actorUrl, objectUrl,
                List.of(reportedAccount), List.of());
        flag.put("content", content);
        flag.put("mediaType", "text/markdown");
        flag.put("tag", reasons == null ? List.of()
                : reasons.stream().map(r -> ApContext.ordered("type", "Hashtag", "name", r)).toList());
        return flag;
    }

    /**
     * Checks what every activity must have before anything else reads it: a known type, an http(s) id of at most
     * 2000 characters, an actor (a URL or an object with one) and an object (a URL, or an object with a type;
     * Accept, Reject and Undo embed activities, a Flag may name several URLs).
     */
    public static void validateShape(JsonNode activity) throws InvalidObjectException {
        if (activity == null || !activity.isObject()) {
            throw new InvalidObjectException("Activity: not a JSON object");
        }
        String type = Nodes.text(activity, "type");
        if (type == null || !TYPES.contains(type)) {
            throw new InvalidObjectException("Activity type: not supported: " + Nodes.excerpt(type));
        }
        Nodes.requireUrl(activity, "id", type);
        if (!Nodes.isHttpUrl(actorUrl(activity))) {
            throw new InvalidObjectException(type + " actor: missing or not an http(s) URL");
        }
        JsonNode object = activity.get("object");
        if (object == null || object.isNull()) {
            throw new InvalidObjectException(type + ": missing object");
        }
        if (object.isTextual()) {
            if (!Nodes.isHttpUrl(object.textValue())) {
                throw new InvalidObjectException(type + " object: not an http(s) URL: " + Nodes.excerpt(object.textValue()));
            }
        } else if (object.isObject()) {
            String objectType = Nodes.text(object, "type");
            if (objectType == null) {
                throw new InvalidObjectException(type + " object: has no type");
            }
            if (MAY_EMBED_ACTIVITY.contains(type) && TYPES.contains(objectType)) {
                validateShape(object);
            }
        } else if (!("Flag".equals(type) && object.isArray() && object.size() > 0 && allUrls(object))) {
            throw new InvalidObjectException(type + " object: neither a URL nor an object");
        }
        for (String audience : List.of("to", "cc")) {
            for (JsonNode item : Nodes.list(activity.get(audience))) {
                if (!item.isTextual()) {
                    throw new InvalidObjectException(type + " " + audience + ": not a list of URLs");
                }
            }
        }
    }

    /** The actor's url: the {@code actor} string, or its object's {@code id}; {@code null} without one. */
    public static String actorUrl(JsonNode activity) {
        return activity == null ? null : Nodes.idOf(activity.get("actor"));
    }

    /** The object's url: the {@code object} string, its object's {@code id}, or a Flag's first URL. */
    public static String objectUrl(JsonNode activity) {
        if (activity == null) {
            return null;
        }
        JsonNode object = activity.get("object");
        if (object != null && object.isArray()) {
            return object.size() == 0 ? null : Nodes.idOf(object.get(0));
        }
        return Nodes.idOf(object);
    }

    /**
     * The host of a URL as instances are named: lower case, with the port when it is not the scheme's default
     * ({@code peertube.example}, {@code 127.0.0.1:9001}); {@code null} when the text is not an http(s) URL.
     */
    public static String host(String url) {
        if (!Nodes.isHttpUrl(url)) {
            return null;
        }
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    private static boolean allUrls(JsonNode array) {
        for (JsonNode item : array) {
            if (!Nodes.isHttpUrl(Nodes.idOf(item))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withObject(String type, String id, String actorUrl, Object object,
                                                  List<String> to, List<String> cc) {
        List<Object> context = ApContext.ACTIVITY_CONTEXT;
        if (object instanceof Map<?, ?> map && map.get("@context") instanceof List<?> objectContext) {
            context = (List<Object>) objectContext;
        }
        return activity(context, type, id, actorUrl, embedded(object), to, cc);
    }

    @SuppressWarnings("unchecked")
    private static Object embedded(Object object) {
        return object instanceof Map<?, ?> map ? ApContext.withoutContext((Map<String, Object>) map) : object;
    }

    private static Map<String, Object> activity(List<Object> context, String type, String id, String actorUrl,
                                                Object object, List<String> to, List<String> cc) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("@context", context);
        if (to != null) {
            activity.put("to", List.copyOf(to));
        }
        if (cc != null) {
            activity.put("cc", List.copyOf(cc));
        }
        activity.put("type", type);
        activity.put("id", id);
        activity.put("actor", actorUrl);
        activity.put("object", object);
        return activity;
    }
}
