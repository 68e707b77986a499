package org.vidiverse.sample.codec.humble;

import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.codec.Codec;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.ProgressListener;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;
import org.vidiverse.api.plugin.PluginNames;

/**
 * A codec that works in-process through Humble Video 0.3.0 (FFmpeg 2.8 and x264 behind JNI) instead of running
 * an FFmpeg child process. It ranks below the default FFmpeg codec (100), so the core uses it only when an admin
 * ranks it higher or the default is missing.
 *
 * <p>What it produces: per rung an H.264 (high profile) + AAC MP4 with faststart, and HLS with MPEG-TS segments,
 * a media playlist per rung and a master playlist. What it cannot: HLS with fMP4 segments (FFmpeg 2.8 has none),
 * codecs newer than 2015 in the input (AV1, VVC...; HEVC and VP9 decode as FFmpeg 2.8 did), and SIMD in x264
 * (about 3x slower than a current FFmpeg). A crash in native code takes the whole instance down, which a child
 * process would not.
 */
@Component(property = {PluginNames.NAME_PROPERTY + "=" + HumbleCodec.NAME, "service.ranking:Integer=10"})
public final class HumbleCodec implements Codec {
    public static final String NAME = "humble";
    private static final Logger log = LoggerFactory.getLogger(HumbleCodec.class);

    @Activate
    public HumbleCodec() {
        HumbleLibrary.failure().ifPresentOrElse(
                e -> log.warn("Humble Video codec unavailable: its native library did not load ({})", e.toString()),
                () -> log.info("Humble Video codec ready (FFmpeg libavformat {})", HumbleLibrary.ffmpegFormatVersion()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available() {
        return HumbleLibrary.failure().isEmpty();
    }

    @Override
    public MediaInfo probe(Path file) throws CodecException {
        ensureAvailable();
        try (NativeScope scope = new NativeScope()) {
            return Input.open(scope, file).info();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodecException("probe interrupted", e);
        }
    }

    @Override
    public List<TranscodeOutput> transcode(TranscodeRequest request, ProgressListener progress)
            throws CodecException, InterruptedException {
        ensureAvailable();
        long started = System.nanoTime();
        List<TranscodeOutput> outputs = new Transcode(request, progress).run();
        log.info("Transcoded {} into {} files in {} ms", request.input().getFileName(), outputs.size(),
                (System.nanoTime() - started) / 1_000_000);
        return outputs;
    }

    /**
     * One frame as a JPEG of exactly {@code width} x {@code height}, scaled to cover it and centre-cropped. The
     * signature is the one Codec SPI 1.1 adds (with a default that refuses); against SPI 1.0 it is a method of this
     * class only.
     */
    public void snapshot(Path input, double atSeconds, int width, int height, Path jpegOut)
            throws CodecException, InterruptedException {
        ensureAvailable();
        try {
            Snapshot.take(input, atSeconds, width, height, jpegOut);
        } catch (InterruptedException e) {
            Thread.interrupted();
            throw e;
        }
    }

    private static void ensureAvailable() throws CodecException {
        if (HumbleLibrary.failure().isPresent()) {
            throw new CodecException("the Humble Video native library is not loaded on this machine",
                    HumbleLibrary.failure().get());
        }
    }
}
