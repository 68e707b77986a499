package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;
import static org.vidiverse.storage.internal.Dates.toInstant;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoBlacklistStore;
import org.vidiverse.storage.internal.entity.VideoEntity;

/**
 * The video block list, kept on the video row itself: listings leave blocked videos out with one column test
 * instead of a join. A write locks the video row, so two moderators blocking one video at once get one block and
 * one {@link DuplicateException}; every write counts as a video change, so cached listings forget the video.
 */
@Component(service = VideoBlacklistStore.class)
public final class VideoBlacklistStoreImpl implements VideoBlacklistStore {
    private static final int MAX_REASON = 1000;
    private static final Map<String, String> SORTS = Map.of("createdAt", "blacklistedAt", "name", "name");

    private final JpaTemplate jpa;
    private final Mapper mapper;
    private final VideoChanges changes;

    @Activate
    public VideoBlacklistStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                                   @Reference InstanceIdentity identity, @Reference VideoChanges changes,
                                   @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.mapper = new Mapper(identity);
        this.changes = changes;
    }

    @Override
    public VideoBlacklist block(long videoId, String reason, VideoBlacklist.Type type, boolean unfederated) {
        String checked = reason(reason);
        VideoBlacklist entry = jpa.txExpr(Required, em -> {
            VideoEntity v = locked(em, videoId);
            if (v.getBlacklistType() != null) {
                throw new DuplicateException("video " + videoId + " is blocked already");
            }
            Date now = new Date();
            v.setBlacklistType(type.id());
            v.setBlacklistReason(checked);
            v.setBlacklistUnfederated(unfederated);
            v.setBlacklistedAt(now);
            v.setBlacklistUpdatedAt(now);
            return entry(em, v);
        });
        changes.changed();
        return entry;
    }

    @Override
    public VideoBlacklist updateReason(long videoId, String reason) {
        String checked = reason(reason);
        VideoBlacklist entry = jpa.txExpr(Required, em -> {
            VideoEntity v = locked(em, videoId);
            if (v.getBlacklistType() == null) {
                throw new NotFoundException("video " + videoId + " is not blocked");
            }
            v.setBlacklistReason(checked);
            v.setBlacklistUpdatedAt(new Date());
            return entry(em, v);
        });
        changes.changed();
        return entry;
    }

    @Override
    public Optional<VideoBlacklist> unblock(long videoId) {
        Optional<VideoBlacklist> removed = jpa.txExpr(Required, em -> {
            VideoEntity v = em.find(VideoEntity.class, videoId, LockModeType.PESSIMISTIC_WRITE);
            if (v == null || v.getBlacklistType() == null) {
                return Optional.empty();
            }
            VideoBlacklist before = entry(em, v);
            v.setBlacklistType(null);
            v.setBlacklistReason(null);
            v.setBlacklistUnfederated(null);
            v.setBlacklistedAt(null);
            v.setBlacklistUpdatedAt(null);
            return Optional.of(before);
        });
        removed.ifPresent(r -> changes.changed());
        return removed;
    }

    @Override
    public Optional<VideoBlacklist> find(long videoId) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(VideoEntity.class, videoId))
                .filter(v -> v.getBlacklistType() != null).map(v -> entry(em, v)));
    }

    @Override
    public Page<VideoBlacklist> list(VideoBlacklist.Type type, String search, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE v.blacklistType IS NOT NULL");
        if (type != null) {
            where.append(" AND v.blacklistType = :type");
        }
        String words = search == null || search.isBlank() ? null
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        if (words != null) {
            where.append(" AND LOWER(v.name) LIKE :words");
        }
        String order = Sorts.orderBy("v", page, SORTS, "createdAt", true);
        return jpa.txExpr(Required, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(v) FROM VideoEntity v" + where, Long.class);
            TypedQuery<Long> ids = em.createQuery("SELECT v.id FROM VideoEntity v" + where + order, Long.class);
            if (type != null) {
                count.setParameter("type", type.id());
                ids.setParameter("type", type.id());
            }
            if (words != null) {
                count.setParameter("words", words);
                ids.setParameter("words", words);
            }
            long total = count.getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            List<Long> pageIds = Sorts.window(ids, page).getResultList();
            List<VideoEntity> rows = VideoStoreImpl.load(em, pageIds);
            List<Video> mapped = VideoStoreImpl.mapped(em, mapper, pageIds);   // one tag query for the page
            return new Page<>(total, java.util.stream.IntStream.range(0, rows.size())
                    .mapToObj(i -> entry(rows.get(i), mapped.get(i))).toList());
        });
    }

    private VideoBlacklist entry(EntityManager em, VideoEntity v) {
        return entry(v, VideoStoreImpl.mapped(em, mapper, List.of(v.getId())).get(0));
    }

    private static VideoBlacklist entry(VideoEntity v, Video video) {
        return new VideoBlacklist(video, v.getBlacklistReason(), VideoBlacklist.Type.of(v.getBlacklistType()),
                v.isBlacklistUnfederated(), toInstant(v.getBlacklistedAt()), toInstant(v.getBlacklistUpdatedAt()));
    }

    private static VideoEntity locked(EntityManager em, long videoId) {
        VideoEntity v = em.find(VideoEntity.class, videoId, LockModeType.PESSIMISTIC_WRITE);
        if (v == null) {
            throw new NotFoundException("video " + videoId);
        }
        return v;
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must have at most " + MAX_REASON + " characters");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
