package org.vidiverse.api.codec;

/**
 * What probing found in a media file.
 *
 * @param durationSeconds length, fractional
 * @param width           video width in pixels, {@code 0} without a video stream
 * @param height          video height in pixels, {@code 0} without a video stream
 * @param fps             frames per second, {@code 0} without a video stream
 * @param bitrate         overall bits per second
 * @param videoCodec      e.g. {@code h264}, or {@code null}
 * @param audioCodec      e.g. {@code aac}, or {@code null}
 */
public record MediaInfo(double durationSeconds, int width, int height, double fps, long bitrate, String videoCodec,
                        String audioCodec) {

    public boolean hasVideo() {
        return videoCodec != null && width > 0 && height > 0;
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
