package org.vidiverse.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;

/** A video in PeerTube's REST shape: the list form, and the detailed form of {@code GET /api/v1/videos/{id}}. */
final class VideoJson {
    private static final int TRUNCATED_DESCRIPTION = 250;

    private VideoJson() {
    }

    static Map<String, Object> summary(Video v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("uuid", v.uuid());
        json.put("shortUUID", v.shortUuid());
        json.put("url", v.url());
        json.put("name", v.name());
        json.put("category", Labels.category(v.category()));
        json.put("licence", Labels.licence(v.licence()));
        json.put("language", Labels.language(v.language()));
        json.put("privacy", Labels.idLabel(v.privacy().id(), v.privacy().label()));
        json.put("nsfw", v.nsfw());
        json.put("truncatedDescription", truncate(v.description()));
        json.put("description", truncate(v.description()));
        json.put("isLocal", v.local());
        json.put("duration", v.duration());
        json.put("views", v.views());
        json.put("viewers", 0);
        json.put("likes", v.likes());
        json.put("dislikes", v.dislikes());
        json.put("thumbnailPath", null);
        json.put("previewPath", null);
        json.put("embedPath", "/videos/embed/" + v.uuid());
        json.put("createdAt", Json.date(v.createdAt()));
        json.put("updatedAt", Json.date(v.updatedAt()));
        json.put("publishedAt", Json.date(v.publishedAt()));
        json.put("originallyPublishedAt", Json.date(v.originallyPublishedAt()));
        json.put("isLive", false);
        json.put("account", actor(v.account()));
        json.put("channel", actor(v.channel()));
        json.put("state", Labels.idLabel(v.state().id(), v.state().label()));
        return json;
    }

    static Map<String, Object> details(Video v, List<VideoFile> files, String publicUrl) {
        Map<String, Object> json = summary(v);
        json.put("description", v.description());
        json.put("support", v.support());
        json.put("descriptionPath", "/api/v1/videos/" + v.uuid() + "/description");
        json.put("tags", v.tags());
        json.put("commentsEnabled", v.commentsEnabled());
        json.put("commentsPolicy", Labels.idLabel(v.commentsEnabled() ? 1 : 2, v.commentsEnabled() ? "Enabled" : "Disabled"));
        json.put("downloadEnabled", v.downloadEnabled());
        json.put("waitTranscoding", v.waitTranscoding());
        json.put("blacklisted", false);
        json.put("blacklistedReason", null);
        json.put("inputFileUpdatedAt", null);
        json.put("trackerUrls", List.of(publicUrl + "/tracker/announce",
                publicUrl.replaceFirst("^http", "ws") + "/tracker/socket"));
        List<Map<String, Object>> webVideos = new ArrayList<>();
        for (VideoFile file : files) {
            if (file.streamingPlaylistId() == null) {
                webVideos.add(file(file));
            }
        }
        json.put("files", webVideos);
        json.put("streamingPlaylists", List.of());
        return json;
    }

    private static Map<String, Object> file(VideoFile f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("resolution", Labels.idLabel(f.resolution(), f.resolution() == 0 ? "Audio" : f.resolution() + "p"));
        json.put("size", f.size());
        json.put("fps", f.fps());
        return json;
    }

    static Map<String, Object> actor(ActorRef ref) {
        if (ref == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ref.id());
        json.put("name", ref.name());
        json.put("displayName", ref.displayName());
        json.put("url", ref.url());
        json.put("host", ref.host());
        json.put("avatars", List.of());
        return json;
    }

    /** PeerTube's {@code userHistory} of a video for the logged-in user, when they have watched it. */
    static Map<String, Object> withUserHistory(Map<String, Object> json, Integer currentTime) {
        if (currentTime != null) {
            json.put("userHistory", Map.of("currentTime", currentTime));
        }
        return json;
    }

    private static String truncate(String description) {
        if (description == null || description.length() <= TRUNCATED_DESCRIPTION) {
            return description;
        }
        return description.substring(0, TRUNCATED_DESCRIPTION - 3) + "...";
    }
}
