package org.vidiverse.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.PlaylistStore;

/** Playlists in memory for the playlist resources; the store rules they rely on are the storage tests' business. */
final class PlaylistFakes {
    final Map<Long, VideoPlaylist> playlists = new LinkedHashMap<>();
    final List<VideoPlaylistElement> elements = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    private final InteractionFakes world;
    private long nextId = 1;

    PlaylistFakes(InteractionFakes world) {
        this.world = world;
    }

    final PlaylistStore store = InteractionFakes.proxy(PlaylistStore.class, (name, args) -> {
        calls.add(name);
        return switch (name) {
            case "findById" -> Optional.ofNullable(playlists.get((Long) args[0]));
            case "findByUuid" -> playlists.values().stream().filter(p -> p.uuid().equals(args[0])).findFirst();
            case "findByShortUuid" -> playlists.values().stream().filter(p -> p.shortUuid().equals(args[0]))
                    .findFirst();
            case "create" -> playlist((Long) args[0], (VideoPlaylistPrivacy) args[3], VideoPlaylistType.REGULAR);
            case "update" -> playlists.get((Long) args[0]);
            case "delete" -> playlists.remove((Long) args[0]) != null;
            case "reorder" -> null;
            case "findElement" -> elements.stream().filter(e -> e.playlistId() == (Long) args[0]
                    && e.id() == (Long) args[1]).findFirst();
            case "addElement" -> add((Long) args[0], (Long) args[1]);
            case "elements" -> new Page<>(elements.size(), elements.stream()
                    .filter(e -> e.playlistId() == (Long) args[0]).toList());
            default -> throw new UnsupportedOperationException(name);
        };
    });

    VideoPlaylist playlist(long ownerAccountId, VideoPlaylistPrivacy privacy, VideoPlaylistType type) {
        long id = nextId++;
        UUID uuid = new UUID(0, id);
        ActorRef owner = new ActorRef(ownerAccountId, "user" + ownerAccountId, "User", InteractionFakes.HOST,
                "https://" + InteractionFakes.HOST + "/accounts/user" + ownerAccountId);
        VideoPlaylist p = new VideoPlaylist(id, uuid.toString(), "abcdefghijkmnopqrst" + id, "list " + id, null,
                privacy, type, true, "https://" + InteractionFakes.HOST + "/video-playlists/" + uuid, owner, null,
                0, Instant.EPOCH, Instant.EPOCH);
        playlists.put(id, p);
        return p;
    }

    VideoPlaylistElement add(long playlistId, long videoId) {
        Video video = world.videos.get(videoId);
        if (!playlists.containsKey(playlistId)) {
            throw new NotFoundException("playlist " + playlistId);
        }
        VideoPlaylistElement e = new VideoPlaylistElement(100 + elements.size(), playlistId,
                (int) elements.stream().filter(x -> x.playlistId() == playlistId).count() + 1, null, null, video);
        elements.add(e);
        return e;
    }

    static PageRequest all() {
        return PageRequest.of(0, 100, "position");
    }
}
