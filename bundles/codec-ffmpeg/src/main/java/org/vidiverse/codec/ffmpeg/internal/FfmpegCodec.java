package org.vidiverse.codec.ffmpeg.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
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
 * The default codec: FFmpeg 8 in a child process, configured by PID {@value #PID}.
 *
 * <p>At activation the bundled FFmpeg is extracted in the background ({@link BundledFfmpeg}); {@link #available()}
 * waits for that. A transcode probes the source, then runs one ffmpeg that decodes it once and writes every rung of
 * the ladder ({@link LadderCommand}), then writes the HLS master playlist from what was produced.
 */
@Component(service = Codec.class, configurationPid = FfmpegCodec.PID, immediate = true,
        property = {"service.ranking:Integer=100", PluginNames.NAME_PROPERTY + "=ffmpeg"})
@Designate(ocd = FfmpegConfig.class)
public final class FfmpegCodec implements Codec {
    public static final String PID = "org.vidiverse.codec.ffmpeg";
    static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
            "slow", "slower", "veryslow", "placebo");
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegCodec.class);

    private final Path defaultRoot;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService io = Executors.newCachedThreadPool(threads("ffmpeg-io"));
    private final ExecutorService setup = Executors.newSingleThreadExecutor(threads("ffmpeg-setup"));
    private final ChildProcess processes = new ChildProcess(io);
    private volatile FfmpegConfig config;
    private volatile Future<Binaries> binaries;

    @Activate
    public FfmpegCodec(FfmpegConfig config) {
        this(config, karafDataRoot());
    }

    /** @param defaultRoot where the bundled FFmpeg is extracted (one folder per build) unless configured */
    FfmpegCodec(FfmpegConfig config, Path defaultRoot) {
        this.defaultRoot = defaultRoot;
        this.config = config;
        this.binaries = setup.submit(() -> locate(config));
    }

    @Modified
    void modified(FfmpegConfig next) {
        FfmpegConfig previous = config;
        config = next;
        if (!previous.ffmpegPath().equals(next.ffmpegPath()) || !previous.ffprobePath().equals(next.ffprobePath())
                || !previous.extractionFolder().equals(next.extractionFolder())) {
            binaries = setup.submit(() -> locate(next));
        }
    }

    @Deactivate
    void deactivate() {
        setup.shutdownNow();
        processes.killAll();
        io.shutdownNow();
    }

    /** {@code <karaf.data>/vidiverse/ffmpeg}, else a folder of this user under the temporary directory. */
    static Path karafDataRoot() {
        String data = System.getProperty("karaf.data");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "vidiverse", "ffmpeg");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vidiverse-ffmpeg-" + System.getProperty("user.name"));
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    /** Waits for the bundled FFmpeg to be extracted (seconds, on the first start of an instance). */
    @Override
    public boolean available() {
        try {
            binaries.get();
            return true;
        } catch (ExecutionException | CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public MediaInfo probe(Path file) throws CodecException {
        try {
            return probe(binaries(), file).info();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodecException("Probing was interrupted", e);
        }
    }

    @Override
    public List<TranscodeOutput> transcode(TranscodeRequest request, ProgressListener progress)
            throws CodecException, InterruptedException {
        if (!request.hls() && !request.webVideo()) {
            throw new IllegalArgumentException("a transcode must produce HLS, web videos or both");
        }
        if (request.ladder().isEmpty()) {
            throw new IllegalArgumentException("the ladder is empty");
        }
        FfmpegConfig c = config;
        long start = System.nanoTime();
        Binaries b = binaries();
        Probe source = probe(b, request.input());
        int segmentSeconds = request.segmentSeconds() > 0 ? request.segmentSeconds() : Ladder.DEFAULT_SEGMENT_SECONDS;
        List<Ladder.Rung> rungs = Ladder.plan(request.ladder(), source, segmentSeconds);
        LadderCommand.Options options = new LadderCommand.Options(request.hls(), request.webVideo(), segmentSeconds,
                preset(request.preset(), c), c.threads(), c.audioBitrateKbps());
        Path out = request.outputDir();
        try {
            Files.createDirectories(request.hls() ? out.resolve(Layout.HLS_DIR) : out);
        } catch (IOException e) {
            throw new CodecException("Cannot create the output folder: " + e.getMessage(), e);
        }
        ProgressTracker tracker = new ProgressTracker(source.info().durationSeconds(), progress);
        Duration timeout = Duration.ofSeconds((long) Math.max(c.transcodeTimeoutMinSeconds(),
                c.transcodeTimeoutFactor() * source.info().durationSeconds()));
        List<String> command = LadderCommand.build(b.ffmpeg(), request.input(), source, rungs, options);
        LOG.debug("Running in {}: {}", out, String.join(" ", command));
        ChildProcess.Result result = run(command, b, out, timeout, tracker, "transcode");
        if (!result.ok()) {
            throw new CodecException("FFmpeg could not transcode the file: " + ChildProcess.message(result.stderr(), 1000));
        }
        List<TranscodeOutput> outputs = outputs(out, rungs, options);
        if (request.hls()) {
            outputs.add(writeMaster(b, out, rungs));
        }
        tracker.finish();
        LOG.info("Transcoded {} s of {} into {} in {} ms ({} files)", Math.round(source.info().durationSeconds()),
                request.input().getFileName(), rungs.stream().map(r -> r.resolution() + "p").collect(Collectors.joining(" ")),
                (System.nanoTime() - start) / 1_000_000, outputs.size());
        return outputs;
    }

    @Override
    public void snapshot(Path input, double atSeconds, int width, int height, Path jpegOut)
            throws CodecException, InterruptedException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
        Binaries b = binaries();
        Probe source = probe(b, input);
        if (!source.info().hasVideo()) {
            throw new CodecException("The file has no video to take an image from");
        }
        // a seek at or past the last frame yields nothing: stay half a second before the end
        double at = Double.isFinite(atSeconds)
                ? Math.max(0, Math.min(atSeconds, source.info().durationSeconds() - 0.5)) : 0;
        Duration timeout = Duration.ofSeconds(config.snapshotTimeoutSeconds());
        writeImage(jpegOut, "FFmpeg could not extract an image: ", partial -> {
            ChildProcess.Result result = run(SnapshotCommand.build(b.ffmpeg(), input, source.videoStream(), at, width,
                    height, partial), b, null, timeout, null, "extract an image");
            if (result.ok() && isEmpty(partial) && at > 0) {        // nothing decodable after that point
                result = run(SnapshotCommand.build(b.ffmpeg(), input, source.videoStream(), 0, width, height, partial),
                        b, null, timeout, null, "extract an image");
            }
            return result;
        });
    }

    @Override
    public void picture(Path input, int width, int height, Path jpegOut) throws CodecException, InterruptedException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
        Binaries b = binaries();
        writeImage(jpegOut, "FFmpeg could not read the picture: ", partial -> run(SnapshotCommand.picture(b.ffmpeg(),
                input, width, height, partial), b, null, Duration.ofSeconds(config.snapshotTimeoutSeconds()), null,
                "convert a picture"));
    }

    /** One ffmpeg run (or a few) writing a JPEG into a partial file. */
    private interface ImageRun {
        ChildProcess.Result run(Path partial) throws CodecException, InterruptedException;
    }

    /** Runs {@code image} into a partial file beside {@code jpegOut} and moves it into place once it holds bytes. */
    private void writeImage(Path jpegOut, String failure, ImageRun image) throws CodecException, InterruptedException {
        Path partial = jpegOut.resolveSibling("." + jpegOut.getFileName() + ".partial");
        try {
            ChildProcess.Result result = image.run(partial);
            if (!result.ok() || isEmpty(partial)) {
                throw new CodecException(failure + ChildProcess.message(result.stderr(), 500));
            }
            Files.move(partial, jpegOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CodecException("Cannot write the image: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.debug("Cannot remove {}", partial, e);
            }
        }
    }

    /** Children running now, for tests and diagnostics. */
    int runningProcesses() {
        return processes.runningCount();
    }

    Binaries binaries() throws CodecException, InterruptedException {
        try {
            return binaries.get();
        } catch (ExecutionException e) {
            throw new CodecException("FFmpeg is not available: " + e.getCause().getMessage(), e.getCause());
        } catch (CancellationException e) {
            throw new CodecException("The FFmpeg codec is stopping");
        }
    }

    private Binaries locate(FfmpegConfig c) throws IOException, InterruptedException {
        try {
            if (!c.ffmpegPath().isBlank()) {
                Path ffmpeg = Path.of(c.ffmpegPath().strip());
                Path ffprobe = c.ffprobePath().isBlank() ? ffmpeg.resolveSibling("ffprobe") : Path.of(c.ffprobePath().strip());
                Binaries system = new Binaries(ffmpeg, ffprobe, Map.of(), "system FFmpeg " + ffmpeg);
                for (Path executable : List.of(ffmpeg, ffprobe)) {
                    ChildProcess.Result version = runQuietly(List.of(executable.toString(), "-hide_banner", "-version"));
                    if (!version.ok()) {
                        throw new IOException(executable + " -version failed: " + ChildProcess.message(version.stderr(), 300));
                    }
                }
                LOG.info("Codec ffmpeg uses the {}", system.origin());
                return system;
            }
            if (!BundledFfmpeg.platformSupported()) {
                throw new IOException("the bundled FFmpeg runs on Linux x86-64 only; set ffmpegPath and ffprobePath in "
                        + PID);
            }
            Path root = c.extractionFolder().isBlank() ? defaultRoot : Path.of(c.extractionFolder().strip());
            Binaries bundled = BundledFfmpeg.install(root, processes);
            LOG.info("Codec ffmpeg uses the {} in {}", bundled.origin(), bundled.ffmpeg().getParent());
            return bundled;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Codec ffmpeg is not available: {}", e.getMessage());
            throw e;
        }
    }

    private ChildProcess.Result runQuietly(List<String> command) throws IOException, InterruptedException {
        try {
            return processes.run(command, Map.of(), null, Duration.ofSeconds(30), null);
        } catch (ChildProcess.TimedOut e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    Probe probe(Binaries b, Path file) throws CodecException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new CodecException("There is no file to read at " + file.getFileName());
        }
        Path absolute = file.toAbsolutePath();
        ChildProcess.Result result = run(List.of(b.ffprobe().toString(), "-v", "error", "-hide_banner",
                        "-print_format", "json", "-show_format", "-show_streams", "file:" + absolute),
                b, null, Duration.ofSeconds(config.probeTimeoutSeconds()), null, "read the file");
        if (!result.ok()) {
            String why = ChildProcess.message(result.stderr(), 300).replace("file:" + absolute + ": ", "")
                    .replace(absolute + ": ", "");
            throw new CodecException("The file is not audio or video that FFmpeg can read"
                    + (why.isEmpty() ? "" : " (" + why + ")"));
        }
        return Probe.parse(json, result.stdout());
    }

    private ChildProcess.Result run(List<String> command, Binaries b, Path workDir, Duration timeout,
                                    Consumer<String> stdoutLines, String what) throws CodecException, InterruptedException {
        try {
            return processes.run(command, b.environment(), workDir, timeout, stdoutLines);
        } catch (ChildProcess.TimedOut e) {
            throw new CodecException("FFmpeg took longer than " + timeout.toSeconds() + " s to " + what
                    + " and was stopped");
        } catch (IOException e) {
            throw new CodecException("Cannot run FFmpeg to " + what + ": " + e.getMessage(), e);
        }
    }

    static String preset(String asked, FfmpegConfig c) {
        String preset = asked == null || asked.isBlank() ? c.preset().strip() : asked.strip();
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown x264 preset '" + preset + "'");
        }
        return preset;
    }

    /** Every file FFmpeg should have written, checked, in ladder order: mp4, hls-playlist, hls-fmp4 per rung. */
    private static List<TranscodeOutput> outputs(Path out, List<Ladder.Rung> rungs, LadderCommand.Options o)
            throws CodecException {
        List<TranscodeOutput> outputs = new ArrayList<>();
        for (Ladder.Rung r : rungs) {
            if (o.webVideo()) {
                outputs.add(output("mp4", r, out.resolve(Layout.mp4(r.resolution()))));
            }
            if (o.hls()) {
                outputs.add(output("hls-playlist", r, out.resolve(Layout.playlist(r.resolution()))));
                outputs.add(output("hls-fmp4", r, out.resolve(Layout.fragmented(r.resolution()))));
            }
        }
        return outputs;
    }

    private static TranscodeOutput output(String kind, Ladder.Rung r, Path file) throws CodecException {
        if (isEmpty(file)) {
            throw new CodecException("FFmpeg finished without writing " + file.getFileName());
        }
        return new TranscodeOutput(kind, r.resolution(), r.roundedFps(), file);
    }

    /**
     * The master playlist, lowest rung first as PeerTube writes it, with each variant's peak and average bandwidth
     * from its segments' byte ranges and its resolution and codecs probed from what was written. An audio-only
     * rung is listed only when it is the only one, as in PeerTube 6 (a player could otherwise pick a variant
     * without picture).
     */
    private TranscodeOutput writeMaster(Binaries b, Path out, List<Ladder.Rung> rungs)
            throws CodecException, InterruptedException {
        boolean anyVideo = rungs.stream().anyMatch(r -> !r.audioOnly());
        List<Ladder.Rung> listed = rungs.stream().filter(r -> !anyVideo || !r.audioOnly())
                .sorted(Comparator.comparingInt(Ladder.Rung::resolution)).toList();
        List<HlsPlaylist.Variant> variants = new ArrayList<>();
        for (Ladder.Rung r : listed) {
            HlsPlaylist.Media media;
            try {
                media = HlsPlaylist.parseMedia(Files.readString(out.resolve(Layout.playlist(r.resolution()))));
            } catch (IOException | IllegalArgumentException e) {
                throw new CodecException("FFmpeg wrote an unreadable playlist for " + r.resolution() + "p", e);
            }
            if (media.mapUri() == null || media.segments().isEmpty() || !media.ended()) {
                throw new CodecException("FFmpeg wrote an incomplete playlist for " + r.resolution() + "p");
            }
            Probe written = probe(b, out.resolve(Layout.fragmented(r.resolution())));
            String codecs = Stream.of(written.videoCodecString(), written.audioCodecString())
                    .filter(Objects::nonNull).collect(Collectors.joining(","));
            variants.add(new HlsPlaylist.Variant(Layout.playlistName(r.resolution()), media.peakBandwidth(),
                    media.averageBandwidth(), codecs, written.info().width(), written.info().height(), r.fps()));
        }
        Path master = out.resolve(Layout.MASTER);
        try {
            Files.writeString(master, HlsPlaylist.master(variants));
        } catch (IOException e) {
            throw new CodecException("Cannot write the master playlist: " + e.getMessage(), e);
        }
        return new TranscodeOutput("hls-master", 0, 0, master);
    }

    private static boolean isEmpty(Path file) {
        try {
            return !Files.isRegularFile(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
