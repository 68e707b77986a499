package org.vidiverse.sample.codec.humble;

import java.nio.file.Path;

import io.humble.ferry.Buffer;
import io.humble.video.AudioChannel;
import io.humble.video.AudioFormat;
import io.humble.video.Codec;
import io.humble.video.Coder;
import io.humble.video.Encoder;
import io.humble.video.MediaAudio;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;
import io.humble.video.Muxer;
import io.humble.video.PixelFormat;
import io.humble.video.Rational;

/**
 * Makes test media with Humble itself: an H.264 + AAC MP4 of moving colour bars with a 440 Hz tone, so tests need
 * no sample files and no ffmpeg on the machine.
 */
final class TestMedia {
    static final int SAMPLE_RATE = 44_100;

    private TestMedia() {
    }

    static Path mp4(Path file, int width, int height, int fps, double seconds) throws Exception {
        if (HumbleLibrary.failure().isPresent()) {
            throw new AssertionError("native library not loaded", HumbleLibrary.failure().get());
        }
        try (NativeScope scope = new NativeScope()) {
            Muxer muxer = scope.own(Muxer.make(file.toString(), null, "mp4"));

            Encoder video = scope.own(Encoder.make(scope.own(Codec.findEncodingCodecByName("libx264"))));
            video.setWidth(width);
            video.setHeight(height);
            video.setPixelFormat(PixelFormat.Type.PIX_FMT_YUV420P);
            Rational frameBase = scope.own(Rational.make(1, fps));
            video.setTimeBase(frameBase);
            video.setFlag(Coder.Flag.FLAG_GLOBAL_HEADER, true);
            video.open(Options.of(scope, "preset", "ultrafast", "b", "2000000", "g", Integer.toString(fps)), null);

            Encoder audio = scope.own(Encoder.make(scope.own(Codec.findEncodingCodecByName("aac"))));
            audio.setSampleRate(SAMPLE_RATE);
            audio.setChannels(2);
            audio.setChannelLayout(AudioChannel.Layout.CH_LAYOUT_STEREO);
            audio.setSampleFormat(AudioFormat.Type.SAMPLE_FMT_FLTP);
            Rational sampleBase = scope.own(Rational.make(1, SAMPLE_RATE));
            audio.setTimeBase(sampleBase);
            audio.setProperty("b", 96_000L);
            audio.setFlag(Coder.Flag.FLAG_GLOBAL_HEADER, true);
            audio.open(Options.of(scope, "strict", "experimental"), null);

            int videoIndex = scope.own(muxer.addNewStream(video)).getIndex();
            int audioIndex = scope.own(muxer.addNewStream(audio)).getIndex();
            muxer.open(null, null);

            MediaPicture picture = scope.own(MediaPicture.make(width, height, PixelFormat.Type.PIX_FMT_YUV420P));
            picture.setTimeBase(frameBase);
            int frameSize = audio.getFrameSize();
            MediaAudio samples = scope.own(MediaAudio.make(frameSize, SAMPLE_RATE, 2,
                    AudioChannel.Layout.CH_LAYOUT_STEREO, AudioFormat.Type.SAMPLE_FMT_FLTP));
            samples.setTimeBase(sampleBase);
            MediaPacket packet = scope.own(MediaPacket.make());

            int frames = (int) Math.round(seconds * fps);
            long totalSamples = Math.round(seconds * SAMPLE_RATE);
            long samplesDone = 0;
            for (int i = 0; i < frames; i++) {
                paint(picture, i);
                picture.setTimeStamp(i);
                picture.setComplete(true);
                write(muxer, video, videoIndex, packet, picture);
                while (samplesDone < Math.min(totalSamples, (long) (i + 1) * SAMPLE_RATE / fps)) {
                    int n = (int) Math.min(frameSize, totalSamples - samplesDone);
                    tone(samples, samplesDone, n);
                    samples.setTimeStamp(samplesDone);
                    samples.setComplete(true);
                    write(muxer, audio, audioIndex, packet, samples);
                    samplesDone += n;
                }
            }
            write(muxer, video, videoIndex, packet, null);
            write(muxer, audio, audioIndex, packet, null);
            muxer.close();
        }
        return file;
    }

    private static void write(Muxer muxer, Encoder encoder, int stream, MediaPacket packet,
                              io.humble.video.MediaSampled media) {
        if (media == null) {
            do {
                encoder.encode(packet, null);
                if (packet.isComplete()) {
                    packet.setStreamIndex(stream);
                    muxer.write(packet, true);
                }
            } while (packet.isComplete());
        } else {
            encoder.encode(packet, media);
            if (packet.isComplete()) {
                packet.setStreamIndex(stream);
                muxer.write(packet, true);
            }
        }
    }

    /** Vertical bars sliding one pixel per frame, with chroma changing over time. */
    private static void paint(MediaPicture picture, int frame) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        for (int plane = 0; plane < 3; plane++) {
            int w = plane == 0 ? width : (width + 1) / 2;
            int h = plane == 0 ? height : (height + 1) / 2;
            int stride = picture.getLineSize(plane);
            byte[] bytes = new byte[stride * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = plane == 0 ? (((x + frame) / 16) % 2 == 0 ? 200 : 60) + y % 32
                            : 128 + (int) (60 * Math.sin((frame + x + plane * 40) / 25.0));
                    bytes[y * stride + x] = (byte) v;
                }
            }
            Buffer data = picture.getData(plane);
            try {
                data.put(bytes, 0, 0, bytes.length);
            } finally {
                data.delete();
            }
        }
    }

    private static void tone(MediaAudio samples, long first, int count) {
        float[] wave = new float[count];
        for (int i = 0; i < count; i++) {
            wave[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * (first + i) / SAMPLE_RATE));
        }
        for (int channel = 0; channel < 2; channel++) {
            Buffer data = samples.getData(channel);
            try {
                data.put(wave, 0, 0, count);
            } finally {
                data.delete();
            }
        }
        samples.setNumSamples(count);
    }
}
