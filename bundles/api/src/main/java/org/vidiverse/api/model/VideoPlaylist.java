package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A list of videos owned by an account, optionally shown on one of its channels.
 *
 * @param shortUuid    the base58 form of {@code uuid}
 * @param url          the playlist's ActivityPub id
 * @param owner        the account that owns the playlist
 * @param channel      the channel the playlist is shown on, or {@code null}; public playlists always have one
 * @param videosLength how many elements the playlist has, deleted videos included
 */
public record VideoPlaylist(long id, String uuid, String shortUuid, String displayName, String description,
                            VideoPlaylistPrivacy privacy, VideoPlaylistType type, boolean local, String url,
                            ActorRef owner, ActorRef channel, long videosLength, Instant createdAt,
                            Instant updatedAt) {

    public boolean watchLater() {
        return type == VideoPlaylistType.WATCH_LATER;
    }
}
