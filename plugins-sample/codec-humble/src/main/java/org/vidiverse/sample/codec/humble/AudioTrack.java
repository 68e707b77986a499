package org.vidiverse.sample.codec.humble;

import java.util.Arrays;
import java.util.Set;

import io.humble.ferry.Buffer;
import io.humble.video.AudioChannel;
import io.humble.video.AudioFormat;
import io.humble.video.Codec;
import io.humble.video.Coder;
import io.humble.video.Decoder;
import io.humble.video.Encoder;
import io.humble.video.MediaAudio;
import io.humble.video.MediaAudioResampler;
import io.humble.video.MediaPacket;
import io.humble.video.Rational;

/**
 * The one audio chain of a transcode: decode, resample to planar float stereo (or mono) with
 * {@link MediaAudioResampler}, cut into frames of exactly the encoder's frame size, encode AAC once; every output
 * (each rung's MP4 and HLS) gets the same packets.
 *
 * <p>Why frames are cut here: Humble's encoder buffers audio for fixed-frame-size codecs but takes out at most one
 * frame per call, so feeding it larger chunks (MP3's 1152 samples, resampled rates) grows its buffer for the whole
 * file. Cutting exact frames keeps memory flat.
 */
final class AudioTrack {
    static final long BITRATE = 128_000;
    /** Sample rates AAC signals directly; others are resampled to 48 kHz. */
    private static final Set<Integer> AAC_RATES = Set.of(96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050,
            16000, 12000, 11025, 8000);

    private final Decoder decoder;
    private final MediaAudioResampler resampler;
    private MediaAudio resampled;
    private final Encoder encoder;
    private final MediaAudio frame;
    private final MediaPacket packet;
    private final Rational timeBase;
    private final NativeScope scope;
    private final int channels;
    private final int frameSize;
    private final float[][] pending;
    private int pendingSamples;
    private long samplesOut = -1;

    private AudioTrack(NativeScope scope, Decoder decoder) {
        this.scope = scope;
        this.decoder = decoder;
        int inChannels = decoder.getChannels();
        AudioChannel.Layout inLayout = decoder.getChannelLayout();
        if (inLayout == AudioChannel.Layout.CH_LAYOUT_UNKNOWN) {
            // WAV and raw PCM often leave the layout unset; the resampler needs one
            inLayout = AudioChannel.getDefaultLayout(inChannels);
            decoder.setChannelLayout(inLayout);
        }
        decoder.open(Options.of(scope, "threads", "0"), null);

        channels = inChannels == 1 ? 1 : 2;
        AudioChannel.Layout layout = channels == 1 ? AudioChannel.Layout.CH_LAYOUT_MONO : AudioChannel.Layout.CH_LAYOUT_STEREO;
        int rate = AAC_RATES.contains(decoder.getSampleRate()) ? decoder.getSampleRate() : 48000;
        timeBase = scope.own(Rational.make(1, rate));

        resampler = scope.own(MediaAudioResampler.make(layout, rate, AudioFormat.Type.SAMPLE_FMT_FLTP,
                inLayout, decoder.getSampleRate(), decoder.getSampleFormat()));
        resampler.open();
        resampled = scope.own(MediaAudio.make(8192, rate, channels, layout, AudioFormat.Type.SAMPLE_FMT_FLTP));

        Codec aac = scope.own(Codec.findEncodingCodecByName("aac"));
        encoder = scope.own(Encoder.make(aac));
        encoder.setSampleRate(rate);
        encoder.setChannels(channels);
        encoder.setChannelLayout(layout);
        encoder.setSampleFormat(AudioFormat.Type.SAMPLE_FMT_FLTP);
        encoder.setTimeBase(timeBase);
        encoder.setProperty("b", channels == 1 ? BITRATE / 2 : BITRATE);
        encoder.setFlag(Coder.Flag.FLAG_GLOBAL_HEADER, true);
        // FFmpeg 2.8's native AAC encoder is still flagged experimental (it is the default from FFmpeg 3.0 on)
        encoder.open(Options.of(scope, "strict", "experimental"), null);
        frameSize = encoder.getFrameSize();
        frame = scope.own(MediaAudio.make(frameSize, rate, channels, layout, AudioFormat.Type.SAMPLE_FMT_FLTP));
        frame.setTimeBase(timeBase);
        pending = new float[channels][frameSize * 4];
        packet = scope.own(MediaPacket.make());
    }

    /**
     * A fresh object to decode one audio frame into; delete it after use.
     *
     * <p>Humble 0.3.0 decodes audio straight into the buffer of the object passed when its sample rate, format and
     * channel layout match the decoder's, whatever its size: a frame larger than that buffer overruns it (a crash),
     * a smaller one reports the buffer's size as its sample count (noise). Giving an object whose layout is left
     * unknown makes FFmpeg allocate each frame itself, at the right size, and Humble then hands that frame over
     * by reference. The decoder's own layout must therefore be known (see the constructor).
     */
    static MediaAudio decodeTarget(Decoder decoder) {
        return MediaAudio.make(1, decoder.getSampleRate(), decoder.getChannels(),
                AudioChannel.Layout.CH_LAYOUT_UNKNOWN, decoder.getSampleFormat());
    }

    static AudioTrack open(NativeScope scope, Decoder decoder) {
        return new AudioTrack(scope, decoder);
    }

    Encoder encoder() {
        return encoder;
    }

    /**
     * Decodes one packet of the audio stream and encodes what it yields.
     *
     * @param startSeconds the input's start time, so that output audio starts where it started in the input
     */
    void decode(MediaPacket input, double startSeconds, PacketSink sink) {
        int offset = 0;
        while (offset < input.getSize()) {
            MediaAudio decoded = decodeTarget(decoder);
            try {
                int used = decoder.decode(decoded, input, offset);
                if (used <= 0) {
                    break;
                }
                offset += used;
                if (decoded.isComplete()) {
                    resample(decoded, startSeconds, sink);
                }
            } finally {
                decoded.delete();
            }
        }
    }

    /** Drains the decoder, the resampler and the encoder. */
    void flush(double startSeconds, PacketSink sink) {
        boolean more = true;
        while (more) {
            MediaAudio decoded = decodeTarget(decoder);
            try {
                decoder.decode(decoded, null, 0);
                more = decoded.isComplete();
                if (more) {
                    resample(decoded, startSeconds, sink);
                }
            } finally {
                decoded.delete();
            }
        }
        while (resampler.resample(resampled, null) > 0) {
            queue(resampled.getNumSamples(), sink);
        }
        if (pendingSamples > 0) {
            encodeFrame(0, pendingSamples, sink);   // the last, short frame: the encoder pads it
            pendingSamples = 0;
        }
        do {
            encoder.encode(packet, null);
            if (packet.isComplete()) {
                sink.write(packet, encoder);
            }
        } while (packet.isComplete());
    }

    private void resample(MediaAudio audio, double startSeconds, PacketSink sink) {
        if (samplesOut < 0) {
            double at = Input.seconds(audio.getTimeStamp(), scope.own(audio.getTimeBase())) - startSeconds;
            samplesOut = Math.max(0, Math.round(at * timeBase.getDenominator()));
        }
        int needed = resampler.getNumResampledSamples(audio.getNumSamples()) + 256;
        if (needed > resampled.getMaxNumSamples()) {
            resampled = scope.own(MediaAudio.make(needed, resampler.getOutputSampleRate(), channels,
                    resampler.getOutputLayout(), AudioFormat.Type.SAMPLE_FMT_FLTP));
        }
        int samples = resampler.resample(resampled, audio);
        if (samples > 0) {
            queue(samples, sink);
        }
    }

    /** Appends resampled samples to the pending frame and encodes every full frame. */
    private void queue(int samples, PacketSink sink) {
        for (int c = 0; c < channels; c++) {
            if (pending[c].length < pendingSamples + samples) {
                pending[c] = Arrays.copyOf(pending[c], (pendingSamples + samples) * 2);
            }
            Buffer plane = resampled.getData(c);
            try {
                plane.get(0, pending[c], pendingSamples, samples);
            } finally {
                plane.delete();
            }
        }
        pendingSamples += samples;
        int done = 0;
        while (pendingSamples - done >= frameSize) {
            encodeFrame(done, frameSize, sink);
            done += frameSize;
        }
        if (done > 0) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(pending[c], done, pending[c], 0, pendingSamples - done);
            }
            pendingSamples -= done;
        }
    }

    /** Encodes {@code samples} samples of {@link #pending} from {@code offset} on. */
    private void encodeFrame(int offset, int samples, PacketSink sink) {
        for (int c = 0; c < channels; c++) {
            Buffer plane = frame.getData(c);
            try {
                plane.put(pending[c], offset, 0, samples);
            } finally {
                plane.delete();
            }
        }
        frame.setNumSamples(samples);
        frame.setTimeStamp(samplesOut);
        frame.setComplete(true);
        samplesOut += samples;
        encoder.encode(packet, frame);
        if (packet.isComplete()) {
            sink.write(packet, encoder);
        }
    }
}
