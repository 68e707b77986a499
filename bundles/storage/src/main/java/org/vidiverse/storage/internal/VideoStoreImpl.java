package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.NewVideoFile;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.QuotaExceededException;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.StreamingPlaylistEntity;
import org.vidiverse.storage.internal.entity.UserEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;
import org.vidiverse.storage.internal.entity.VideoFileEntity;
import org.vidiverse.storage.internal.entity.VideoTagEntity;

/**
 * Videos, their tags and renditions. In the returned {@link Video}, {@code channel().id()} is the channel id and
 * {@code account().id()} the owning account id; both equal their actor ids (see {@link ChannelStoreImpl}).
 * Listing without a sort orders by {@code -publishedAt}, PeerTube's default; ties are broken by id.
 */
@Component(service = VideoStore.class)
public final class VideoStoreImpl implements VideoStore {
    private static final Logger LOG = LoggerFactory.getLogger(VideoStoreImpl.class);
    /** The api sort names are the entity's field names. */
    private static final Map<String, String> SORTS = Sorts.identity(VideoQuery.SORT_FIELDS);

    private final JpaTemplate jpa;
    private final InstanceIdentity identity;
    private final Mapper mapper;
    private final VideoChanges changes;
    private final BlockPresence blockPresence;
    /**
     * Totals of listings, forgotten on every write below; counters never change them, so the age limit only bounds
     * how long another node's write sharing the database goes unseen: 30 s.
     */
    private final ReadCache<Long> totals;
    private final VideoCache cache;

    @Activate
    public VideoStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                          @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                          @Reference VideoChanges changes, @Reference VideoCache cache) {
        this.blockPresence = new BlockPresence(jpa, changes);
        this.jpa = jpa;
        this.identity = identity;
        this.changes = changes;
        this.cache = cache;
        this.totals = new ReadCache<>(changes, 30_000, 4096);
        this.mapper = new Mapper(identity);
    }

    @Override
    public Video create(NewVideo n) {
        Video video = jpa.txExpr(Required, em -> {
            ChannelEntity channel = em.find(ChannelEntity.class, n.channelId());
            if (channel == null) {
                throw new NotFoundException("channel " + n.channelId());
            }
            if (!channel.getActor().isLocal()) {
                throw new IllegalArgumentException("channel " + n.channelId() + " is not a local channel");
            }
            VideoEntity v = newVideoEntity(n, channel);
            em.persist(v);
            List<String> tags = normalise(n.tags());
            persistTags(em, v, tags);
            Sql.flush(em, "video " + v.getUuid());
            SearchIndex.add(em, v.getId(), v.getName(), tags, v.getDescription());
            return mapper.video(v, tags);
        });
        changes.changed();   // after the commit, so no count taken before it is remembered
        LOG.info("Created video {} '{}' in channel {}", video.uuid(), video.name(), video.channel().name());
        return video;
    }

    private VideoEntity newVideoEntity(NewVideo n, ChannelEntity channel) {
        UUID uuid = UUID.randomUUID();
        Date now = new Date();
        VideoEntity v = new VideoEntity();
        v.setUuid(uuid.toString());
        v.setShortUuid(ShortUuid.encode(uuid));
        v.setUrl(identity.publicUrl() + "/videos/watch/" + uuid);
        v.setName(n.name());
        v.setDescription(n.description());
        v.setSupport(n.support());
        v.setPrivacy(n.privacy().id());
        v.setState(n.state().id());
        v.setDuration(n.duration());
        v.setCategory(n.category());
        v.setLicence(n.licence());
        v.setLanguage(n.language());
        v.setNsfw(n.nsfw());
        v.setCommentsEnabled(n.commentsEnabled());
        v.setDownloadEnabled(n.downloadEnabled());
        v.setWaitTranscoding(n.waitTranscoding());
        v.setLocal(true);
        v.setChannel(channel);
        v.setCreatedAt(now);
        v.setUpdatedAt(now);
        v.setPublishedAt(now);
        return v;
    }

    /** Trimmed, without blanks and repeats, in the given order. */
    static List<String> normalise(List<String> tags) {
        return List.copyOf(tags.stream().filter(Objects::nonNull).map(String::trim).filter(t -> !t.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The video's tags, in their order. */
    static void persistTags(EntityManager em, VideoEntity v, List<String> tags) {
        for (int i = 0; i < tags.size(); i++) {
            VideoTagEntity t = new VideoTagEntity();
            t.setVideo(v);
            t.setName(tags.get(i));
            t.setPosition(i);
            em.persist(t);
        }
    }

    @Override
    public Optional<Video> findById(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(VideoEntity.class, id)).map(v -> map(em, v)));
    }

    @Override
    public Optional<Video> findByUuid(String uuid) {
        return findBy("uuid", uuid);
    }

    @Override
    public Optional<Video> findByShortUuid(String shortUuid) {
        return findBy("shortUuid", shortUuid);
    }

    @Override
    public Optional<Video> findByUrl(String url) {
        return url == null ? Optional.empty() : findBy("url", url);
    }

    /**
     * Saves of one channel's videos queue on the channel row ({@link RemoteVideos}); should two saves still both
     * insert (the same url with two channels), the unique url lets one win, and the other is retried once.
     */
    @Override
    public Video saveRemote(RemoteVideo remote) {
        Video video;
        try {
            video = jpa.txExpr(Required, em -> new RemoteVideos(em, identity, mapper).save(remote));
        } catch (DuplicateException raced) {
            video = jpa.txExpr(Required, em -> new RemoteVideos(em, identity, mapper).save(remote));
        }
        changes.changed();   // after the commit, as for local videos
        LOG.debug("Saved remote video {} '{}'", video.url(), video.name());
        return video;
    }

    private Optional<Video> findBy(String field, String value) {
        return jpa.txExpr(Required, em -> em
                .createQuery("SELECT v FROM VideoEntity v WHERE v." + field + " = :v", VideoEntity.class)
                .setParameter("v", value).getResultList().stream().findFirst().map(v -> map(em, v)));
    }

    @Override
    public long changeCount() {
        return changes.generation();
    }

    @Override
    public Page<Video> list(VideoQuery query, PageRequest page) {
        String order = Sorts.orderBy("v", page, SORTS, "publishedAt", true);
        VideoFilter filter = new VideoFilter(query, query.moderatedFor() == null ? BlockPresence.Blocks.ALL
                : blockPresence.of(query.moderatedFor()));
        return jpa.txExpr(Required, em -> {
            Supplier<Long> count = () -> filter.bind(em.createQuery(
                    "SELECT COUNT(v) FROM VideoEntity v" + filter.where(), Long.class)).getSingleResult();
            String key = filter.totalsKey();
            long total = key == null ? count.get() : totals.get(key, count);
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            // Sort and page the ids alone, then load the page: databases without a matching index (Derby) sort
            // narrow (key, id) tuples instead of whole rows with their descriptions - seconds at 100,000 videos.
            List<Long> ids = Sorts.window(filter.bind(em.createQuery(
                    "SELECT v.id FROM VideoEntity v" + filter.where() + order, Long.class)), page).getResultList();
            return new Page<>(total, cache.videos(ids, missing -> mapped(em, mapper, missing)));
        });
    }

    /** The videos of {@code ids} read through the persistence context, with their tags, in that order. */
    static List<Video> mapped(EntityManager em, Mapper mapper, List<Long> ids) {
        List<VideoEntity> rows = load(em, ids);
        Map<Long, List<String>> tags = tagsOf(em, rows.stream().map(VideoEntity::getId).toList());
        return rows.stream().map(v -> mapper.video(v, tags.getOrDefault(v.getId(), List.of()))).toList();
    }

    private Video map(EntityManager em, VideoEntity v) {
        return mapper.video(v, tagsOf(em, List.of(v.getId())).getOrDefault(v.getId(), List.of()));
    }

    /**
     * The videos of a page, in the page's order, by primary key one at a time. One {@code IN} query joining the
     * channel, account, actor and server looks cheaper, but Derby may then start the join from the channel and walk
     * all its videos (seconds for a channel with 100,000); a lookup by key always starts from the key, and the
     * shared channel rows come from the persistence context after the first.
     */
    static List<VideoEntity> load(EntityManager em, List<Long> ids) {
        List<VideoEntity> rows = new ArrayList<>(ids.size());
        for (long id : ids) {
            VideoEntity v = em.find(VideoEntity.class, id);
            if (v != null) {   // deleted between the id query and now
                rows.add(v);
            }
        }
        return rows;
    }

    /**
     * One query for the tags of a whole page instead of one per video; plain SQL on the unique (video_id, name)
     * index, without the join to {@code video} that the JPQL path expression adds.
     */
    static Map<Long, List<String>> tagsOf(EntityManager em, List<Long> videoIds) {
        Map<Long, List<String>> tags = new HashMap<>();
        if (videoIds.isEmpty()) {
            return tags;
        }
        javax.persistence.Query q = em.createNativeQuery("SELECT video_id, name FROM video_tag WHERE video_id IN ("
                + String.join(", ", java.util.Collections.nCopies(videoIds.size(), "?"))
                + ") ORDER BY video_id, position");
        for (int i = 0; i < videoIds.size(); i++) {
            q.setParameter(i + 1, videoIds.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = q.getResultList();
        for (Object[] row : result) {
            tags.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add((String) row[1]);
        }
        return tags;
    }

    @Override
    public boolean delete(long id) {
        boolean deleted = jpa.txExpr(Required, em -> {
            VideoEntity v = em.find(VideoEntity.class, id);
            if (v == null) {
                return false;
            }
            // Foreign keys restrict deletes: unlink reply chains first, then remove children before the video.
            em.createQuery("UPDATE CommentEntity c SET c.thread = NULL, c.inReplyTo = NULL WHERE c.video.id = :id")
                    .setParameter("id", id).executeUpdate();
            // playlists keep the place, shown as a deleted video, as PeerTube does
            em.createNativeQuery("UPDATE video_playlist_element SET video_id = NULL WHERE video_id = ?")
                    .setParameter(1, id).executeUpdate();
            for (String entity : List.of("CommentEntity", "VideoRateEntity", "VideoTagEntity", "VideoFileEntity",
                    "StreamingPlaylistEntity", "WatchHistoryEntity")) {
                em.createQuery("DELETE FROM " + entity + " e WHERE e.video.id = :id").setParameter("id", id)
                        .executeUpdate();
            }
            SearchIndex.remove(em, id);
            em.remove(v);
            return true;
        });
        if (deleted) {
            changes.changed();
            LOG.info("Deleted video {}", id);
        }
        return deleted;
    }

    @Override
    public Video update(long id, org.vidiverse.api.model.VideoUpdate u) {
        Video updated = jpa.txExpr(Required, em -> {
            VideoEntity v = em.find(VideoEntity.class, id);
            if (v == null) {
                throw new NotFoundException("video " + id);
            }
            if (u.name() != null) { v.setName(u.name()); }
            if (u.description() != null) { v.setDescription(u.description()); }
            if (u.support() != null) { v.setSupport(u.support()); }
            if (u.privacy() != null) { v.setPrivacy(u.privacy().id()); }
            if (u.category() != null) { v.setCategory(u.category()); }
            if (u.licence() != null) { v.setLicence(u.licence()); }
            if (u.language() != null) { v.setLanguage(u.language()); }
            if (u.nsfw() != null) { v.setNsfw(u.nsfw()); }
            if (u.commentsEnabled() != null) { v.setCommentsEnabled(u.commentsEnabled()); }
            if (u.commentsRequireApproval() != null) { v.setCommentsRequireApproval(u.commentsRequireApproval()); }
            if (u.downloadEnabled() != null) { v.setDownloadEnabled(u.downloadEnabled()); }
            if (u.waitTranscoding() != null) { v.setWaitTranscoding(u.waitTranscoding()); }
            if (u.originallyPublishedAt() != null) { v.setOriginallyPublishedAt(Date.from(u.originallyPublishedAt())); }
            v.setUpdatedAt(new Date());
            List<String> tags;
            if (u.tags() != null) {
                em.createQuery("DELETE FROM VideoTagEntity t WHERE t.video.id = :id").setParameter("id", id)
                        .executeUpdate();
                tags = normalise(u.tags());
                persistTags(em, v, tags);
            } else {
                tags = em.createQuery("SELECT t.name FROM VideoTagEntity t WHERE t.video.id = :id ORDER BY t.position",
                        String.class).setParameter("id", id).getResultList();
            }
            SearchIndex.remove(em, id);
            SearchIndex.add(em, id, v.getName(), tags, v.getDescription());
            Sql.flush(em, "video " + v.getUuid());
            return mapper.video(v, tags);
        });
        changes.changed();
        return updated;
    }

    @Override
    public long count() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(v) FROM VideoEntity v", Long.class)
                .getSingleResult());
    }

    @Override
    public List<VideoFile> files(long videoId) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT f FROM VideoFileEntity f WHERE f.video.id = :id "
                        + "ORDER BY f.resolution DESC, f.id", VideoFileEntity.class).setParameter("id", videoId)
                .getResultList().stream().map(Mapper::file).toList());
    }

    @Override
    public VideoFile addFile(long videoId, int resolution, long size, int fps, String extname, String filename) {
        return jpa.txExpr(Required, em -> {
            VideoEntity v = em.find(VideoEntity.class, videoId);
            if (v == null) {
                throw new NotFoundException("video " + videoId);
            }
            VideoFileEntity f = new VideoFileEntity();
            f.setVideo(v);
            f.setResolution(resolution);
            f.setSize(size);
            f.setFps(fps);
            f.setExtname(extname);
            f.setFilename(filename);
            f.setCreatedAt(new Date());
            em.persist(f);
            Sql.flush(em, "file " + filename);
            return Mapper.file(f);
        });
    }

    @Override
    public Video createUpload(NewVideo n, long sourceBytes) {
        Video video = jpa.txExpr(Required, em -> {
            ChannelEntity channel = em.find(ChannelEntity.class, n.channelId());
            if (channel == null) {
                throw new NotFoundException("channel " + n.channelId());
            }
            UserEntity owner = channel.getAccount().getUser();
            if (owner != null) {
                // serialises the uploads of one user: the quota read below stays true until this commits
                em.lock(owner, LockModeType.PESSIMISTIC_WRITE);
                checkQuota(em, owner, sourceBytes);
            }
            VideoEntity v = newVideoEntity(n, channel);
            v.setState(VideoState.TO_TRANSCODE.id());
            v.setSourceSize(sourceBytes);
            em.persist(v);
            List<String> tags = normalise(n.tags());
            persistTags(em, v, tags);
            Sql.flush(em, "video " + v.getUuid());
            SearchIndex.add(em, v.getId(), v.getName(), tags, v.getDescription());
            return mapper.video(v, tags);
        });
        changes.changed();
        LOG.info("Created video {} '{}' for an upload of {} bytes", video.uuid(), video.name(), sourceBytes);
        return video;
    }

    private static void checkQuota(EntityManager em, UserEntity owner, long bytes) {
        if (owner.getVideoQuota() >= 0
                && UserStoreImpl.quotaUsed(em, owner.getId(), null) + bytes > owner.getVideoQuota()) {
            throw new QuotaExceededException("The user video quota is exceeded with this video.", false);
        }
        if (owner.getVideoQuotaDaily() >= 0 && UserStoreImpl.quotaUsed(em, owner.getId(),
                java.time.Instant.now().minus(java.time.Duration.ofDays(1))) + bytes > owner.getVideoQuotaDaily()) {
            throw new QuotaExceededException("The user video daily quota is exceeded with this video.", true);
        }
    }

    @Override
    public void storeRenditions(long videoId, int durationSeconds, List<NewVideoFile> webVideos,
                                String hlsPlaylistFilename, String segmentsSha256Filename, List<NewVideoFile> hlsFiles,
                                VideoState state) {
        jpa.tx(Required, em -> {
            VideoEntity v = em.find(VideoEntity.class, videoId, LockModeType.PESSIMISTIC_WRITE);
            if (v == null) {
                throw new NotFoundException("video " + videoId);
            }
            for (String entity : List.of("VideoFileEntity", "StreamingPlaylistEntity")) {
                em.createQuery("DELETE FROM " + entity + " e WHERE e.video.id = :id").setParameter("id", videoId)
                        .executeUpdate();
            }
            Date now = new Date();
            for (NewVideoFile f : webVideos) {
                em.persist(fileEntity(v, null, f, now));
            }
            if (hlsPlaylistFilename != null) {
                StreamingPlaylistEntity playlist = new StreamingPlaylistEntity();
                playlist.setVideo(v);
                playlist.setPlaylistFilename(hlsPlaylistFilename);
                playlist.setSegmentsSha256Filename(segmentsSha256Filename);
                playlist.setCreatedAt(now);
                playlist.setUpdatedAt(now);
                em.persist(playlist);
                for (NewVideoFile f : hlsFiles) {
                    em.persist(fileEntity(v, playlist, f, now));
                }
            }
            v.setDuration(durationSeconds);
            v.setSourceSize(null);
            v.setState(state.id());
            if (state == VideoState.PUBLISHED) {
                v.setPublishedAt(now);   // PeerTube dates a video from when it can be watched
            }
            v.setUpdatedAt(now);
            Sql.flush(em, "renditions of video " + v.getUuid());
        });
        changes.changed();
    }

    private static VideoFileEntity fileEntity(VideoEntity v, StreamingPlaylistEntity playlist, NewVideoFile f,
                                              Date now) {
        VideoFileEntity e = new VideoFileEntity();
        e.setVideo(v);
        e.setStreamingPlaylist(playlist);
        e.setResolution(f.resolution());
        e.setFps(f.fps());
        e.setSize(f.size());
        e.setExtname(f.extname());
        e.setFilename(f.filename());
        e.setTorrentFilename(f.torrentFilename());
        e.setInfoHash(f.infoHash());
        e.setCreatedAt(now);
        return e;
    }

    @Override
    public void setState(long videoId, VideoState state) {
        jpa.tx(Required, em -> {
            VideoEntity v = em.find(VideoEntity.class, videoId);
            if (v == null) {
                throw new NotFoundException("video " + videoId);
            }
            v.setState(state.id());
            v.setUpdatedAt(new Date());
        });
        changes.changed();
    }

    @Override
    public Optional<HlsPlaylist> hlsPlaylist(long videoId) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT p FROM StreamingPlaylistEntity p "
                        + "WHERE p.video.id = :id", StreamingPlaylistEntity.class).setParameter("id", videoId)
                .getResultList().stream().findFirst().map(Mapper::hls));
    }

    @Override
    public Optional<VideoFile> findFileByFilename(String filename) {
        return findFileBy("filename", filename);
    }

    @Override
    public Optional<VideoFile> findFileByTorrentFilename(String torrentFilename) {
        return findFileBy("torrentFilename", torrentFilename);
    }

    /**
     * One row by an indexed column (schema step 5); the first by id should a name ever repeat. Local videos' files
     * only: a remote file's name is the end of its origin's URL, and the file is not here to be served.
     */
    private Optional<VideoFile> findFileBy(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return jpa.txExpr(Required, em -> em.createQuery("SELECT f FROM VideoFileEntity f WHERE f." + field
                        + " = :v AND f.video.local = TRUE ORDER BY f.id", VideoFileEntity.class)
                .setParameter("v", value).setMaxResults(1)
                .getResultList().stream().findFirst().map(Mapper::file));
    }

    @Override
    public VideoFile setTorrent(long fileId, String torrentFilename, String infoHash) {
        return jpa.txExpr(Required, em -> {
            VideoFileEntity f = em.find(VideoFileEntity.class, fileId);
            if (f == null) {
                throw new NotFoundException("video file " + fileId);
            }
            f.setTorrentFilename(torrentFilename);
            f.setInfoHash(infoHash);
            Sql.flush(em, "torrent " + torrentFilename);
            return Mapper.file(f);
        });
    }
}
