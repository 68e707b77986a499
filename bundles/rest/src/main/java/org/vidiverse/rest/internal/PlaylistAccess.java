package org.vidiverse.rest.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.ws.rs.core.SecurityContext;

import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;

/**
 * Finds the playlist a path names (id, UUID or short UUID) and decides who may see or change it, as PeerTube's
 * playlist validators do: an unlisted playlist named by its numeric id is not found (404); a private one needs a
 * login (401) and then its owner or an administrator (403). Changing the playlist itself needs its owner or a
 * moderator; changing its elements needs its owner or an administrator (PeerTube's {@code REMOVE_ANY} and
 * {@code UPDATE_ANY_VIDEO_PLAYLIST} rights).
 */
final class PlaylistAccess {
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A 128-bit UUID in base 58 has 22 digits, rarely a few less; shorter words are no short UUID. */
    private static final Pattern SHORT_UUID = Pattern.compile("[1-9a-km-zA-HJ-NP-Z]{16,22}");

    private final PlaylistStore playlists;

    PlaylistAccess(PlaylistStore playlists) {
        this.playlists = playlists;
    }

    /** The playlist, or 400 for a value that is no id, UUID or short UUID, 404 for an unknown one. */
    VideoPlaylist find(String rawId) {
        String raw = rawId == null ? "" : rawId.trim();
        Optional<VideoPlaylist> found;
        if (NUMERIC_ID.matcher(raw).matches()) {
            found = playlists.findById(Long.parseLong(raw));
        } else if (UUID.matcher(raw).matches()) {
            found = playlists.findByUuid(raw.toLowerCase(Locale.ROOT));
        } else if (SHORT_UUID.matcher(raw).matches()) {
            found = playlists.findByShortUuid(raw);
        } else {
            throw Problem.invalidParam("playlistId", "playlistId must be a playlist id, UUID or short UUID");
        }
        return found.orElseThrow(() -> Problem.notFound("Video playlist not found"));
    }

    /** The playlist if the caller may see it; see the class comment. */
    VideoPlaylist findVisible(String rawId, SecurityContext security) {
        VideoPlaylist playlist = find(rawId);
        if (playlist.privacy() == VideoPlaylistPrivacy.UNLISTED && NUMERIC_ID.matcher(rawId.trim()).matches()) {
            throw Problem.notFound("Playlist not found");
        }
        if (playlist.privacy() == VideoPlaylistPrivacy.PRIVATE) {
            User user = Caller.require(security);
            if (!owns(user, playlist) && !user.role().atLeast(UserRole.ADMINISTRATOR)) {
                throw Problem.forbidden("Cannot get this private video playlist.");
            }
        }
        return playlist;
    }

    /** The playlist, if {@code user} owns it or has at least {@code anyPlaylistRole}; 403 otherwise. */
    static VideoPlaylist manageable(User user, VideoPlaylist playlist, UserRole anyPlaylistRole) {
        if (!playlist.local()) {
            throw Problem.forbidden("Cannot manage video playlist of another server.");
        }
        if (!owns(user, playlist) && !user.role().atLeast(anyPlaylistRole)) {
            throw Problem.forbidden("Cannot manage video playlist of another user");
        }
        return playlist;
    }

    static boolean owns(User user, VideoPlaylist playlist) {
        return playlist.owner().id() == user.accountId();
    }

    /** An element id from the path; 400 when it is not a number. */
    static long elementId(String raw) {
        if (raw == null || !NUMERIC_ID.matcher(raw.trim()).matches()) {
            throw Problem.invalidParam("playlistElementId", "playlistElementId must be a valid id");
        }
        return Long.parseLong(raw.trim());
    }
}
