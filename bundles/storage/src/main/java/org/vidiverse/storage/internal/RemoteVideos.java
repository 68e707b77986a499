package org.vidiverse.storage.internal;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.StreamingPlaylistEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;
import org.vidiverse.storage.internal.entity.VideoFileEntity;

/**
 * Creates or refreshes one remote video inside the caller's transaction ({@link VideoStoreImpl#saveRemote}):
 * metadata, tags, search words, and the URLs of its renditions and HLS playlist, which replace the earlier ones.
 * Its files stay on the origin; their {@code filename} is only the last segment of their URL.
 */
final class RemoteVideos {
    private static final int URL_LENGTH = 1000;

    private final EntityManager em;
    private final InstanceIdentity identity;
    private final Mapper mapper;

    RemoteVideos(EntityManager em, InstanceIdentity identity, Mapper mapper) {
        this.em = em;
        this.identity = identity;
        this.mapper = mapper;
    }

    Video save(RemoteVideo r) {
        UUID uuid = uuid(r.uuid());
        if (r.privacy() == null) {
            throw new IllegalArgumentException("remote video " + r.url() + " has no privacy");
        }
        ChannelEntity channel = remoteChannel(r);
        VideoEntity v = lockedByUrl(r.url());
        Date now = new Date();
        if (v == null) {
            v = newVideo(r, uuid, channel, now);
        } else if (v.isLocal()) {
            throw new IllegalArgumentException("video " + r.url() + " is a local video");
        } else if (v.getChannel().getId() != channel.getId()) {
            throw new IllegalArgumentException("video " + r.url() + " belongs to another channel");
        } else {
            em.createQuery("DELETE FROM VideoTagEntity t WHERE t.video.id = :id").setParameter("id", v.getId())
                    .executeUpdate();
            // files reference their playlist: files first
            for (String entity : List.of("VideoFileEntity", "StreamingPlaylistEntity")) {
                em.createQuery("DELETE FROM " + entity + " e WHERE e.video.id = :id").setParameter("id", v.getId())
                        .executeUpdate();
            }
        }
        fill(v, r, now);
        if (v.getId() == 0) {
            em.persist(v);   // once filled: a query below may flush it
        }
        List<String> tags = VideoStoreImpl.normalise(r.tags());
        VideoStoreImpl.persistTags(em, v, tags);
        persistFiles(v, r, now);
        Sql.flush(em, "video " + r.url() + " or its uuid " + uuid);
        SearchIndex.remove(em, v.getId());
        SearchIndex.add(em, v.getId(), v.getName(), tags, v.getDescription());
        return mapper.video(v, tags);
    }

    private static UUID uuid(String uuid) {
        try {
            return UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a uuid: " + uuid);
        }
    }

    /**
     * The stored remote channel of the video, on the host of the video's url, write-locked: saves of one channel's
     * videos queue there, so two first saves of one video never insert it both (on Derby the second would wait for
     * the first's locks until it times out).
     */
    private ChannelEntity remoteChannel(RemoteVideo r) {
        ChannelEntity channel = em.find(ChannelEntity.class, r.channelActorId(), LockModeType.PESSIMISTIC_WRITE);
        if (channel == null) {
            throw new NotFoundException("channel " + r.channelActorId());
        }
        String host = Urls.host(checked(r.url()));
        if (host.equalsIgnoreCase(identity.host())) {
            throw new IllegalArgumentException("video " + r.url() + " is a local video");
        }
        if (channel.getActor().isLocal()) {
            throw new IllegalArgumentException("channel " + r.channelActorId() + " is a local channel");
        }
        if (!host.equalsIgnoreCase(channel.getActor().getServer().getHost())) {
            throw new IllegalArgumentException("video " + r.url() + " is not on the host of its channel");
        }
        return channel;
    }

    /** The stored video with that url, write-locked so that two refreshes of it queue. */
    private VideoEntity lockedByUrl(String url) {
        return em.createQuery("SELECT v.id FROM VideoEntity v WHERE v.url = :u", Long.class).setParameter("u", url)
                .getResultList().stream().findFirst()
                .map(id -> em.find(VideoEntity.class, id, LockModeType.PESSIMISTIC_WRITE)).orElse(null);
    }

    private VideoEntity newVideo(RemoteVideo r, UUID uuid, ChannelEntity channel, Date now) {
        if (em.createQuery("SELECT COUNT(v) FROM VideoEntity v WHERE v.uuid = :u", Long.class)
                .setParameter("u", uuid.toString()).getSingleResult() > 0) {
            throw new IllegalArgumentException("uuid " + uuid + " of " + r.url() + " belongs to another video");
        }
        VideoEntity v = new VideoEntity();
        v.setUuid(uuid.toString());
        v.setShortUuid(ShortUuid.encode(uuid));
        v.setUrl(r.url());
        v.setLocal(false);
        v.setChannel(channel);
        v.setCreatedAt(r.publishedAt() == null ? now : Date.from(r.publishedAt()));
        v.setPublishedAt(v.getCreatedAt());
        return v;
    }

    private static void fill(VideoEntity v, RemoteVideo r, Date now) {
        v.setName(Urls.truncate(r.name(), 255));
        v.setDescription(r.description());
        v.setSupport(Urls.truncate(Urls.blankToNull(r.support()), 1000));
        v.setPrivacy(r.privacy().id());
        v.setState((r.state() == null ? VideoState.PUBLISHED : r.state()).id());
        v.setDuration(Math.max(0, r.durationSeconds()));
        v.setCategory(r.category());
        v.setLicence(r.licence());
        v.setLanguage(Urls.truncate(r.language(), 20));
        v.setNsfw(r.nsfw());
        v.setCommentsEnabled(r.commentsEnabled());
        v.setDownloadEnabled(r.downloadEnabled());
        v.setWaitTranscoding(r.waitTranscoding());
        v.setViews(Math.max(0, r.views()));
        if (r.publishedAt() != null) {
            v.setPublishedAt(Date.from(r.publishedAt()));
        }
        v.setUpdatedAt(r.updatedAt() == null ? now : Date.from(r.updatedAt()));
        v.setOriginallyPublishedAt(r.originallyPublishedAt() == null ? null : Date.from(r.originallyPublishedAt()));
        v.setThumbnailUrl(checked(r.thumbnailUrl()));
        v.setPreviewUrl(checked(r.previewUrl()));
    }

    private void persistFiles(VideoEntity v, RemoteVideo r, Date now) {
        for (RemoteVideo.File f : r.webVideos()) {
            em.persist(file(v, null, f, now));
        }
        if (r.hlsPlaylistUrl() != null) {
            StreamingPlaylistEntity playlist = new StreamingPlaylistEntity();
            playlist.setVideo(v);
            playlist.setPlaylistUrl(checked(r.hlsPlaylistUrl()));
            playlist.setPlaylistFilename(name(r.hlsPlaylistUrl()));
            playlist.setSegmentsSha256Url(checked(r.segmentsSha256Url()));
            playlist.setSegmentsSha256Filename(name(r.segmentsSha256Url()));
            playlist.setCreatedAt(now);
            playlist.setUpdatedAt(now);
            em.persist(playlist);
            for (RemoteVideo.File f : r.hlsFiles()) {
                em.persist(file(v, playlist, f, now));
            }
        }
    }

    private static VideoFileEntity file(VideoEntity v, StreamingPlaylistEntity playlist, RemoteVideo.File f,
                                        Date now) {
        VideoFileEntity e = new VideoFileEntity();
        e.setVideo(v);
        e.setStreamingPlaylist(playlist);
        e.setResolution(f.resolution());
        e.setSize(Math.max(0, f.size()));
        e.setFps(f.fps());
        e.setFileUrl(checked(f.fileUrl()));
        e.setFilename(name(f.fileUrl()));
        e.setExtname(extname(e.getFilename()));
        e.setTorrentUrl(checked(f.torrentUrl()));
        e.setTorrentFilename(name(f.torrentUrl()));
        // a hash that does not fit is no hash we could use in a magnet link
        e.setInfoHash(f.infoHash() == null || f.infoHash().length() > 64 ? null
                : f.infoHash().toLowerCase(Locale.ROOT));
        e.setCreatedAt(now);
        return e;
    }

    /** The file name shown for a remote file: its URL's last segment, cut to the column. */
    private static String name(String url) {
        return Urls.truncate(Urls.lastSegment(url), 255);
    }

    /** {@code .mp4} of {@code x-720.mp4}; empty without an extension that fits the column. */
    private static String extname(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 || filename.length() - dot > 20 ? "" : filename.substring(dot);
    }

    /** A URL that fits its column: cutting one would make it point elsewhere. */
    private static String checked(String url) {
        if (url != null && url.length() > URL_LENGTH) {
            throw new IllegalArgumentException("URL longer than " + URL_LENGTH + " characters: "
                    + url.substring(0, 100) + "...");
        }
        return url;
    }
}
