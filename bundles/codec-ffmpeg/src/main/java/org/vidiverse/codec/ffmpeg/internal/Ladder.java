package org.vidiverse.codec.ffmpeg.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.Rendition;

/** The renditions a request asks for, fitted to the probed source. */
final class Ladder {
    static final int DEFAULT_SEGMENT_SECONDS = 4;
    private static final double DEFAULT_FPS = 30;

    /**
     * One output rendition.
     *
     * @param resolution  the rung: height, width for portrait sources, {@code 0} for audio only
     * @param fps         the frame rate written, {@code 0} for audio only
     * @param videoFilter the filter chain from the decoded source to this rendition's frames, {@code null} for audio
     * @param maxBitrate  video bits per second the encoder stays under, {@code 0} for no cap
     * @param gopFrames   frames from one keyframe to the next
     */
    record Rung(int resolution, double fps, String videoFilter, long maxBitrate, int gopFrames) {
        boolean audioOnly() {
            return resolution == 0;
        }

        int roundedFps() {
            return (int) Math.round(fps);
        }
    }

    private Ladder() {
    }

    /**
     * Video rungs for a source with video (and the audio-only rung if asked and there is audio); for a source with
     * audio only, the single audio-only rung whatever the ladder asks.
     *
     * @throws CodecException if nothing can be produced (a ladder of audio only for a silent video)
     */
    static List<Rung> plan(List<Rendition> ladder, Probe source, int segmentSeconds) throws CodecException {
        boolean video = source.info().hasVideo();
        boolean audio = source.audioStream() >= 0;
        if (!video) {
            return List.of(new Rung(0, 0, null, 0, 0));
        }
        Map<Integer, Rendition> distinct = new LinkedHashMap<>();
        for (Rendition r : ladder) {
            distinct.putIfAbsent(r.height(), r);
        }
        List<Rung> rungs = new ArrayList<>();
        for (Rendition r : distinct.values()) {
            if (r.height() < 0) {
                throw new IllegalArgumentException("negative rendition height " + r.height());
            }
            if (r.height() == 0) {
                if (audio) {
                    rungs.add(new Rung(0, 0, null, 0, 0));
                }
                continue;
            }
            double fps = targetFps(r.fps(), source.info().fps());
            String filter = videoFilter(r.height(), source.portrait(), fps, source.info().fps());
            int gop = (int) Math.max(1, Math.round(fps * gopSeconds(segmentSeconds)));
            rungs.add(new Rung(r.height(), fps, filter, Math.max(0, r.videoBitrate()), gop));
        }
        if (rungs.isEmpty()) {
            throw new CodecException("The video has no sound, and only an audio rendition was asked for");
        }
        return rungs;
    }

    /**
     * Seconds between keyframes: a divisor of the segment length, so that every segment of every rendition starts
     * with a keyframe at the same instant (players switch renditions there). Two seconds, as PeerTube, when the
     * segment length is even.
     */
    static int gopSeconds(int segmentSeconds) {
        int segment = segmentSeconds > 0 ? segmentSeconds : DEFAULT_SEGMENT_SECONDS;
        return segment % 2 == 0 ? 2 : segment;
    }

    /** The rung's frame rate capped at the source's; the source's when the rung names none. */
    static double targetFps(int asked, double source) {
        if (asked > 0) {
            return source > 0 ? Math.min(asked, source) : asked;
        }
        return source > 0 ? source : DEFAULT_FPS;
    }

    /**
     * Scale the shorter side to the rung (an even number of pixels; the other side follows the aspect ratio and is
     * rounded to even, as H.264 4:2:0 needs), drop frames above the target rate, and convert to 8-bit 4:2:0, which
     * every player decodes.
     */
    static String videoFilter(int resolution, boolean portrait, double fps, double sourceFps) {
        return fpsStep(fps, sourceFps) + scaleStep(resolution, portrait) + ",format=yuv420p";
    }

    /** {@code fps=N,} when frames arriving at {@code inputFps} (0: unknown) must be dropped to {@code fps}, else empty. */
    static String fpsStep(double fps, double inputFps) {
        return !(inputFps > 0) || inputFps > fps + 0.01 ? "fps=" + decimal(fps) + "," : "";
    }

    /** The scale filter giving the rung's shorter side, the other side even and in proportion. */
    static String scaleStep(int resolution, boolean portrait) {
        int even = resolution - resolution % 2;
        return portrait ? "scale=" + even + ":-2" : "scale=-2:" + even;
    }

    static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("\\.?0+$", "");
    }
}
