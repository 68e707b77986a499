package org.vidiverse.sample.codec.humble;

import java.util.List;

import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.Rendition;

import io.humble.video.Codec;
import io.humble.video.Coder;
import io.humble.video.Decoder;
import io.humble.video.Encoder;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;
import io.humble.video.MediaPictureResampler;
import io.humble.video.PixelFormat;
import io.humble.video.Rational;

/**
 * One rung of the video ladder: scales decoded pictures with {@link MediaPictureResampler} to the rung's size,
 * drops frames down to the rung's frame rate, and encodes H.264 (libx264, high profile, yuv420p) with a keyframe
 * every segment so that HLS segments cut on keyframes.
 */
final class VideoRung {
    /** x264's presets. Anything else is refused before it reaches Humble, whose failing open can abort the JVM. */
    static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
            "slow", "slower", "veryslow", "placebo");
    static final String DEFAULT_PRESET = "veryfast";
    private final Rendition rendition;
    private final int width;
    private final int height;
    /** Output frame rate as a fraction, e.g. 30/1 or 30000/1001. */
    private final int rateNum;
    private final int rateDen;
    private final String level;
    private final MediaPictureResampler scaler;
    private final MediaPicture scaled;
    private final Rational timeBase;
    private final Encoder encoder;
    private final MediaPacket packet;
    private long lastFrame = -1;

    private VideoRung(NativeScope scope, Decoder decoder, Rendition rendition, Rational sourceRate, String preset,
                      int segmentSeconds) {
        this.rendition = rendition;
        int sourceWidth = decoder.getWidth();
        int sourceHeight = decoder.getHeight();
        // a rung names the shorter side, as PeerTube's resolutions do: a 1080x1920 phone video is "1080p"
        if (sourceHeight > sourceWidth) {
            width = even(rendition.height());
            height = evenRound((double) sourceHeight * width / sourceWidth);
        } else {
            height = even(rendition.height());
            width = evenRound((double) sourceWidth * height / sourceHeight);
        }
        double sourceFps = Input.rate(sourceRate);
        if (sourceFps <= 0 || rendition.fps() > 0 && rendition.fps() < sourceFps - 0.01) {
            rateNum = rendition.fps() > 0 ? rendition.fps() : 30;
            rateDen = 1;
        } else {                                            // never above the source's rate
            rateNum = sourceRate.getNumerator();
            rateDen = sourceRate.getDenominator();
        }
        double fps = (double) rateNum / rateDen;

        scaler = scope.own(MediaPictureResampler.make(width, height, PixelFormat.Type.PIX_FMT_YUV420P,
                sourceWidth, sourceHeight, decoder.getPixelFormat(),
                0));                                   // Humble adds the algorithm: area down, bicubic up
        scaler.open();
        scaled = scope.own(MediaPicture.make(width, height, PixelFormat.Type.PIX_FMT_YUV420P));
        timeBase = scope.own(Rational.make(rateDen, rateNum));

        encoder = scope.own(Encoder.make(scope.own(Codec.findEncodingCodecByName("libx264"))));
        encoder.setWidth(width);
        encoder.setHeight(height);
        encoder.setPixelFormat(PixelFormat.Type.PIX_FMT_YUV420P);
        encoder.setTimeBase(timeBase);
        encoder.setFlag(Coder.Flag.FLAG_GLOBAL_HEADER, true);    // MP4 wants SPS/PPS out of band
        long bitrate = Math.max(0, rendition.videoBitrate());
        long maxRate = bitrate * 3 / 2;
        level = H264Level.of(width, height, fps, maxRate);
        int gop = Math.max(1, (int) Math.round(fps * Math.max(1, segmentSeconds)));
        List<String> options = new java.util.ArrayList<>(List.of(
                "preset", preset == null || preset.isBlank() ? DEFAULT_PRESET : preset,
                // "profile" and "level" hit AVCodecContext's integer options before libx264's strings: x264
                // picks high profile itself for 8-bit 4:2:0 with its presets, and takes the level as its idc
                "level", level.replace(".", ""),
                "g", Integer.toString(gop),
                "keyint_min", Integer.toString(gop),
                "sc_threshold", "0",                  // no extra keyframes at scene cuts: segments stay equal
                "threads", "0"));
        if (bitrate > 0) {                            // else x264's constant quality (CRF 23)
            options.addAll(List.of("b", Long.toString(bitrate), "maxrate", Long.toString(maxRate),
                    "bufsize", Long.toString(bitrate * 2)));
        }
        encoder.open(Options.of(scope, options.toArray(String[]::new)), null);
        packet = scope.own(MediaPacket.make());
    }

    /** @throws CodecException if {@code preset} is not one of x264's (null or blank means the default) */
    static void checkPreset(String preset) throws CodecException {
        if (preset != null && !preset.isBlank() && !PRESETS.contains(preset)) {
            throw new CodecException("unknown x264 preset \"" + preset + "\" (one of " + String.join(", ", PRESETS) + ")");
        }
    }

    static VideoRung open(NativeScope scope, Decoder decoder, Rendition rendition, Rational sourceRate,
                          String preset, int segmentSeconds) {
        return new VideoRung(scope, decoder, rendition, sourceRate, preset, segmentSeconds);
    }

    Rendition rendition() {
        return rendition;
    }

    Encoder encoder() {
        return encoder;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double fps() {
        return (double) rateNum / rateDen;
    }

    /** RFC 6381 codec string for HLS {@code CODECS}, e.g. {@code avc1.64001f}: high profile at the chosen level. */
    String codecString() {
        return H264Level.codecString(level);
    }

    /**
     * Encodes a decoded picture shown at {@code seconds} from the start, unless the rung's lower frame rate drops
     * it.
     */
    void accept(MediaPicture picture, double seconds, PacketSink sink) {
        long frame = Math.max(0, Math.round(seconds * rateNum / rateDen));
        if (frame <= lastFrame) {
            return;                                   // a frame of this output slot went out already
        }
        lastFrame = frame;
        scaler.resample(scaled, picture);
        scaled.setTimeBase(timeBase);                 // the resampler copies the input's (decoder) time base
        scaled.setTimeStamp(frame);
        scaled.setComplete(true);
        encoder.encode(packet, scaled);
        if (packet.isComplete()) {
            sink.write(packet, encoder);
        }
    }

    /** Drains the encoder's delayed frames (lookahead, B-frames). */
    void flush(PacketSink sink) {
        do {
            encoder.encode(packet, null);
            if (packet.isComplete()) {
                sink.write(packet, encoder);
            }
        } while (packet.isComplete());
    }

    private static int even(int n) {
        return Math.max(2, n - (n % 2));
    }

    /** The nearest even number, as ffmpeg's {@code scale=-2}: 1280x720 to 480 lines gives 854, not 852. */
    private static int evenRound(double n) {
        return Math.max(2, 2 * (int) Math.round(n / 2));
    }
}
