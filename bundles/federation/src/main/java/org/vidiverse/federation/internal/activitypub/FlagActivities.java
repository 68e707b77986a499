package org.vidiverse.federation.internal.activitypub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Flag activities (abuse reports between instances) as PeerTube writes them: {@code object} the reported video,
 * comment or account URL (a list of them is read too), {@code content} the reason in Markdown, one {@code Hashtag}
 * per predefined reason ({@code spamOrMisleading}...) and, for a video, {@code startAt}/{@code endAt} in seconds.
 */
public final class FlagActivities {
    /** The longest reason kept; PeerTube's own limit. */
    public static final int MAX_CONTENT = 3000;

    private FlagActivities() {
    }

    /** What a received Flag asks: the URLs reported, the reason, the predefined reasons' names, the times. */
    public record Flag(String id, List<String> objectUrls, String content, List<String> reasonNames,
                       Integer startAt, Integer endAt) {
    }

    /**
     * A Flag to send, addressed to the reported account only.
     *
     * @param reportedAccount the url of the account reported, or owning the reported content
     */
    public static Map<String, Object> render(String id, String actorUrl, String objectUrl, String content,
                                             List<String> reasonNames, String reportedAccount, Integer startAt,
                                             Integer endAt) {
        Map<String, Object> flag = Activities.flag(id, actorUrl, objectUrl, content, reasonNames, reportedAccount);
        if (startAt != null) {
            flag.put("startAt", startAt);
        }
        if (endAt != null) {
            flag.put("endAt", endAt);
        }
        return flag;
    }

    /** Reads a Flag whose shape {@link Activities#validateShape} accepted. */
    public static Flag parse(JsonNode activity) throws InvalidObjectException {
        List<String> urls = new ArrayList<>();
        for (JsonNode object : Nodes.list(activity.get("object"))) {
            String url = Nodes.idOf(object);
            if (!Nodes.isHttpUrl(url)) {
                throw new InvalidObjectException("Flag object: not an http(s) URL: " + Nodes.excerpt(url));
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw new InvalidObjectException("Flag object: names nothing");
        }
        JsonNode content = activity.get("content");
        if (content != null && !content.isNull() && !content.isTextual()) {
            throw new InvalidObjectException("Flag content: not a string");
        }
        String reason = content == null || content.isNull() ? "" : content.textValue().trim();
        if (reason.length() > MAX_CONTENT) {
            reason = reason.substring(0, MAX_CONTENT);
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode tag : Nodes.list(activity.get("tag"))) {
            String name = Nodes.text(tag, "name");
            if ("Hashtag".equals(Nodes.text(tag, "type")) && name != null) {
                reasons.add(name);
            }
        }
        return new Flag(Nodes.text(activity, "id"), List.copyOf(urls), reason, List.copyOf(reasons),
                seconds(activity, "startAt"), seconds(activity, "endAt"));
    }

    private static Integer seconds(JsonNode activity, String field) throws InvalidObjectException {
        JsonNode value = activity.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new InvalidObjectException("Flag " + field + ": not a number of seconds");
        }
        return value.asInt();
    }
}
