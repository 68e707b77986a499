package org.vidiverse.api.codec;

import java.nio.file.Path;

/**
 * A file a transcode produced.
 *
 * @param kind       {@code mp4}, {@code hls-playlist}, {@code hls-fmp4} or {@code hls-master}
 * @param height     the rendition's height, {@code 0} for audio only or the master playlist
 * @param fps        the rendition's frame rate
 * @param file       where it is
 */
public record TranscodeOutput(String kind, int height, int fps, Path file) {
}
