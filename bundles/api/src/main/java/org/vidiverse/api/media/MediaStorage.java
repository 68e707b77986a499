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
     * A name for this node that stays the same across restarts (kept in the media root), so that the jobs it held
     * when it stopped can be handed back when it starts again.
     *
     * @since 1.2
     */
    String nodeId();

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
