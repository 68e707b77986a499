package org.vidiverse.api.model;

/**
 * One rendition of a video: an MP4 web video file, or the fragmented MP4 of an HLS playlist. A local video's files
 * are stored here; a remote video's stay on its origin and only their URLs are known.
 *
 * @param resolution    height in pixels, {@code 0} for audio only
 * @param size          bytes on disk
 * @param streamingPlaylistId the HLS playlist this file belongs to, or {@code null} for a web video (MP4) file
 * @param filename      name of the file under the video's storage folder (for a remote file: the last segment of
 *                      its URL)
 * @param torrentFilename name of its {@code .torrent}, or {@code null} before one exists
 * @param infoHash      BitTorrent info hash (hex), or {@code null}
 * @param fileUrl       for a remote video's file: the URL its origin serves it at; {@code null} for local files
 * @param torrentUrl    for a remote video's file: its origin's {@code .torrent} URL, or {@code null}
 */
public record VideoFile(long id, long videoId, int resolution, long size, int fps, String extname,
                        Long streamingPlaylistId, String filename, String torrentFilename, String infoHash,
                        String fileUrl, String torrentUrl) {

    /** A local file. */
    public VideoFile(long id, long videoId, int resolution, long size, int fps, String extname,
                     Long streamingPlaylistId, String filename, String torrentFilename, String infoHash) {
        this(id, videoId, resolution, size, fps, extname, streamingPlaylistId, filename, torrentFilename, infoHash,
                null, null);
    }

    /** Whether the file stays on another instance. */
    public boolean remote() {
        return fileUrl != null;
    }
}
