package org.vidiverse.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.media.TorrentMaker;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.NewVideoFile;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.store.JobQuery;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.VideoStore;

/**
 * Accepts uploads: probes the file before anything is written, creates the video within quota, moves the original
 * to {@code uploads/originals/} under the video's uuid and enqueues its transcoding job. A failure at any step undoes
 * the steps before it, so a refused upload leaves neither a row nor a file.
 */
@Component(service = MediaPipeline.class, configurationPid = MediaConfig.PID)
public final class MediaPipelineImpl implements MediaPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(MediaPipelineImpl.class);

    private final VideoStore videos;
    private final JobStore jobs;
    private final MediaStorage storage;
    private final Codecs codecs;
    private final InstanceIdentity instance;
    private volatile MediaConfig config;

    /** Optional: without a torrent maker, files have no torrent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TorrentMaker torrents;

    @Activate
    public MediaPipelineImpl(@Reference VideoStore videos, @Reference JobStore jobs, @Reference MediaStorage storage,
                             @Reference Codecs codecs, @Reference InstanceIdentity instance, MediaConfig config) {
        this.videos = videos;
        this.jobs = jobs;
        this.storage = storage;
        this.codecs = codecs;
        this.instance = instance;
        this.config = config;
    }

    @Modified
    void modified(MediaConfig config) {
        this.config = config;
    }

    @Override
    public Video accept(NewVideo video, Path file, String originalFilename, Map<Still, Path> pictures)
            throws CodecException {
        Video created = null;
        Path original = null;
        Map<Still, Path> scaled = new EnumMap<>(Still.class);
        List<Path> shown = new ArrayList<>();
        try {
            MediaInfo info = probe(file);
            for (Map.Entry<Still, Path> picture : pictures.entrySet()) {
                scaled.put(picture.getKey(), scale(picture.getKey(), picture.getValue()));
            }
            created = videos.createUpload(video, Files.size(file));
            original = originals().resolve(created.uuid() + extension(originalFilename));
            Files.move(file, original, StandardCopyOption.ATOMIC_MOVE);
            showOriginal(created, original, info, shown);
            for (Map.Entry<Still, Path> still : scaled.entrySet()) {
                Files.move(still.getValue(), still.getKey().path(storage, created.uuid()),
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            enqueue(created.id(), original);
            LOG.info("Accepted upload {} for video {}", originalFilename, created.uuid());
            return created;
        } catch (IOException e) {
            undo(created, original, file, scaled, shown);
            throw new UncheckedIOException("cannot store the upload", e);
        } catch (CodecException | RuntimeException e) {
            undo(created, original, file, scaled, shown);
            throw e;
        } finally {
            pictures.values().forEach(TranscodeJob::deleteQuietly);
        }
    }

    /**
     * Until its renditions exist, the video's one file is its original, as in PeerTube: clients poll the new video's
     * {@code files[0].torrentUrl} right after uploading (the real peertube-cli does, and fails on an empty list).
     * The original is linked, not copied, into {@code web-videos/} under a PeerTube file name, with its torrent; the
     * transcoding job's renditions replace both. The file now counts against the quota in place of the source.
     *
     * @param shown receives every file made, for {@link #undo}
     */
    private void showOriginal(Video created, Path original, MediaInfo info, List<Path> shown) throws IOException {
        int resolution = info.hasVideo() ? Math.min(info.width(), info.height()) : 0;
        String extension = extension(original.getFileName().toString());
        String fileUuid = UUID.randomUUID().toString();
        String name = fileUuid + "-" + resolution + (SHOWN_EXTENSIONS.contains(extension) ? extension : ".bin");
        Path target = Files.createDirectories(storage.webVideos()).resolve(name);
        try {
            Files.createLink(target, original);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(original, target);   // another file system: a copy, until the renditions replace it
        }
        shown.add(target);
        Torrents.Made torrent = null;
        try {
            torrent = Torrents.make(torrents, instance, storage, target, name, "/static/web-videos/" + name,
                    fileUuid + "-" + resolution);
        } catch (IOException | RuntimeException e) {
            LOG.warn("No torrent for the original of video {}: {}", created.uuid(), e.toString());
        }
        if (torrent != null) {
            shown.add(torrent.path());
        }
        videos.storeRenditions(created.id(), (int) Math.round(info.durationSeconds()), List.of(new NewVideoFile(
                resolution, (int) Math.round(info.fps()), Files.size(target), name.substring(name.lastIndexOf('.')),
                name, torrent == null ? null : torrent.filename(), torrent == null ? null : torrent.infoHash())),
                null, null, List.of(), VideoState.TO_TRANSCODE);
    }

    /** The uploader's picture scaled and cropped to the still's size, beside where it will go. */
    private Path scale(Still still, Path picture) throws IOException {
        Codecs.RankedCodec codec = codecs.best()
                .orElseThrow(() -> new IllegalStateException("no codec is available to read pictures"));
        Path dir = Files.createDirectories(still.directory(storage));
        Path out = dir.resolve("upload-" + UUID.randomUUID() + ".jpg.tmp");
        try {
            codecs.call(codec, c -> {
                c.picture(picture, still.width(), still.height(), out);
                return null;
            }, org.vidiverse.api.codec.Codec.PROBE_TIMEOUT_MS);
            return out;
        } catch (CodecException | PluginCallException e) {
            TranscodeJob.deleteQuietly(out);
            throw new InvalidInputException(still.field(), "The " + still.field() + " is not an image that can be read"
                    + " (JPEG, PNG or WebP): " + e.getMessage());
        }
    }

    private MediaInfo probe(Path file) throws CodecException {
        Codecs.RankedCodec codec = codecs.best()
                .orElseThrow(() -> new IllegalStateException("no codec is available to read uploads"));
        MediaInfo info;
        try {
            info = codecs.call(codec, c -> c.probe(file), org.vidiverse.api.codec.Codec.PROBE_TIMEOUT_MS);
        } catch (PluginCallException e) {
            throw new IllegalStateException("the " + codec.name() + " codec failed to read the upload", e);
        }
        if (info == null || (!info.hasVideo() && !info.hasAudio())) {
            throw new CodecException("The file has neither a video nor an audio stream");
        }
        if (info.durationSeconds() <= 0) {
            throw new CodecException("The file has no duration");
        }
        if (info.hasVideo() && (Math.max(info.width(), info.height()) > MAX_SIDE
                || (long) info.width() * info.height() > MAX_PIXELS)) {
            throw new CodecException("The video is " + info.width() + "x" + info.height() + ": at most " + MAX_SIDE
                    + " pixels a side and " + MAX_PIXELS / 1_000_000 + " million pixels (8K) are accepted");
        }
        return info;
    }

    /** 8K UHD; larger frames are either absurd headers or more than any rendition of the ladder needs. */
    static final int MAX_SIDE = 8192;
    static final long MAX_PIXELS = 7680L * 4320;

    private void enqueue(long videoId, Path original) {
        String payload = TranscodePayload.json(videoId, storage.root().relativize(original).toString());
        jobs.enqueue(TRANSCODING_JOB, payload, Math.max(1, config.maxAttempts()), null);
    }

    private void undo(Video created, Path original, Path upload, Map<Still, Path> scaled, List<Path> shown) {
        shown.forEach(TranscodeJob::deleteQuietly);
        if (created != null) {
            try {
                videos.delete(created.id());
            } catch (RuntimeException e) {
                LOG.error("Could not remove video {} of a refused upload", created.uuid(), e);
            }
            for (Still still : scaled.keySet()) {
                TranscodeJob.deleteQuietly(still.path(storage, created.uuid()));
            }
        }
        scaled.values().forEach(TranscodeJob::deleteQuietly);
        for (Path p : new Path[] {original, upload}) {
            if (p != null) {
                TranscodeJob.deleteQuietly(p);
            }
        }
    }

    @Override
    public long maxUploadBytes() {
        return config.maxUploadBytes();
    }

    @Override
    public void retranscode(long videoId) {
        Video video = videos.findById(videoId)
                .orElseThrow(() -> new org.vidiverse.api.store.NotFoundException("video " + videoId));
        Path source = Sources.best(storage, videos, video)
                .orElseThrow(() -> new IllegalStateException("video " + video.uuid() + " has no file to transcode"));
        enqueue(videoId, source);
    }

    /** Pages of pending jobs read at most to place a video in the queue. */
    private static final int PENDING_PAGES = 10;

    @Override
    public Optional<TranscodingProgress> transcodingProgress(long videoId) {
        List<Job> running = jobs.list(JobQuery.inState(JobState.PROCESSING).ofType(TRANSCODING_JOB),
                new PageRequest(0, PageRequest.MAX_COUNT, "createdAt", false)).data();
        Optional<TranscodingProgress> found = progressOf(videoId, running, List.of());
        // else the queue, oldest first as claimed, a page at a time: a video far down a long queue costs a few pages
        for (int page = 0; found.isEmpty() && page < PENDING_PAGES; page++) {
            int start = page * PageRequest.MAX_COUNT;
            List<Job> pending = jobs.list(JobQuery.inState(JobState.PENDING).ofType(TRANSCODING_JOB),
                    new PageRequest(start, PageRequest.MAX_COUNT, "createdAt", false)).data();
            found = progressOf(videoId, List.of(), pending)
                    .map(p -> new TranscodingProgress(false, 0, start + p.jobsAhead()));
            if (pending.size() < PageRequest.MAX_COUNT) {
                break;
            }
        }
        return found;
    }

    /**
     * The progress of {@code videoId}'s transcoding among the running jobs and the pending ones (oldest first);
     * jobs whose payload is not a transcoding's are skipped.
     */
    static Optional<TranscodingProgress> progressOf(long videoId, List<Job> running, List<Job> pendingOldestFirst) {
        for (Job job : running) {
            if (isFor(job, videoId)) {
                return Optional.of(new TranscodingProgress(true, Math.max(0, Math.min(100, job.progress())), 0));
            }
        }
        for (int i = 0; i < pendingOldestFirst.size(); i++) {
            if (isFor(pendingOldestFirst.get(i), videoId)) {
                return Optional.of(new TranscodingProgress(false, 0, i));
            }
        }
        return Optional.empty();
    }

    private static boolean isFor(Job job, long videoId) {
        try {
            return TranscodePayload.parse(job.payload()).videoId() == videoId;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Path originals() throws IOException {
        return Files.createDirectories(storage.uploads().resolve("originals"));
    }

    /** The extension of the client's file name, kept so that tools recognise the original; {@code .bin} if odd. */
    /** Extensions of audio and video containers; an original with another one is shown as {@code .bin}. */
    private static final java.util.Set<String> SHOWN_EXTENSIONS = java.util.Set.of(".mp4", ".m4v", ".mov", ".webm",
            ".mkv", ".ogv", ".ogg", ".avi", ".flv", ".wmv", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts", ".3gp", ".nut",
            ".y4m", ".mp3", ".m4a", ".wav", ".flac", ".aac", ".opus", ".oga");

    static String extension(String filename) {
        if (filename == null) {
            return ".bin";
        }
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,8}") ? ext : ".bin";
    }
}
