package org.vidiverse.api.media;

import java.nio.file.Path;

/**
 * The folders that hold an instance's media, and the public URL path of each. PeerTube's layout:
 *
 * <pre>
 * web-videos/{fileUuid}-{resolution}.mp4                          /static/web-videos/...
 * streaming-playlists/hls/{videoUuid}/{name}                      /static/streaming-playlists/hls/{videoUuid}/...
 *     {uuid}-master.m3u8, {fileUuid}-{resolution}.m3u8, {fileUuid}-{resolution}-fragmented.mp4,
 *     {uuid}-segments-sha256.json
 * torrents/{fileUuid}-{resolution}.torrent                        /lazy-static/torrents/...
 * thumbnails/{uuid}.jpg, previews/{uuid}.jpg                      /lazy-static/thumbnails/..., /lazy-static/previews/...
 * uploads/                                                        never served: uploads in progress
 * </pre>
 *
 * Every folder is under {@link #root()}, on one file system, so that finished files are moved into place atomically.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MediaStorage {
    String WEB_VIDEOS = "web-videos";
    String HLS = "streaming-playlists/hls";
    String TORRENTS = "torrents";
    String THUMBNAILS = "thumbnails";
    String PREVIEWS = "previews";
    String UPLOADS = "uploads";

    /** The media root, e.g. {@code data/media}. */
    Path root();

    /**
     * This node's name in the job queue, kept in the media root's {@code node-id}: the same after a restart (so the
     * jobs a crashed run held are handed back to it) and distinct between nodes sharing a database, each with its
     * own media root.
     *
     * @throws java.io.UncheckedIOException if the file can be neither read nor written
     * @since 1.2
     */
    default String nodeId() {
        Path file = root().resolve("node-id");
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                String id = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            java.nio.file.Files.createDirectories(root());
            String id = "node-" + java.util.UUID.randomUUID();
            Path tmp = java.nio.file.Files.createTempFile(root(), "node-id", ".tmp");
            java.nio.file.Files.writeString(tmp, id, java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return id;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read or write the node id in " + root(), e);
        }
    }

    default Path webVideos() {
        return root().resolve(WEB_VIDEOS);
    }

    /** The HLS folder of one video. */
    default Path hls(String videoUuid) {
        return root().resolve(HLS).resolve(videoUuid);
    }

    default Path torrents() {
        return root().resolve(TORRENTS);
    }

    default Path thumbnails() {
        return root().resolve(THUMBNAILS);
    }

    default Path previews() {
        return root().resolve(PREVIEWS);
    }

    default Path uploads() {
        return root().resolve(UPLOADS);
    }
}
