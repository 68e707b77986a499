package org.vidiverse.api.model;

/**
 * The HLS streaming playlist of a video: its master playlist and the SHA-256 list of its segments, both in the
 * video's HLS folder; its renditions are the {@link VideoFile}s with this playlist's id. For a remote video the
 * files stay on the origin and {@code playlistUrl} and {@code segmentsSha256Url} say where.
 */
public record HlsPlaylist(long id, long videoId, String playlistFilename, String segmentsSha256Filename,
                          String playlistUrl, String segmentsSha256Url) {

    /** A local playlist. */
    public HlsPlaylist(long id, long videoId, String playlistFilename, String segmentsSha256Filename) {
        this(id, videoId, playlistFilename, segmentsSha256Filename, null, null);
    }

    public boolean remote() {
        return playlistUrl != null;
    }
}
