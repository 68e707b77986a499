package org.vidiverse.api.model;

/**
 * One stored rendition of a video: an MP4 web video file, or the fragmented MP4 of an HLS playlist.
 *
 * @param resolution    height in pixels, {@code 0} for audio only
 * @param size          bytes on disk
 * @param streamingPlaylistId the HLS playlist this file belongs to, or {@code null} for a web video (MP4) file
 * @param filename      name of the file under the video's storage folder
 * @param torrentFilename name of its {@code .torrent}, or {@code null} before one exists
 * @param infoHash      BitTorrent info hash (hex), or {@code null}
 */
public record VideoFile(long id, long videoId, int resolution, long size, int fps, String extname,
                        Long streamingPlaylistId, String filename, String torrentFilename, String infoHash) {
}
