package org.vidiverse.codec.ffmpeg.internal;

import java.util.function.Consumer;

import org.vidiverse.api.codec.ProgressListener;

/**
 * Turns ffmpeg's {@code -progress} lines ({@code out_time_us=...}, one block every half second) into percentages
 * of the probed duration. The listener sees each percentage once, rising only; 100 comes from {@link #finish()},
 * after the last file is written, never from ffmpeg's own output.
 */
final class ProgressTracker implements Consumer<String> {
    private static final String OUT_TIME = "out_time_us=";

    private final double durationMicros;
    private final ProgressListener listener;
    private int reported = -1;

    ProgressTracker(double durationSeconds, ProgressListener listener) {
        this.durationMicros = durationSeconds * 1_000_000;
        this.listener = listener;
    }

    @Override
    public void accept(String line) {
        if (!line.startsWith(OUT_TIME) || !(durationMicros > 0)) {
            return;
        }
        long micros;
        try {
            micros = Long.parseLong(line.substring(OUT_TIME.length()).strip());
        } catch (NumberFormatException e) {
            return;                                             // "N/A" before the first frame
        }
        report((int) Math.min(99, Math.max(0, micros / durationMicros * 100)));
    }

    void finish() {
        report(100);
    }

    /** The highest percentage reported so far, {@code -1} before the first. */
    synchronized int reported() {
        return reported;
    }

    private synchronized void report(int percent) {
        if (percent > reported) {
            reported = percent;
            if (listener != null) {
                try {
                    listener.progress(percent);
                } catch (RuntimeException e) {
                    // the caller's bookkeeping failed; the transcode goes on
                }
            }
        }
    }
}
