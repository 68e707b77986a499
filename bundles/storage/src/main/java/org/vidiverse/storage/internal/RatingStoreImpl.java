package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.RatingStore;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;
import org.vidiverse.storage.internal.entity.VideoRateEntity;

/**
 * Ratings as PeerTube keeps them: one row per account and video, none for "no rating". Counters only ever move by
 * relative, single-statement updates, and only after the rating row itself changed from the value it was read
 * with (a conditional update or delete, or an insert the unique constraint guards). When another request changed
 * the row first, the whole transaction is rolled back and tried again, so {@code likes} and {@code dislikes}
 * always equal the rows. Rate urls are PeerTube's: {@code {account url}/likes/{videoId}} and
 * {@code /dislikes/{videoId}}.
 */
@Component(service = RatingStore.class)
public final class RatingStoreImpl implements RatingStore {
    private static final int ATTEMPTS = 5;

    private final JpaTemplate jpa;

    @Activate
    public RatingStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                           @Reference SchemaMigrator schema) {
        this.jpa = jpa;
    }

    /** The rating row moved under us; the transaction rolls back and the rating is tried again. */
    private static final class Raced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raced() {
            super(null, null, false, false);
        }
    }

    @Override
    public Rating rate(long videoId, long accountId, Rating rating) {
        if (rating == null) {
            throw new IllegalArgumentException("rating must not be null");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jpa.txExpr(Required, em -> rateOnce(em, videoId, accountId, rating));
            } catch (Raced | DuplicateException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("rating of video " + videoId + " kept changing concurrently");
                }
            }
        }
    }

    private static Rating rateOnce(EntityManager em, long videoId, long accountId, Rating rating) {
        // queue the raters of one video on its row first; see CommentStoreImpl.moveCounters
        CommentStoreImpl.moveCounters(em, videoId, "likes = likes");
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null) {
            throw new NotFoundException("account " + accountId);
        }
        VideoRateEntity row = find(em, videoId, accountId);
        Rating before = row == null ? Rating.NONE : Rating.byLabel(row.getType()).orElse(Rating.NONE);
        if (before == rating) {
            return before;
        }
        Date now = new Date();
        if (row == null) {
            row = new VideoRateEntity();
            row.setAccount(account);
            row.setVideo(em.find(VideoEntity.class, videoId));
            row.setType(rating.label());
            row.setUrl(url(account, rating, videoId));
            row.setCreatedAt(now);
            row.setUpdatedAt(now);
            em.persist(row);
            Sql.flush(em, "rating of video " + videoId + " by account " + accountId);
        } else {
            String sql = rating == Rating.NONE ? "DELETE FROM account_video_rate WHERE id = ? AND rate_type = ?"
                    : "UPDATE account_video_rate SET rate_type = ?, url = ?, updated_at = ? WHERE id = ? AND rate_type = ?";
            var q = em.createNativeQuery(sql);
            int p = 1;
            if (rating != Rating.NONE) {
                q.setParameter(p++, rating.label()).setParameter(p++, url(account, rating, videoId))
                        .setParameter(p++, new java.sql.Timestamp(now.getTime()));
            }
            q.setParameter(p++, row.getId()).setParameter(p, before.label());
            if (q.executeUpdate() == 0) {
                throw new Raced();
            }
        }
        CommentStoreImpl.moveCounters(em, videoId, "likes = likes + (" + delta(Rating.LIKE, before, rating)
                + "), dislikes = dislikes + (" + delta(Rating.DISLIKE, before, rating) + ")");
        return before;
    }

    private static String url(AccountEntity account, Rating rating, long videoId) {
        return account.getActor().getUrl() + "/" + rating.label() + "s/" + videoId;
    }

    private static long delta(Rating counted, Rating before, Rating after) {
        return (after == counted ? 1 : 0) - (before == counted ? 1 : 0);
    }

    @Override
    public Rating ratingOf(long videoId, long accountId) {
        return jpa.txExpr(Required, em -> {
            VideoRateEntity row = find(em, videoId, accountId);
            return row == null ? Rating.NONE : Rating.byLabel(row.getType()).orElse(Rating.NONE);
        });
    }

    private static VideoRateEntity find(EntityManager em, long videoId, long accountId) {
        List<VideoRateEntity> rows = em.createQuery("SELECT r FROM VideoRateEntity r "
                        + "WHERE r.video.id = :v AND r.account.id = :a", VideoRateEntity.class)
                .setParameter("v", videoId).setParameter("a", accountId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void addView(long videoId) {
        jpa.tx(Required, em -> {
            CommentStoreImpl.moveCounters(em, videoId, "views = views + 1");   // also locks the video's row
            StatsStoreImpl.add(em, videoId, java.time.LocalDate.now(java.time.ZoneOffset.UTC), 1, 0, 0);
        });
    }
}
