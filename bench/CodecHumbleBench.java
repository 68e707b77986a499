import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;
import org.vidiverse.sample.codec.humble.HumbleCodec;

/**
 * The Humble side of bench/codec-humble.sh: times HumbleCodec.transcode (the plugin's whole path: demux, decode,
 * scale, x264, AAC, MP4 faststart) on one rung, in this JVM, after the native library has loaded.
 *
 * <pre>java -cp CLASSPATH -Djava.library.path=DIR bench/CodecHumbleBench.java SOURCE OUT_DIR RUNS HEIGHT FPS BITRATE PRESET</pre>
 *
 * Prints one line per run, "humble WALL_SECONDS CPU_SECONDS" (CPU: the whole process, x264's native threads
 * included), then the output's probe.
 */
public class CodecHumbleBench {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Rendition rung = new Rendition(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
        String preset = args[6];

        HumbleCodec codec = new HumbleCodec();
        if (!codec.available()) {
            throw new IllegalStateException("Humble Video's native library did not load");
        }
        MediaInfo sourceInfo = codec.probe(source);   // the library and FFmpeg's tables are set up before timing
        System.err.println("source " + sourceInfo);
        TranscodeOutput mp4 = null;
        for (int i = 0; i < runs; i++) {
            Path dir = out.resolve("run" + i);
            Files.createDirectories(dir);
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            List<TranscodeOutput> outputs = codec.transcode(
                    new TranscodeRequest(source, dir, List.of(rung), false, true, 2, preset), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("humble %.3f %.3f%n", seconds, (processCpuNanos() - cpu) / 1e9);
            mp4 = outputs.get(0);
        }
        System.err.println("output " + codec.probe(mp4.file()) + " " + Files.size(mp4.file()) + " bytes");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
