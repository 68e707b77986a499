package org.vidiverse.api.store;

import java.util.EnumSet;
import java.util.Set;

import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;

/**
 * Filters for listing playlists; {@code null} fields do not filter.
 *
 * @param privacies playlists of these privacies (never empty)
 * @param accountId only playlists this account owns
 * @param channelId only playlists shown on this channel
 * @param type      only playlists of this type
 * @param search    only playlists whose display name contains this text, regardless of case
 */
public record PlaylistQuery(Set<VideoPlaylistPrivacy> privacies, Long accountId, Long channelId,
                            VideoPlaylistType type, String search) {

    public PlaylistQuery {
        privacies = privacies == null || privacies.isEmpty() ? EnumSet.allOf(VideoPlaylistPrivacy.class)
                : Set.copyOf(privacies);
        search = search == null || search.isBlank() ? null : search.trim();
    }

    /** What anyone may list: public playlists. */
    public static PlaylistQuery publicOnly() {
        return new PlaylistQuery(EnumSet.of(VideoPlaylistPrivacy.PUBLIC), null, null, null, null);
    }

    /** Every playlist whatever its privacy: what an account sees of its own. */
    public static PlaylistQuery all() {
        return new PlaylistQuery(null, null, null, null, null);
    }

    public PlaylistQuery ofAccount(long id) {
        return new PlaylistQuery(privacies, id, channelId, type, search);
    }

    public PlaylistQuery ofChannel(long id) {
        return new PlaylistQuery(privacies, accountId, id, type, search);
    }

    public PlaylistQuery withType(VideoPlaylistType value) {
        return new PlaylistQuery(privacies, accountId, channelId, value, search);
    }

    public PlaylistQuery withSearch(String value) {
        return new PlaylistQuery(privacies, accountId, channelId, type, value);
    }
}
