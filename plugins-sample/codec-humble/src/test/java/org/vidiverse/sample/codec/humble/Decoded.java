package org.vidiverse.sample.codec.humble;

import java.nio.file.Path;

import io.humble.video.AudioChannel;
import io.humble.video.Decoder;
import io.humble.video.MediaAudio;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;

/** Decodes a whole file with Humble, counting what comes out: proof that an output plays, not only that it parses. */
record Decoded(int frames, int width, int height, long audioSamples, int sampleRate) {

    static Decoded of(Path file) throws Exception {
        try (NativeScope scope = new NativeScope()) {
            Input input = Input.open(scope, file);
            Decoder video = input.videoDecoder();
            Decoder audio = input.audioDecoder();
            MediaPicture picture = null;
            if (video != null) {
                video.open(null, null);
                picture = scope.own(MediaPicture.make(video.getWidth(), video.getHeight(), video.getPixelFormat()));
            }
            if (audio != null) {
                if (audio.getChannelLayout() == AudioChannel.Layout.CH_LAYOUT_UNKNOWN) {
                    audio.setChannelLayout(AudioChannel.getDefaultLayout(audio.getChannels()));
                }
                audio.open(null, null);
            }
            int frames = 0;
            long audioSamples = 0;
            MediaPacket packet = scope.own(MediaPacket.make());
            while (input.demuxer().read(packet) >= 0) {
                if (!packet.isComplete()) {
                    continue;
                }
                int offset = 0;
                while (offset < packet.getSize()) {
                    int used;
                    if (packet.getStreamIndex() == input.videoIndex() && picture != null) {
                        used = video.decode(picture, packet, offset);
                        frames += picture.isComplete() ? 1 : 0;
                    } else if (packet.getStreamIndex() == input.audioIndex() && audio != null) {
                        MediaAudio samples = scope.own(AudioTrack.decodeTarget(audio));
                        used = audio.decode(samples, packet, offset);
                        audioSamples += samples.isComplete() ? samples.getNumSamples() : 0;
                    } else {
                        break;
                    }
                    if (used <= 0) {
                        break;
                    }
                    offset += used;
                }
            }
            if (picture != null) {
                do {
                    video.decode(picture, null, 0);
                    frames += picture.isComplete() ? 1 : 0;
                } while (picture.isComplete());
            }
            return new Decoded(frames, video == null ? 0 : video.getWidth(), video == null ? 0 : video.getHeight(),
                    audioSamples, audio == null ? 0 : audio.getSampleRate());
        }
    }

    double audioSeconds() {
        return sampleRate == 0 ? 0 : (double) audioSamples / sampleRate;
    }
}
