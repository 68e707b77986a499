import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;
import org.vidiverse.codec.ffmpeg.internal.FfmpegCodec;
import org.vidiverse.codec.ffmpeg.internal.FfmpegConfig;

/**
 * Runs the FFmpeg codec bundle's own code outside OSGi: the bundled FFmpeg is extracted under -Dkaraf.data, then
 * one transcode of SOURCE into OUTDIR with the ladder given as HEIGHT:BITRATE pairs (30 fps, MP4 and HLS, 4 s
 * segments, x264 veryfast). Prints the milliseconds the transcode() call took (probe, ffmpeg, master playlist).
 *
 * <p>java -cp CLASSPATH -Dkaraf.data=DIR CodecBench SOURCE OUTDIR 1080:4000000 720:2200000 ...
 * <br>java -cp CLASSPATH -Dkaraf.data=DIR CodecBench --install   (extracts only; prints nothing)
 * <br>bench/codec.sh compiles it once and builds CLASSPATH.
 */
public class CodecBench {
    public static void main(String[] args) throws Exception {
        FfmpegConfig defaults = (FfmpegConfig) Proxy.newProxyInstance(FfmpegConfig.class.getClassLoader(),
                new Class<?>[] {FfmpegConfig.class}, (proxy, method, a) -> method.getDefaultValue() != null
                        ? method.getDefaultValue() : method.getName().equals("annotationType") ? FfmpegConfig.class : null);
        FfmpegCodec codec = new FfmpegCodec(defaults);
        if (!codec.available()) {
            throw new IllegalStateException("the bundled FFmpeg does not run here; see the log above");
        }
        if (args[0].equals("--install")) {
            System.exit(0);
        }
        List<Rendition> ladder = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] rung = args[i].split(":");
            ladder.add(new Rendition(Integer.parseInt(rung[0]), 30, Long.parseLong(rung[1])));
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        long start = System.nanoTime();
        List<TranscodeOutput> outputs = codec.transcode(
                new TranscodeRequest(Path.of(args[0]), out, ladder, true, true, 4, "veryfast"), null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (outputs.size() != 3 * ladder.size() + 1) {
            throw new IllegalStateException("unexpected outputs " + outputs);
        }
        System.out.println(ms);
        System.exit(0);                                 // the codec's executor threads are daemons, but be quick
    }
}
