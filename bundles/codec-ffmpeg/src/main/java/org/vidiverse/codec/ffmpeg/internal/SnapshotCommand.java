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
        return command(ffmpeg, List.of("-ss", Ladder.decimal(atSeconds)), input, "0:" + videoStream, width, height,
                jpeg);
    }

    /** The same image from a picture file (its first video stream, which is the picture). */
    static List<String> picture(Path ffmpeg, Path input, int width, int height, Path jpeg) {
        return command(ffmpeg, List.of(), input, "0:v:0", width, height, jpeg);
    }

    private static List<String> command(Path ffmpeg, List<String> inputOptions, Path input, String map, int width,
                                        int height, Path jpeg) {
        String size = width + ":" + height;
        List<String> command = new java.util.ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner",
                "-loglevel", "error", "-y"));
        command.addAll(inputOptions);
        command.addAll(List.of("-i", "file:" + input.toAbsolutePath(), "-map", map, "-frames:v", "1",
                "-vf", "scale=" + size + ":force_original_aspect_ratio=increase,crop=" + size + ":exact=1,setsar=1",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "-update", "1", "file:" + jpeg.toAbsolutePath()));
        return List.copyOf(command);
    }
}
