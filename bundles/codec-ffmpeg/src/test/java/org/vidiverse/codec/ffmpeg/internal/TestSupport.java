package org.vidiverse.codec.ffmpeg.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Configuration instances, test media made with the extracted ffmpeg itself, and MP4 box reading. */
final class TestSupport {
    /** Shared by the test classes of this module and kept between runs (mvn clean removes it). */
    static final Path FFMPEG_ROOT = Path.of("target", "ffmpeg-test").toAbsolutePath();

    private TestSupport() {
    }

    /** The configuration's defaults with some values replaced, as ConfigAdmin would hand them over. */
    static FfmpegConfig config(Map<String, Object> values) {
        return (FfmpegConfig) Proxy.newProxyInstance(FfmpegConfig.class.getClassLoader(),
                new Class<?>[] {FfmpegConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> FfmpegConfig.class;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FfmpegConfig" + values;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    /** Runs the extracted ffmpeg with {@code args} (after the usual quiet flags) and fails on a non-zero exit. */
    static void ffmpeg(Binaries b, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(b.ffmpeg().toString(), "-nostdin", "-hide_banner",
                "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(b.environment());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** A video with sound: testsrc2 and a sine, H.264 and AAC in MP4. */
    static Path video(Binaries b, Path file, int width, int height, int fps, double seconds)
            throws IOException, InterruptedException {
        ffmpeg(b, "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                file.toString());
        return file;
    }

    /** Sound only: a sine, AAC in M4A. */
    static Path audio(Binaries b, Path file, double seconds) throws IOException, InterruptedException {
        ffmpeg(b, "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100:duration=" + seconds,
                "-c:a", "aac", file.toString());
        return file;
    }

    /** Types of the top-level boxes of an MP4 file, in file order. */
    static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(mp4.toFile(), "r")) {
            long position = 0;
            while (position + 8 <= f.length()) {
                f.seek(position);
                long size = f.readInt() & 0xffffffffL;
                byte[] type = new byte[4];
                f.readFully(type);
                if (size == 1) {
                    size = f.readLong();
                } else if (size == 0) {
                    size = f.length() - position;
                }
                boxes.add(new String(type, StandardCharsets.US_ASCII));
                if (size < 8) {
                    throw new IOException("bad box size " + size + " at " + position);
                }
                position += size;
            }
        }
        return boxes;
    }

    /** Waits until an ffmpeg (the encoder, not ffprobe) runs as a child of this JVM. */
    static boolean awaitFfmpegChild(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (ProcessHandle.current().descendants()
                    .anyMatch(p -> p.isAlive() && p.info().command().orElse("").endsWith("/ffmpeg"))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** ffmpeg processes descending from this JVM (the surefire fork), after giving killed ones a moment to go. */
    static List<ProcessHandle> ffmpegChildren() throws InterruptedException {
        List<ProcessHandle> alive = List.of();
        for (int i = 0; i < 50; i++) {
            alive = ProcessHandle.current().descendants()
                    .filter(p -> p.isAlive() && p.info().command().orElse("").contains("ffmpeg"))
                    .toList();
            if (alive.isEmpty()) {
                return alive;
            }
            Thread.sleep(100);
        }
        return alive;
    }
}
