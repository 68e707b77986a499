package org.vidiverse.api.model;

import java.util.Objects;

/**
 * A rendition to record: an MP4 web video, or the fragmented MP4 of an HLS playlist.
 *
 * @param resolution      height in pixels (the shorter side for portrait videos), {@code 0} for audio only
 * @param size            bytes on disk
 * @param filename        name under its folder, e.g. {@code 3f2a...-720.mp4}
 * @param torrentFilename its {@code .torrent}, or {@code null}
 * @param infoHash        BitTorrent info hash (hex), or {@code null}
 */
public record NewVideoFile(int resolution, int fps, long size, String extname, String filename,
                           String torrentFilename, String infoHash) {
    public NewVideoFile {
        Objects.requireNonNull(extname, "extname");
        Objects.requireNonNull(filename, "filename");
    }
}
