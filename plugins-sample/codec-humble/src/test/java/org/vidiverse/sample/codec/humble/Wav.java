package org.vidiverse.sample.codec.humble;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a 16-bit PCM WAV of a 440 Hz tone in plain Java: audio-only input without any encoder. */
final class Wav {
    private Wav() {
    }

    static Path sine(Path file, int sampleRate, int channels, double seconds) throws IOException {
        int samples = (int) Math.round(sampleRate * seconds);
        int dataBytes = samples * channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
            for (int c = 0; c < channels; c++) {
                wav.putShort(value);
            }
        }
        return Files.write(file, wav.array());
    }
}
