package org.vidiverse.api.model;

/**
 * The HLS streaming playlist of a video: its master playlist and the SHA-256 list of its segments, both in the
 * video's HLS folder; its renditions are the {@link VideoFile}s with this playlist's id.
 */
public record HlsPlaylist(long id, long videoId, String playlistFilename, String segmentsSha256Filename) {
}
