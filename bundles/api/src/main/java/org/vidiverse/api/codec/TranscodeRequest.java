package org.vidiverse.api.codec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Transcode {@code input} into every rendition of the ladder.
 *
 * @param input        the original upload
 * @param outputDir    an empty folder the codec writes into
 * @param ladder       renditions to produce, highest first
 * @param hls          produce HLS (fMP4 segments, one playlist per rendition, a master playlist)
 * @param webVideo     produce one MP4 per rendition (faststart)
 * @param segmentSeconds HLS segment length
 * @param preset       x264 preset, e.g. {@code veryfast}
 */
public record TranscodeRequest(Path input, Path outputDir, List<Rendition> ladder, boolean hls, boolean webVideo,
                               int segmentSeconds, String preset) {
    public TranscodeRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outputDir, "outputDir");
        ladder = List.copyOf(ladder);
    }
}
