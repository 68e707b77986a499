package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;

/** Playlists and their elements in PeerTube's REST shapes ({@code VideoPlaylist}, {@code VideoPlaylistElement}). */
final class PlaylistJson {
    /** PeerTube's {@code VideoPlaylistElementType}. */
    static final int REGULAR = 0;
    static final int DELETED = 1;
    static final int PRIVATE = 2;

    private PlaylistJson() {
    }

    static Map<String, Object> playlist(VideoPlaylist p, String publicUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("uuid", p.uuid());
        json.put("shortUUID", p.shortUuid());
        json.put("isLocal", p.local());
        json.put("url", p.url());
        json.put("displayName", p.displayName());
        json.put("description", p.description());
        json.put("privacy", Labels.idLabel(p.privacy().id(), p.privacy().label()));
        json.put("thumbnailPath", null);
        json.put("thumbnailUrl", null);
        json.put("embedPath", "/video-playlists/embed/" + p.uuid());
        json.put("embedUrl", publicUrl + "/video-playlists/embed/" + p.uuid());
        json.put("videosLength", p.videosLength());
        json.put("type", Labels.idLabel(p.type().id(), p.type().label()));
        json.put("createdAt", Json.date(p.createdAt()));
        json.put("updatedAt", Json.date(p.updatedAt()));
        json.put("ownerAccount", VideoJson.actor(p.owner()));
        json.put("videoChannel", VideoJson.actor(p.channel()));
        return json;
    }

    /**
     * An element as the caller may see it: its video is {@code null} (and its type says why) when the video was
     * deleted or is private, internal or password protected and not the caller's, as PeerTube answers.
     */
    static Map<String, Object> element(VideoPlaylistElement e, Optional<User> caller, Integer currentTime) {
        int type = type(e.video(), caller);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("position", e.position());
        json.put("startTimestamp", e.startTimestamp());
        json.put("stopTimestamp", e.stopTimestamp());
        json.put("type", type);
        json.put("video", type == REGULAR ? VideoJson.withUserHistory(VideoJson.summary(e.video()), currentTime)
                : null);
        return json;
    }

    static int type(Video video, Optional<User> caller) {
        if (video == null) {
            return DELETED;
        }
        boolean loggedIn = caller.isPresent();
        if (loggedIn && video.account() != null && video.account().id() == caller.get().accountId()) {
            return REGULAR;
        }
        return switch (video.privacy()) {
            case INTERNAL -> loggedIn ? REGULAR : PRIVATE;
            case PRIVATE, PASSWORD_PROTECTED -> PRIVATE;
            default -> REGULAR;
        };
    }
}
