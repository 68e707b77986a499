package org.vidiverse.storage.internal;

import java.util.Date;
import java.util.UUID;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.PlaylistEntity;

/** Builds playlist rows with PeerTube's url layout: {@code {publicUrl}/video-playlists/{uuid}}. */
final class Playlists {
    private Playlists() {
    }

    static String url(InstanceIdentity identity, String uuid) {
        return identity.publicUrl() + "/video-playlists/" + uuid;
    }

    static PlaylistEntity create(InstanceIdentity identity, AccountEntity owner, String name, String description,
                                 VideoPlaylistPrivacy privacy, VideoPlaylistType type, ChannelEntity channel,
                                 Date now) {
        UUID uuid = UUID.randomUUID();
        PlaylistEntity p = new PlaylistEntity();
        p.setUuid(uuid.toString());
        p.setShortUuid(ShortUuid.encode(uuid));
        p.setUrl(url(identity, uuid.toString()));
        p.setName(name);
        p.setDescription(description);
        p.setPrivacy(privacy.id());
        p.setType(type.id());
        p.setOwner(owner);
        p.setChannel(channel);
        p.setCreatedAt(now);
        p.setUpdatedAt(now);
        return p;
    }

    /** The private watch later playlist every local account gets with its user. */
    static PlaylistEntity watchLater(InstanceIdentity identity, AccountEntity owner, Date now) {
        return create(identity, owner, PlaylistStore.WATCH_LATER_NAME, null, VideoPlaylistPrivacy.PRIVATE,
                VideoPlaylistType.WATCH_LATER, null, now);
    }
}
