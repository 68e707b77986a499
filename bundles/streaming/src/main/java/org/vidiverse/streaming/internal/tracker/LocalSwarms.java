package org.vidiverse.streaming.internal.tracker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;

/**
 * The swarms of the local videos: the torrent info hash of every stored file, and for every local HLS playlist the
 * hashes the web player's P2P loader announces (one per variant of the master playlist, see {@link LoaderStreams}
 * and {@link Ids#loaderStreamHash}). The player's swarm id is the playlist URL ({@link #swarmId}).
 */
final class LocalSwarms {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSwarms.class);
    private final VideoStore videos;
    private final InstanceIdentity instance;
    private final MediaStorage storage;

    LocalSwarms(VideoStore videos, InstanceIdentity instance, MediaStorage storage) {
        this.videos = videos;
        this.instance = instance;
        this.storage = storage;
    }

    /** The swarm id the player configures for a local playlist: its master playlist's URL, as the video JSON says. */
    static String swarmId(String publicUrl, String videoUuid, String playlistFilename) {
        return publicUrl + "/static/streaming-playlists/hls/" + videoUuid + "/" + playlistFilename;
    }

    /** The loader's hashes of the variants of a master playlist (separate audio renditions are not made here). */
    static void addPlaylistHashes(Set<String> into, String swarmId, String masterPlaylist) {
        for (String streamId : LoaderStreams.mainStreamIds(masterPlaylist)) {
            into.add(Ids.loaderStreamHash(swarmId, "main", streamId));
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
        if (hls != null && !hls.remote() && hls.playlistFilename() != null) {
            Path master = storage.hls(v.uuid()).resolve(hls.playlistFilename());
            try {
                addPlaylistHashes(hashes, swarmId(publicUrl, v.uuid(), hls.playlistFilename()),
                        Files.readString(master, StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.debug("No master playlist at {}: its P2P swarms are not hosted", master, e);
            }
        }
    }
}
