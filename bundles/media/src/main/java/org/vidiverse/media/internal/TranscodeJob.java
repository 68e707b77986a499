package org.vidiverse.media.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.media.TorrentMaker;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.NewVideoFile;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoStore;

/**
 * One transcoding: probe the source, make the whole ladder in one codec call into a scratch folder, give every file
 * its PeerTube name, write the HLS hashes and the torrents, move everything into place, record the renditions and
 * publish the video in one transaction, then remove what the new renditions replaced.
 *
 * <p>Until the database records them the new files are invisible (the recorded names are the only way to them),
 * so a crash at any point leaves the video as it was plus unreferenced files in {@code tmp/}, cleaned at the next
 * run of the job.
 */
final class TranscodeJob {
    private static final Logger LOG = LoggerFactory.getLogger(TranscodeJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What every job needs; the optional parts change while the node runs. */
    static final class Context {
        final JobStore jobs;
        final VideoStore videos;
        final MediaStorage storage;
        final Codecs codecs;
        final InstanceIdentity instance;
        volatile MediaConfig config;
        volatile TorrentMaker torrents;
        /** Tells other instances of a published video; absent without the federation bundle. */
        volatile org.vidiverse.api.federation.ActivityPublisher publisher;

        Context(JobStore jobs, VideoStore videos, MediaStorage storage, Codecs codecs, InstanceIdentity instance,
                MediaConfig config) {
            this.jobs = jobs;
            this.videos = videos;
            this.storage = storage;
            this.codecs = codecs;
            this.instance = instance;
            this.config = config;
        }
    }

    /** A failure that retrying cannot fix. */
    static final class FinalFailure extends Exception {
        private static final long serialVersionUID = 1L;

        FinalFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Context ctx;
    private final Job job;
    private final MediaConfig config;

    TranscodeJob(Context ctx, Job job) {
        this.ctx = ctx;
        this.job = job;
        this.config = ctx.config;
    }

    void run() throws Exception {
        TranscodePayload payload;
        try {
            payload = TranscodePayload.parse(job.payload());
        } catch (IllegalArgumentException e) {
            throw new FinalFailure(e.getMessage(), e);
        }
        Optional<Video> found = ctx.videos.findById(payload.videoId());
        Path source = ctx.storage.root().resolve(payload.source()).normalize();
        if (found.isEmpty()) {
            LOG.info("Video {} was deleted before its transcoding; dropping its source", payload.videoId());
            deleteQuietly(source);
            return;
        }
        Video video = found.get();
        if (!source.startsWith(ctx.storage.root()) || !Files.isRegularFile(source)) {
            markFailed(ctx, video.id());
            throw new FinalFailure("the source " + payload.source() + " of video " + video.uuid() + " is gone", null);
        }
        Codecs.RankedCodec codec = ctx.codecs.best().orElseThrow(() -> new IllegalStateException("no codec available"));
        Path tmp = ctx.storage.root().resolve("tmp");
        try (Stream<Path> earlier = Files.list(tmp)) {   // what interrupted earlier attempts left
            earlier.filter(p -> p.getFileName().toString().equals("job-" + job.id())
                            || p.getFileName().toString().startsWith("job-" + job.id() + "-"))
                    .forEach(TranscodeJob::deleteTree);
        }
        // a folder of this attempt's own: a codec process orphaned by a crash may still write into an earlier one
        Path work = Files.createDirectories(tmp.resolve("job-" + job.id() + "-" + UUID.randomUUID()));
        try {
            transcode(video, source, codec, work);
        } catch (CodecException e) {
            markFailed(ctx, video.id());
            throw new FinalFailure("the codec cannot transcode the source: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
        if (!config.keepOriginal() && source.startsWith(ctx.storage.uploads())) {
            deleteQuietly(source);
        }
    }

    private void transcode(Video video, Path source, Codecs.RankedCodec codec, Path work)
            throws CodecException, PluginCallException, IOException, InterruptedException {
        MediaInfo info = ctx.codecs.call(codec, c -> c.probe(source), org.vidiverse.api.codec.Codec.PROBE_TIMEOUT_MS);
        List<Rendition> ladder = Ladder.of(info, Ladder.parse(config.resolutions()), config.keepSourceResolution());
        Path out = Files.createDirectories(work.resolve("out"));
        TranscodeRequest request = new TranscodeRequest(source, out, ladder, config.hls(), config.webVideos(),
                Math.max(1, config.segmentSeconds()), config.preset());
        Progress progress = new Progress(ctx.jobs, job.id());
        long timeout = Math.max(600_000L, (long) (info.durationSeconds() * 1000 * 20 * ladder.size()));
        LOG.info("Transcoding video {} with {}: {} renditions", video.uuid(), codec.name(), ladder.size());
        List<TranscodeOutput> outputs = ctx.codecs.call(codec, c -> c.transcode(request, progress), timeout);
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }

        Placed placed = place(video, outputs, work);
        if (info.hasVideo()) {
            stills(video, source, codec, info.durationSeconds());   // there when the video is published
        }
        Set<String> before = existingNames(video);
        try {
            ctx.videos.storeRenditions(video.id(), (int) Math.round(info.durationSeconds()), placed.webVideos,
                    placed.masterName, placed.sha256Name, placed.hlsFiles, VideoState.PUBLISHED);
        } catch (NotFoundException e) {
            placed.removeAll();
            LOG.info("Video {} was deleted during its transcoding", video.uuid());
            return;
        } catch (RuntimeException e) {
            placed.removeAll();
            throw e;
        }
        placed.hlsCommit();
        removeReplaced(video, before, placed);
        LOG.info("Video {} published: {} web videos, {} HLS renditions", video.uuid(), placed.webVideos.size(),
                placed.hlsFiles.size());
        org.vidiverse.api.federation.ActivityPublisher publisher = ctx.publisher;
        if (publisher != null) {
            publisher.videoPublished(video.id());
        }
    }

    /**
     * The thumbnail and preview, a frame from a third of the way in, unless the video has them already (chosen by
     * the uploader, or made by an earlier transcoding). A video plays without them, so a codec that cannot make
     * stills only costs the pictures.
     */
    private void stills(Video video, Path source, Codecs.RankedCodec codec, double duration)
            throws InterruptedException {
        for (MediaPipeline.Still still : MediaPipeline.Still.values()) {
            Path target = still.path(ctx.storage, video.uuid());
            if (Files.isRegularFile(target)) {
                continue;
            }
            Path tmp = target.resolveSibling(video.uuid() + ".jpg.tmp-" + job.id());
            try {
                Files.createDirectories(target.getParent());
                ctx.codecs.call(codec, c -> {
                    c.snapshot(source, duration / 3, still.width(), still.height(), tmp);
                    return null;
                }, org.vidiverse.api.codec.Codec.PROBE_TIMEOUT_MS);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (CodecException | PluginCallException | IOException e) {
                deleteQuietly(tmp);
                LOG.warn("No {} for video {}: {}", still.name().toLowerCase(java.util.Locale.ROOT), video.uuid(),
                        e.getMessage());
            }
        }
    }

    /** The files moved into place, not yet recorded. */
    private final class Placed {
        final List<NewVideoFile> webVideos = new ArrayList<>();
        final List<NewVideoFile> hlsFiles = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        String masterName;
        String sha256Name;
        Path hlsStaging;
        Path hlsFinal;

        void removeAll() {
            files.forEach(TranscodeJob::deleteQuietly);
            if (hlsStaging != null) {
                deleteTree(hlsStaging);
            }
        }

        /** The new HLS folder replaces the old one: the old one moves aside, the new one in, the old one goes. */
        void hlsCommit() throws IOException {
            if (hlsStaging == null) {
                return;
            }
            Path old = hlsFinal.resolveSibling(hlsFinal.getFileName() + ".old-" + job.id());
            if (Files.exists(hlsFinal)) {
                Files.move(hlsFinal, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(hlsStaging, hlsFinal, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        }
    }

    private Placed place(Video video, List<TranscodeOutput> outputs, Path work) throws IOException {
        Placed placed = new Placed();
        try {
            placeWebVideos(video, outputs, placed);
            placeHls(video, outputs, placed);
            return placed;
        } catch (IOException | RuntimeException e) {
            placed.removeAll();
            throw e;
        }
    }

    private void placeWebVideos(Video video, List<TranscodeOutput> outputs, Placed placed) throws IOException {
        Files.createDirectories(ctx.storage.webVideos());
        for (TranscodeOutput o : outputs) {
            if (!o.kind().equals("mp4")) {
                continue;
            }
            String fileUuid = UUID.randomUUID().toString();
            String name = fileUuid + "-" + o.height() + ".mp4";
            Path target = ctx.storage.webVideos().resolve(name);
            Files.move(o.file(), target, StandardCopyOption.ATOMIC_MOVE);
            placed.files.add(target);
            Torrents.Made t = torrent(target, name, "/static/web-videos/" + name, fileUuid + "-" + o.height(), placed);
            placed.webVideos.add(new NewVideoFile(o.height(), o.fps(), Files.size(target), ".mp4", name,
                    t == null ? null : t.filename(), t == null ? null : t.infoHash()));
        }
    }

    private void placeHls(Video video, List<TranscodeOutput> outputs, Placed placed) throws IOException {
        List<TranscodeOutput> playlists = outputs.stream().filter(o -> o.kind().equals("hls-playlist")).toList();
        Optional<TranscodeOutput> master = outputs.stream().filter(o -> o.kind().equals("hls-master")).findFirst();
        if (playlists.isEmpty() || master.isEmpty()) {
            return;
        }
        placed.hlsFinal = ctx.storage.hls(video.uuid());
        Files.createDirectories(placed.hlsFinal.getParent());
        placed.hlsStaging = placed.hlsFinal.resolveSibling(video.uuid() + ".new-" + job.id());
        deleteTree(placed.hlsStaging);
        Files.createDirectories(placed.hlsStaging);

        Map<String, String> names = new HashMap<>();
        Map<Integer, String> mediaNameByHeight = new HashMap<>();
        for (TranscodeOutput o : outputs) {
            if (o.kind().equals("hls-fmp4")) {
                String fileUuid = UUID.randomUUID().toString();
                String name = fileUuid + "-" + o.height() + "-fragmented.mp4";
                names.put(o.file().getFileName().toString(), name);
                mediaNameByHeight.put(o.height(), name);
                Files.move(o.file(), placed.hlsStaging.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        List<Path> renamedPlaylists = new ArrayList<>();
        for (TranscodeOutput o : playlists) {
            String media = mediaNameByHeight.get(o.height());
            String name = (media != null ? media.substring(0, media.length() - "-fragmented.mp4".length())
                    : UUID.randomUUID() + "-" + o.height()) + ".m3u8";
            names.put(o.file().getFileName().toString(), name);
            Path target = placed.hlsStaging.resolve(name);
            Files.writeString(target, HlsFiles.rename(Files.readString(o.file(), StandardCharsets.UTF_8), names),
                    StandardCharsets.UTF_8);
            renamedPlaylists.add(target);
        }
        placed.masterName = UUID.randomUUID() + "-master.m3u8";
        Files.writeString(placed.hlsStaging.resolve(placed.masterName),
                HlsFiles.rename(Files.readString(master.get().file(), StandardCharsets.UTF_8), names),
                StandardCharsets.UTF_8);
        placed.sha256Name = UUID.randomUUID() + "-segments-sha256.json";
        JSON.writeValue(placed.hlsStaging.resolve(placed.sha256Name).toFile(),
                HlsFiles.segmentHashes(renamedPlaylists));

        for (TranscodeOutput o : playlists) {
            String media = mediaNameByHeight.get(o.height());
            if (media == null) {
                continue;
            }
            Path file = placed.hlsStaging.resolve(media);
            String base = media.substring(0, media.length() - ".mp4".length());
            Torrents.Made t = torrent(file, media, "/static/streaming-playlists/hls/" + video.uuid() + "/" + media, base,
                    placed);
            placed.hlsFiles.add(new NewVideoFile(o.height(), o.fps(), Files.size(file), ".mp4", media,
                    t == null ? null : t.filename(), t == null ? null : t.infoHash()));
        }
    }

    /** A torrent of the file with the instance as web seed and tracker; none while no torrent maker is installed. */
    private Torrents.Made torrent(Path file, String name, String urlPath, String base, Placed placed)
            throws IOException {
        Torrents.Made t = Torrents.make(ctx.torrents, ctx.instance, ctx.storage, file, name, urlPath, base);
        if (t != null) {
            placed.files.add(t.path());
        }
        return t;
    }

    /** Names of the files and torrents the video has now, to remove once the new renditions are recorded. */
    private Set<String> existingNames(Video video) {
        Set<String> names = new HashSet<>();
        for (VideoFile f : ctx.videos.files(video.id())) {
            if (f.streamingPlaylistId() == null) {
                names.add(f.filename());
            }
            if (f.torrentFilename() != null) {
                names.add("torrent:" + f.torrentFilename());
            }
        }
        return names;
    }

    private void removeReplaced(Video video, Set<String> before, Placed placed) {
        Set<String> kept = new HashSet<>();
        placed.webVideos.forEach(f -> kept.add(f.filename()));
        for (String name : before) {
            if (kept.contains(name)) {
                continue;
            }
            deleteQuietly(name.startsWith("torrent:") ? ctx.storage.torrents().resolve(name.substring(8))
                    : ctx.storage.webVideos().resolve(name));
        }
    }

    /** After the last attempt, the video shows that it will not play rather than waiting forever. */
    static void markFailed(Context ctx, Job job) {
        try {
            markFailed(ctx, TranscodePayload.parse(job.payload()).videoId());
        } catch (IllegalArgumentException e) {
            // nothing to mark
        }
    }

    /** A video never published shows the failure; a published one keeps playing its earlier renditions. */
    private static void markFailed(Context ctx, long videoId) {
        try {
            ctx.videos.findById(videoId).filter(v -> v.state() != VideoState.PUBLISHED)
                    .ifPresent(v -> ctx.videos.setState(videoId, VideoState.TRANSCODING_FAILED));
        } catch (NotFoundException e) {
            // deleted meanwhile
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.toString());
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(TranscodeJob::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.toString());
        }
    }

    /** Writes progress to the job row at most every 2 points, so a long transcode costs a few dozen updates. */
    static final class Progress implements org.vidiverse.api.codec.ProgressListener {
        private final JobStore jobs;
        private final long jobId;
        private int written = -10;

        Progress(JobStore jobs, long jobId) {
            this.jobs = jobs;
            this.jobId = jobId;
        }

        @Override
        public synchronized void progress(int percent) {
            int p = Math.max(0, Math.min(99, percent));   // 100 is written by success
            if (p >= written + 2) {
                written = p;
                try {
                    jobs.progress(jobId, p);
                } catch (RuntimeException e) {
                    LOG.debug("Could not record progress of job {}: {}", jobId, e.toString());
                }
            }
        }
    }
}
