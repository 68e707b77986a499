package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.WatchedVideo;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.storage.internal.entity.UserEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;
import org.vidiverse.storage.internal.entity.WatchHistoryEntity;

/**
 * Watch history as PeerTube keeps it: one row per user and video, moved forward by each report. A report first
 * tries to update the row; when there is none it inserts one, and when a concurrent report inserted it first (the
 * unique constraint refuses the second) the whole report is tried again as an update.
 */
@Component(service = WatchHistoryStore.class)
public final class WatchHistoryStoreImpl implements WatchHistoryStore {
    private static final int ATTEMPTS = 3;
    /** Privacies every logged-in user may see; see the api's {@code list} contract. */
    private static final List<Integer> OPEN = List.of(VideoPrivacy.PUBLIC.id(), VideoPrivacy.UNLISTED.id(),
            VideoPrivacy.INTERNAL.id());

    private final JpaTemplate jpa;
    private final Mapper mapper;

    @Activate
    public WatchHistoryStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                                 @Reference InstanceIdentity identity, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.mapper = new Mapper(identity);
    }

    @Override
    public void record(long userId, long videoId, int currentTime) {
        if (currentTime < 0) {
            throw new IllegalArgumentException("currentTime must not be negative");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(Required, em -> recordOnce(em, userId, videoId, currentTime));
                return;
            } catch (DuplicateException raced) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("history of user " + userId + " kept changing concurrently");
                }
            }
        }
    }

    private static void recordOnce(EntityManager em, long userId, long videoId, int currentTime) {
        Date now = new Date();
        int updated = em.createNativeQuery("UPDATE user_video_history SET current_time_s = ?, updated_at = ? "
                        + "WHERE user_id = ? AND video_id = ?").setParameter(1, currentTime)
                .setParameter(2, new java.sql.Timestamp(now.getTime())).setParameter(3, userId)
                .setParameter(4, videoId).executeUpdate();
        if (updated > 0) {
            return;
        }
        UserEntity user = em.find(UserEntity.class, userId);
        if (user == null) {
            throw new NotFoundException("user " + userId);
        }
        VideoEntity video = em.find(VideoEntity.class, videoId);
        if (video == null) {
            throw new NotFoundException("video " + videoId);
        }
        WatchHistoryEntity row = new WatchHistoryEntity();
        row.setUser(user);
        row.setVideo(video);
        row.setCurrentTime(currentTime);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        em.persist(row);
        Sql.flush(em, "history of video " + videoId + " for user " + userId);
    }

    @Override
    public Page<WatchedVideo> list(long userId, String search, PageRequest page) {
        return jpa.txExpr(Required, em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            if (user == null) {
                return new Page<>(0, List.of());
            }
            StringBuilder where = new StringBuilder(" WHERE h.user.id = :u");
            boolean seesAll = UserRole.byId(user.getRole()).map(r -> r.atLeast(UserRole.MODERATOR)).orElse(false);
            if (!seesAll) {
                where.append(" AND (h.video.privacy IN :open OR h.video.channel.account.id = :a)");
            }
            String pattern = search == null || search.isBlank() ? null
                    : "%" + Sql.likeEscaped(search.trim().toLowerCase(Locale.ROOT)) + "%";
            if (pattern != null) {
                where.append(" AND LOWER(h.video.name) LIKE :search ESCAPE '!'");
            }
            long accountId = user.getAccount() == null ? -1 : user.getAccount().getId();
            long total = bind(em.createQuery("SELECT COUNT(h) FROM WatchHistoryEntity h" + where, Long.class),
                    userId, seesAll, accountId, pattern).getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            List<WatchHistoryEntity> rows = Sorts.window(bind(em.createQuery("SELECT h FROM WatchHistoryEntity h"
                    + where + " ORDER BY h.updatedAt DESC, h.id DESC", WatchHistoryEntity.class), userId, seesAll,
                    accountId, pattern), page).getResultList();
            Map<Long, List<String>> tags = VideoStoreImpl.tagsOf(em, rows.stream().map(h -> h.getVideo().getId())
                    .toList());
            return new Page<>(total, rows.stream().map(h -> new WatchedVideo(mapper.video(h.getVideo(),
                    tags.getOrDefault(h.getVideo().getId(), List.of())), h.getCurrentTime(),
                    Dates.toInstant(h.getUpdatedAt()))).toList());
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, long userId, boolean seesAll, long accountId,
                                          String pattern) {
        query.setParameter("u", userId);
        if (!seesAll) {
            query.setParameter("open", OPEN).setParameter("a", accountId);
        }
        if (pattern != null) {
            query.setParameter("search", pattern);
        }
        return query;
    }

    @Override
    public boolean remove(long userId, long videoId) {
        return jpa.txExpr(Required, em -> em.createQuery("DELETE FROM WatchHistoryEntity h "
                        + "WHERE h.user.id = :u AND h.video.id = :v").setParameter("u", userId)
                .setParameter("v", videoId).executeUpdate() > 0);
    }

    @Override
    public int removeAll(long userId, Instant before) {
        return jpa.txExpr(Required, em -> {
            if (before == null) {
                return em.createQuery("DELETE FROM WatchHistoryEntity h WHERE h.user.id = :u")
                        .setParameter("u", userId).executeUpdate();
            }
            return em.createQuery("DELETE FROM WatchHistoryEntity h WHERE h.user.id = :u AND h.updatedAt < :before")
                    .setParameter("u", userId).setParameter("before", Date.from(before)).executeUpdate();
        });
    }

    @Override
    public Map<Long, Integer> currentTimes(long userId, Collection<Long> videoIds) {
        if (videoIds.isEmpty()) {
            return Map.of();
        }
        return jpa.txExpr(Required, em -> {
            Map<Long, Integer> times = new HashMap<>();
            em.createQuery("SELECT h.video.id, h.currentTime FROM WatchHistoryEntity h WHERE h.user.id = :u "
                            + "AND h.video.id IN :ids", Object[].class).setParameter("u", userId)
                    .setParameter("ids", List.copyOf(Set.copyOf(videoIds))).getResultList()
                    .forEach(row -> times.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
            return times;
        });
    }
}
