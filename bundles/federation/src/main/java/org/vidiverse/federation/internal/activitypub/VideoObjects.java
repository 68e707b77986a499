package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;

/**
 * Video objects as PeerTube 6.x serves and reads them ({@code /videos/watch/{uuid}}): metadata, the audience that
 * says public or unlisted, pictures, every rendition in {@code url}, and the account and channel it belongs to.
 */
public final class VideoObjects {
    /** PeerTube's limits (CONSTRAINTS_FIELDS.VIDEOS): name, description, support. */
    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_SUPPORT = 1_000;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final List<String> CATEGORIES = List.of("Music", "Films", "Vehicles", "Art", "Sports", "Travels",
            "Gaming", "People", "Comedy", "Entertainment", "News & Politics", "How To", "Education", "Activism",
            "Science & Technology", "Animals", "Kids", "Food");
    private static final List<String> LICENCES = List.of("Attribution", "Attribution - Share Alike",
            "Attribution - No Derivatives", "Attribution - Non Commercial",
            "Attribution - Non Commercial - Share Alike", "Attribution - Non Commercial - No Derivatives",
            "Public Domain Dedication");

    private VideoObjects() {
    }

    /**
     * A remote video read from its object, with the channel and account it is attributed to.
     *
     * @param video      the video, its {@code channelActorId} 0 until the channel is stored
     * @param channelUrl the Group it belongs to
     * @param accountUrl the Person that owns that channel
     */
    public record ParsedVideo(RemoteVideo video, String channelUrl, String accountUrl) {
    }

    // ---------------------------------------------------------------- render

    /**
     * The Video object of a local video, {@code @context} first, as served at its url and carried by Create and
     * Update.
     *
     * @param files   the video's files: web videos ({@code streamingPlaylistId == null}) and those of {@code hls}
     * @param baseUrl this instance's public URL without a trailing slash
     * @throws IllegalArgumentException for a remote video, or one that is neither public nor unlisted
     */
    public static Map<String, Object> render(Video video, List<VideoFile> files, Optional<HlsPlaylist> hls,
                                             String baseUrl) {
        if (!video.local()) {
            throw new IllegalArgumentException("only local videos are rendered, not " + video.url());
        }
        String url = video.url() != null ? video.url() : baseUrl + "/videos/watch/" + video.uuid();
        String accountUrl = actorUrl(video.account(), baseUrl + "/accounts/");
        String channelUrl = actorUrl(video.channel(), baseUrl + "/video-channels/");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("@context", ApContext.VIDEO_CONTEXT);
        audience(v, video.privacy(), accountUrl + "/followers");
        v.put("type", "Video");
        v.put("id", url);
        v.put("name", video.name());
        v.put("duration", ApContext.isoDuration(video.duration()));
        v.put("uuid", video.uuid());
        if (video.category() != null) {
            v.put("category", identifier(String.valueOf(video.category()), label(CATEGORIES, video.category())));
        }
        if (video.licence() != null) {
            v.put("licence", identifier(String.valueOf(video.licence()), label(LICENCES, video.licence())));
        }
        if (video.language() != null) {
            v.put("language", identifier(video.language(), languageName(video.language())));
        }
        v.put("views", video.views());
        v.put("sensitive", video.nsfw());
        v.put("waitTranscoding", video.waitTranscoding());
        v.put("state", video.state().id());
        v.put("commentsEnabled", video.commentsEnabled());
        v.put("canReply", null);
        v.put("commentsPolicy", video.commentsPolicy());
        v.put("downloadEnabled", video.downloadEnabled());
        v.put("published", ApContext.date(video.publishedAt() != null ? video.publishedAt() : video.createdAt()));
        v.put("originallyPublishedAt", ApContext.date(video.originallyPublishedAt()));
        v.put("updated", ApContext.date(video.updatedAt()));
        v.put("tag", video.tags().stream().map(t -> ApContext.ordered("type", "Hashtag", "name", t)).toList());
        v.put("mediaType", "text/markdown");
        v.put("content", video.description());
        v.put("support", video.support());
        v.put("subtitleLanguage", List.of());
        v.put("icon", List.of(
                image(baseUrl + "/lazy-static/thumbnails/" + video.uuid() + ".jpg", 280, 157),
                image(baseUrl + "/lazy-static/previews/" + video.uuid() + ".jpg", 850, 480)));
        v.put("url", VideoLinks.render(video, url, files == null ? List.of() : files,
                hls == null ? Optional.empty() : hls, baseUrl));
        v.put("likes", url + "/likes");
        v.put("dislikes", url + "/dislikes");
        v.put("shares", url + "/announces");
        v.put("comments", url + "/comments");
        v.put("attributedTo", List.of(ApContext.ordered("type", "Person", "id", accountUrl),
                ApContext.ordered("type", "Group", "id", channelUrl)));
        v.put("isLiveBroadcast", false);
        v.put("liveSaveReplay", null);
        v.put("permanentLive", null);
        v.put("latencyMode", null);
        return v;
    }

    /** PeerTube's audiences: public is to everyone and cc the followers; unlisted only cc everyone. */
    private static void audience(Map<String, Object> v, VideoPrivacy privacy, String followersUrl) {
        if (privacy == VideoPrivacy.PUBLIC) {
            v.put("to", List.of(ApContext.PUBLIC));
            v.put("cc", List.of(followersUrl));
        } else if (privacy == VideoPrivacy.UNLISTED) {
            v.put("to", List.of());
            v.put("cc", List.of(ApContext.PUBLIC));
        } else {
            throw new IllegalArgumentException("a " + privacy + " video is not federated");
        }
    }

    private static String actorUrl(ActorRef ref, String folder) {
        return ref.url() != null ? ref.url() : folder + ref.name();
    }

    private static Map<String, Object> identifier(String identifier, String name) {
        return ApContext.ordered("identifier", identifier, "name", name);
    }

    private static String label(List<String> labels, int id) {
        return id >= 1 && id <= labels.size() ? labels.get(id - 1) : "Unknown";
    }

    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? "Unknown" : name;
    }

    private static Map<String, Object> image(String url, int width, int height) {
        return ApContext.ordered("type", "Image", "url", url, "mediaType", "image/jpeg", "width", width,
                "height", height);
    }

    // ---------------------------------------------------------------- parse

    /**
     * Reads a remote Video object.
     *
     * @param expectedHost the host it came from; its id, channel and account must be on it (files may be elsewhere:
     *                     instances serve them from object storage or CDNs)
     * @throws InvalidObjectException when it is not a video we can store: private, without renditions, malformed
     */
    public static ParsedVideo parse(JsonNode object, String expectedHost) throws InvalidObjectException {
        if (object == null || !object.isObject()) {
            throw new InvalidObjectException("Video: not a JSON object");
        }
        if (!"Video".equals(Nodes.text(object, "type"))) {
            throw new InvalidObjectException("Video type: not a Video: " + Nodes.excerpt(Nodes.text(object, "type")));
        }
        String id = Nodes.requireUrl(object, "id", "Video");
        Nodes.requireOnHost(id, expectedHost, "Video id");
        String uuid = Nodes.text(object, "uuid");
        if (uuid == null || !UUID.matcher(uuid).matches()) {
            throw new InvalidObjectException("Video uuid: missing or not a UUID: " + Nodes.excerpt(uuid));
        }
        String name = name(Nodes.text(object, "name"));
        String durationText = Nodes.text(object, "duration");
        int duration;
        try {
            duration = ApContext.parseIsoDuration(durationText);
        } catch (InvalidObjectException e) {
            throw new InvalidObjectException("Video " + e.getMessage());
        }
        VideoPrivacy privacy = privacy(object);
        String channelUrl = attributedTo(object, "Group", "channel", expectedHost);
        String accountUrl = attributedTo(object, "Person", "account", expectedHost);
        VideoLinks.Parsed links = VideoLinks.parse(object.get("url"));
        Instant published = Nodes.requireDate(object, "published", "Video");
        Instant updated = Nodes.date(object, "updated", "Video");
        List<JsonNode> icons = icons(object);
        RemoteVideo video = new RemoteVideo(id, uuid.toLowerCase(Locale.ROOT), name, description(object),
                Nodes.truncate(Nodes.nonBlank(object, "support"), MAX_SUPPORT), duration,
                numericIdentifier(object.get("category")), numericIdentifier(object.get("licence")),
                language(object.get("language")), tags(object), Boolean.TRUE.equals(Nodes.bool(object, "sensitive")),
                commentsEnabled(object), !Boolean.FALSE.equals(Nodes.bool(object, "downloadEnabled")),
                Boolean.TRUE.equals(Nodes.bool(object, "waitTranscoding")), privacy, state(object), views(object), 0,
                published, updated != null ? updated : published, Nodes.date(object, "originallyPublishedAt", "Video"),
                icons.isEmpty() ? null : Nodes.text(thumbnail(icons), "url"),
                icons.isEmpty() ? null : Nodes.text(icons.get(icons.size() - 1), "url"),
                links.webVideos(), links.hlsPlaylistUrl(), links.segmentsSha256Url(), links.hlsFiles());
        return new ParsedVideo(video, channelUrl, accountUrl);
    }

    private static String name(String name) throws InvalidObjectException {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidObjectException("Video: missing name");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidObjectException("Video name: " + trimmed.length() + " characters, more than " + MAX_NAME);
        }
        return trimmed;
    }

    /** Public when {@code to} has the public collection, unlisted when {@code cc} has it; the rest is private. */
    private static VideoPrivacy privacy(JsonNode object) throws InvalidObjectException {
        if (Nodes.addressesPublic(object.get("to"))) {
            return VideoPrivacy.PUBLIC;
        }
        if (Nodes.addressesPublic(object.get("cc"))) {
            return VideoPrivacy.UNLISTED;
        }
        throw new InvalidObjectException("Video to/cc: not addressed to the public; private videos are not stored");
    }

    /** The url of the attributedTo entry of that type; it must be on the video's host. */
    private static String attributedTo(JsonNode object, String type, String what, String expectedHost)
            throws InvalidObjectException {
        for (JsonNode entry : Nodes.list(object.get("attributedTo"))) {
            if (type.equals(Nodes.text(entry, "type"))) {
                String url = Nodes.text(entry, "id");
                if (!Nodes.isHttpUrl(url)) {
                    throw new InvalidObjectException("Video attributedTo: the " + type + " id is not an http(s) URL");
                }
                Nodes.requireOnHost(url, expectedHost, "Video attributedTo " + type);
                return url;
            }
        }
        throw new InvalidObjectException("Video attributedTo: no " + type + " (" + what + ")");
    }

    private static String description(JsonNode object) {
        String content = Nodes.nonBlank(object, "content");
        if (content != null && "text/html".equals(Nodes.text(object, "mediaType"))) {
            content = HtmlText.toText(Nodes.truncate(content, 10 * MAX_DESCRIPTION));
        }
        return Nodes.truncate(content, MAX_DESCRIPTION);
    }

    /** Category and licence ids; a licence given as an SPDX name ({@code CC-BY-4.0}) is not mapped. */
    private static Integer numericIdentifier(JsonNode value) {
        String identifier = value == null ? null : value.isObject() ? Nodes.text(value, "identifier")
                : value.isTextual() ? value.textValue() : value.isIntegralNumber() ? value.asText() : null;
        return identifier != null && NUMBER.matcher(identifier).matches() ? Integer.valueOf(identifier) : null;
    }

    private static String language(JsonNode value) {
        String identifier = value == null ? null : value.isObject() ? Nodes.text(value, "identifier")
                : value.isTextual() ? value.textValue() : null;
        return identifier == null || identifier.isBlank() || identifier.length() > 20 ? null : identifier;
    }

    /** Hashtag names PeerTube accepts as tags: 2 to 30 characters, without a leading {@code #}. */
    private static List<String> tags(JsonNode object) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : Nodes.list(object.get("tag"))) {
            String name = "Hashtag".equals(Nodes.text(tag, "type")) ? Nodes.text(tag, "name") : null;
            name = name != null && name.startsWith("#") ? name.substring(1) : name;
            if (name != null && name.strip().length() >= 2 && name.strip().length() <= 30) {
                tags.add(name.strip());
            }
        }
        return tags;
    }

    /** {@code commentsPolicy} (1 enabled, 2 disabled, 3 approval) when given, else {@code commentsEnabled}. */
    private static boolean commentsEnabled(JsonNode object) {
        Long policy = Nodes.integer(object, "commentsPolicy");
        if (policy != null && policy >= 1 && policy <= 3) {
            return policy != 2;
        }
        return Boolean.TRUE.equals(Nodes.bool(object, "commentsEnabled"));
    }

    private static VideoState state(JsonNode object) {
        Long state = Nodes.integer(object, "state");
        return state == null ? VideoState.PUBLISHED
                : VideoState.byId(state.intValue()).orElse(VideoState.PUBLISHED);
    }

    private static long views(JsonNode object) {
        Long views = Nodes.integer(object, "views");
        return views == null || views < 0 ? 0 : views;
    }

    /** The valid icons (Image, http(s) url, a width), smallest first. */
    private static List<JsonNode> icons(JsonNode object) {
        List<JsonNode> icons = new ArrayList<>();
        for (JsonNode icon : Nodes.list(object.get("icon"))) {
            String type = Nodes.text(icon, "type");
            Long width = Nodes.integer(icon, "width");
            if ((type == null || "Image".equals(type)) && Nodes.isHttpUrl(Nodes.text(icon, "url"))
                    && width != null && width >= 0) {
                icons.add(icon);
            }
        }
        icons.sort(java.util.Comparator.comparingLong(icon -> Nodes.integer(icon, "width")));
        return icons;
    }

    /** PeerTube's thumbnail is 280 wide; without one, the smallest picture serves. */
    private static JsonNode thumbnail(List<JsonNode> icons) {
        for (JsonNode icon : icons) {
            if (Long.valueOf(280).equals(Nodes.integer(icon, "width"))) {
                return icon;
            }
        }
        return icons.get(0);
    }
}
