package org.vidiverse.codec.ffmpeg.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * One frame as a JPEG of an exact size: scaled to cover it, centre-cropped, square pixels. The crop is exact because
 * 4:2:0 frames are otherwise cropped to even sizes, and PeerTube's thumbnail is 157 pixels high.
 */
final class SnapshotCommand {
    private SnapshotCommand() {
    }

    static List<String> build(Path ffmpeg, Path input, int videoStream, double atSeconds, int width, int height,
                              Path jpeg) {
        String size = width + ":" + height;
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-ss", Ladder.decimal(atSeconds), "-i", "file:" + input.toAbsolutePath(),
                "-map", "0:" + videoStream, "-frames:v", "1",
                "-vf", "scale=" + size + ":force_original_aspect_ratio=increase,crop=" + size + ":exact=1,setsar=1",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", "file:" + jpeg.toAbsolutePath());
    }
}
