package org.vidiverse.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small media made in the test itself (no binary in git): raw Y4M video and PCM WAV audio, and multipart bodies. */
final class TestMedia {
    private TestMedia() {
    }

    /** A YUV4MPEG2 video of moving gradients, which FFmpeg reads without any codec. */
    static byte[] y4m(int width, int height, int fps, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] y = new byte[width * height];
        byte[] uv = new byte[(width / 2) * (height / 2)];
        for (int f = 0; f < frames; f++) {
            out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    y[r * width + c] = (byte) ((c + r + f * 4) & 0xff);
                }
            }
            out.writeBytes(y);
            java.util.Arrays.fill(uv, (byte) (128 + (f % 32)));
            out.writeBytes(uv);
            java.util.Arrays.fill(uv, (byte) (128 - (f % 32)));
            out.writeBytes(uv);
        }
        return out.toByteArray();
    }

    /** A mono 16-bit PCM WAV of a sine tone. */
    static byte[] wav(int seconds) {
        int rate = 22_050;
        int samples = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        return b.array();
    }

    /** A multipart/form-data body: text fields, then one file part; returns the body and its content type. */
    record Multipart(byte[] body, String contentType) {
    }

    /** A file part of a multipart body. */
    record FilePart(String field, String filename, byte[] bytes) {
    }

    static Multipart multipart(Map<String, String> fields, String fileField, String filename, byte[] file)
            throws IOException {
        return multipart(fields, fileField == null ? List.of() : List.of(new FilePart(fileField, filename, file)));
    }

    static Multipart multipart(Map<String, String> fields, List<FilePart> files) throws IOException {
        String boundary = "----vidiverse" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(file.bytes());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** A PNG of one colour, as an uploader's own thumbnail. */
    static byte[] png(int width, int height, java.awt.Color colour) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
