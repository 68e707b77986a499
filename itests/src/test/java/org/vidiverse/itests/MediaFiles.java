package org.vidiverse.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small media files written in plain Java, so tests inside the container need no encoder and no sample files. */
final class MediaFiles {
    private MediaFiles() {
    }

    /** Raw YUV 4:2:0 video (YUV4MPEG2, what FFmpeg reads as yuv4mpegpipe): bars sliding one pixel per frame. */
    static Path y4m(Path file, int width, int height, int fps, int frames) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] luma = new byte[width * height];
            byte[] chroma = new byte[(width / 2) * (height / 2)];
            for (int f = 0; f < frames; f++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        luma[y * width + x] = (byte) (((x + f) / 8) % 2 == 0 ? 200 : 50);
                    }
                }
                java.util.Arrays.fill(chroma, (byte) (100 + f % 50));
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }

    /** 16-bit PCM mono WAV of a 440 Hz tone. */
    static Path wav(Path file, int sampleRate, double seconds) throws IOException {
        int samples = (int) Math.round(sampleRate * seconds);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate)));
        }
        return Files.write(file, wav.array());
    }
}
