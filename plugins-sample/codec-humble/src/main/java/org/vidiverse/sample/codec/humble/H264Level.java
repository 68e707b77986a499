package org.vidiverse.sample.codec.humble;

/**
 * The lowest H.264 level (ITU-T H.264 Table A-1) whose limits hold a picture size, frame rate and peak bitrate,
 * so the encoder signals a level players accept and the HLS master playlist can name the exact codec.
 */
final class H264Level {
    /** level, max macroblocks per second, max frame size in macroblocks, max bitrate for high profile (bit/s). */
    private static final long[][] LEVELS = {
            {30, 40_500, 1_620, 12_500_000},
            {31, 108_000, 3_600, 17_500_000},
            {32, 216_000, 5_120, 25_000_000},
            {40, 245_760, 8_192, 25_000_000},
            {41, 245_760, 8_192, 62_500_000},
            {42, 522_240, 8_704, 62_500_000},
            {50, 589_824, 22_080, 168_750_000},
            {51, 983_040, 36_864, 300_000_000},
            {52, 2_073_600, 36_864, 300_000_000},
    };

    private H264Level() {
    }

    /** The level as x264 takes it, e.g. {@code 3.1}. */
    static String of(int width, int height, double fps, long peakBitrate) {
        long frameMbs = (long) Math.ceil(width / 16.0) * (long) Math.ceil(height / 16.0);
        double mbps = frameMbs * fps;
        for (long[] level : LEVELS) {
            if (frameMbs <= level[2] && mbps <= level[1] && peakBitrate <= level[3]) {
                return level[0] / 10 + "." + level[0] % 10;
            }
        }
        return "5.2";
    }

    /** RFC 6381 {@code avc1} string for high profile (0x64), no constraint flags, at {@code level}. */
    static String codecString(String level) {
        int idc = Integer.parseInt(level.replace(".", ""));
        return String.format("avc1.6400%02x", idc);
    }
}
