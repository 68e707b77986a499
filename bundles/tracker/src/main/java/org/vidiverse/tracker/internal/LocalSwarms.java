package org.vidiverse.tracker.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;

/**
 * The swarms of the local videos: the torrent info hash of every stored file, and for every local HLS playlist the
 * hashes the web player's P2P loader announces (one per stream of the master playlist, see
 * {@link Ids#loaderStreamHash}). The player's swarm id is the playlist URL ({@link #swarmId}).
 */
final class LocalSwarms {
    /** Stream types of p2p-media-loader: the playlist's levels are {@code main}, separate audio {@code secondary}. */
    private static final List<String> STREAM_TYPES = List.of("main", "secondary");

    private final VideoStore videos;
    private final InstanceIdentity instance;

    LocalSwarms(VideoStore videos, InstanceIdentity instance) {
        this.videos = videos;
        this.instance = instance;
    }

    /** The swarm id the player configures for a local playlist: its master playlist's URL, as the video JSON says. */
    static String swarmId(String publicUrl, String videoUuid, String playlistFilename) {
        return publicUrl + "/static/streaming-playlists/hls/" + videoUuid + "/" + playlistFilename;
    }

    /** The loader's hashes of a playlist with {@code renditions} levels. */
    static void addPlaylistHashes(Set<String> into, String swarmId, int renditions) {
        for (String type : STREAM_TYPES) {
            for (int i = 0; i < Math.max(1, renditions); i++) {
                into.add(Ids.loaderStreamHash(swarmId, type, i));
            }
        }
    }

    Set<String> scan() {
        Set<String> hashes = new HashSet<>();
        String publicUrl = instance.publicUrl();
        VideoQuery local = new VideoQuery(null, null, true, null, null, null, null, null);
        int start = 0;
        while (true) {
            Page<Video> page = videos.list(local, new PageRequest(start, PageRequest.MAX_COUNT, "createdAt", false));
            for (Video v : page.data()) {
                add(hashes, v, publicUrl);
            }
            start += page.data().size();
            if (page.data().isEmpty() || start >= page.total()) {
                return hashes;
            }
        }
    }

    private void add(Set<String> hashes, Video v, String publicUrl) {
        List<VideoFile> files = videos.files(v.id());
        for (VideoFile f : files) {
            if (!f.remote() && f.infoHash() != null && f.infoHash().length() == 40) {
                hashes.add(Ids.fromHex(f.infoHash()));
            }
        }
        HlsPlaylist hls = videos.hlsPlaylist(v.id()).orElse(null);
        if (hls != null && !hls.remote()) {
            long levels = files.stream()
                    .filter(f -> f.streamingPlaylistId() != null && f.streamingPlaylistId() == hls.id()).count();
            addPlaylistHashes(hashes, swarmId(publicUrl, v.uuid(), hls.playlistFilename()), (int) levels);
        }
    }
}
