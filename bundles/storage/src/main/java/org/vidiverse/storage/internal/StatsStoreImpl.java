package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.store.StatsStore;

/**
 * Statistics read with aggregate queries on each call (callers cache what they serve often); daily aggregates are
 * written as SQL increments of {@code video_daily_stats} under the video row's lock.
 */
@Component(service = StatsStore.class)
public final class StatsStoreImpl implements StatsStore {
    private static final String TABLE = DailyStatsSchema.TABLE;
    /** The longest range {@link #days} answers, so that a request cannot ask for millions of rows. */
    static final int MAX_DAYS = 3660;

    private final JpaTemplate jpa;

    @Activate
    public StatsStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                          @Reference SchemaMigrator schema) {
        this.jpa = jpa;
    }

    @Override
    public void addPlayback(long videoId, LocalDate day, long bytesFromPeers, long bytesFromServer) {
        if (bytesFromPeers < 0 || bytesFromServer < 0) {
            throw new IllegalArgumentException("byte counts must not be negative");
        }
        jpa.tx(Required, em -> {
            CommentStoreImpl.moveCounters(em, videoId, "views = views");   // the lock alone; NotFound if missing
            add(em, videoId, day, 0, bytesFromPeers, bytesFromServer);
        });
    }

    /**
     * Adds to the row of the video and day, creating it. The caller holds the video row's lock, so no other
     * transaction creates the same row in between (an insert that failed would abort a PostgreSQL transaction).
     */
    static void add(EntityManager em, long videoId, LocalDate day, long views, long fromPeers, long fromServer) {
        Date date = Date.valueOf(day);
        int rows = em.createNativeQuery("UPDATE " + TABLE + " SET views = views + ?, "
                        + "bytes_from_peers = bytes_from_peers + ?, bytes_from_server = bytes_from_server + ? "
                        + "WHERE video_id = ? AND stat_day = ?")
                .setParameter(1, views).setParameter(2, fromPeers).setParameter(3, fromServer)
                .setParameter(4, videoId).setParameter(5, date).executeUpdate();
        if (rows == 0) {
            em.createNativeQuery("INSERT INTO " + TABLE + " (video_id, stat_day, views, bytes_from_peers, "
                            + "bytes_from_server) VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, videoId).setParameter(2, date).setParameter(3, views)
                    .setParameter(4, fromPeers).setParameter(5, fromServer).executeUpdate();
        }
    }

    @Override
    public List<Day> days(LocalDate from, LocalDate to) {
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        if (length < 1 || length > MAX_DAYS) {
            throw new IllegalArgumentException("a range of 1 to " + MAX_DAYS + " days, not " + length);
        }
        return jpa.txExpr(Required, em -> {
            Map<LocalDate, long[]> sums = new TreeMap<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                sums.put(d, new long[4]);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT stat_day, SUM(views), SUM(bytes_from_peers), "
                            + "SUM(bytes_from_server) FROM " + TABLE + " WHERE stat_day >= ? AND stat_day <= ? "
                            + "GROUP BY stat_day")
                    .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to)).getResultList();
            for (Object[] row : rows) {
                long[] sum = sums.get(((Date) row[0]).toLocalDate());
                if (sum != null) {
                    sum[0] = number(row[1]);
                    sum[2] = number(row[2]);
                    sum[3] = number(row[3]);
                }
            }
            // bucketed here rather than by SQL: the day of a timestamp is the UTC day on every database
            List<java.util.Date> created = em.createQuery("SELECT v.createdAt FROM VideoEntity v WHERE v.local = true"
                            + " AND v.createdAt >= :from AND v.createdAt < :to", java.util.Date.class)
                    .setParameter("from", java.util.Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .setParameter("to", java.util.Date.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .getResultList();
            for (java.util.Date at : created) {
                long[] sum = sums.get(LocalDate.ofInstant(at.toInstant(), ZoneOffset.UTC));
                if (sum != null) {
                    sum[1]++;
                }
            }
            List<Day> days = new ArrayList<>(sums.size());
            sums.forEach((d, s) -> days.add(new Day(d, s[0], s[1], s[2], s[3])));
            return days;
        });
    }

    @Override
    public PlaybackBytes playbackBytes(long videoId) {
        return jpa.txExpr(Required, em -> {
            Object[] row = (Object[]) em.createNativeQuery("SELECT SUM(bytes_from_peers), SUM(bytes_from_server) "
                    + "FROM " + TABLE + " WHERE video_id = ?").setParameter(1, videoId).getSingleResult();
            return new PlaybackBytes(number(row[0]), number(row[1]));
        });
    }

    @Override
    public Map<String, Long> totals(Instant now) {
        return jpa.txExpr(Required, em -> {
            Map<String, Long> t = new LinkedHashMap<>();
            t.put("totalUsers", count(em, "SELECT COUNT(u) FROM UserEntity u"));
            t.put("totalDailyActiveUsers", activeSince(em, now.minus(1, ChronoUnit.DAYS)));
            t.put("totalWeeklyActiveUsers", activeSince(em, now.minus(7, ChronoUnit.DAYS)));
            t.put("totalMonthlyActiveUsers", activeSince(em, now.minus(30, ChronoUnit.DAYS)));
            t.put("totalModerators", count(em, "SELECT COUNT(u) FROM UserEntity u WHERE u.role = 1"));
            t.put("totalAdmins", count(em, "SELECT COUNT(u) FROM UserEntity u WHERE u.role = 0"));
            t.put("totalLocalVideos", count(em, "SELECT COUNT(v) FROM VideoEntity v WHERE v.local = true"));
            t.put("totalLocalVideoViews", count(em, "SELECT SUM(v.views) FROM VideoEntity v WHERE v.local = true"));
            t.put("totalLocalVideoComments", count(em, "SELECT COUNT(c) FROM CommentEntity c "
                    + "WHERE c.video.local = true AND c.deletedAt IS NULL"));
            t.put("totalLocalVideoFilesSize", localMediaBytes(em).renditions());
            t.put("totalVideos", count(em, "SELECT COUNT(v) FROM VideoEntity v"));
            t.put("totalVideoComments", count(em, "SELECT COUNT(c) FROM CommentEntity c WHERE c.deletedAt IS NULL"));
            t.put("totalLocalVideoChannels", count(em, "SELECT COUNT(c) FROM ChannelEntity c "
                    + "WHERE c.actor.server IS NULL"));
            t.put("totalLocalPlaylists", count(em, "SELECT COUNT(p) FROM PlaylistEntity p "
                    + "WHERE p.owner.actor.server IS NULL"));
            t.put("totalInstanceFollowers", em.createQuery("SELECT COUNT(f) FROM FollowEntity f WHERE f.state = :s "
                            + "AND f.following.type = :t AND f.following.server IS NULL", Long.class)
                    .setParameter("s", FollowState.ACCEPTED).setParameter("t", ActorType.APPLICATION)
                    .getSingleResult());
            t.put("totalInstanceFollowing", em.createQuery("SELECT COUNT(f) FROM FollowEntity f WHERE f.state = :s "
                            + "AND f.follower.type = :t AND f.follower.server IS NULL", Long.class)
                    .setParameter("s", FollowState.ACCEPTED).setParameter("t", ActorType.APPLICATION)
                    .getSingleResult());
            t.put("totalAbuses", count(em, "SELECT COUNT(a) FROM AbuseEntity a"));
            t.put("totalAbusesProcessed", count(em, "SELECT COUNT(a) FROM AbuseEntity a WHERE a.state <> 1"));
            return t;
        });
    }

    @Override
    public MediaBytes localMediaBytes() {
        return jpa.txExpr(Required, StatsStoreImpl::localMediaBytes);
    }

    private static MediaBytes localMediaBytes(EntityManager em) {
        return new MediaBytes(
                count(em, "SELECT SUM(f.size) FROM VideoFileEntity f WHERE f.video.local = true"),
                count(em, "SELECT SUM(v.sourceSize) FROM VideoEntity v WHERE v.local = true"));
    }

    @Override
    public JobCounts jobs(String jobType, Instant since) {
        return jpa.txExpr(Required, em -> new JobCounts(
                jobCount(em, jobType, "j.state IN (:a, :b)", JobState.PENDING, JobState.PROCESSING, null),
                jobCount(em, jobType, "j.state = :a", JobState.FAILED, null, null),
                jobCount(em, jobType, "j.state = :a AND j.finishedAt > :since", JobState.SUCCESS, null, since)));
    }

    private static long jobCount(EntityManager em, String type, String condition, JobState a, JobState b,
                                 Instant since) {
        var query = em.createQuery("SELECT COUNT(j) FROM JobEntity j WHERE j.type = :type AND " + condition,
                Long.class).setParameter("type", type).setParameter("a", a);
        if (b != null) {
            query.setParameter("b", b);
        }
        if (since != null) {
            query.setParameter("since", java.util.Date.from(since));
        }
        return query.getSingleResult();
    }

    private static long activeSince(EntityManager em, Instant since) {
        return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.lastLoginAt >= :since", Long.class)
                .setParameter("since", java.util.Date.from(since)).getSingleResult();
    }

    private static long count(EntityManager em, String jpql) {
        return number(em.createQuery(jpql).getSingleResult());
    }

    /** A SUM or COUNT as the database types it (null for no rows, BigDecimal, Long, Integer...). */
    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
