package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.store.FeedTokenStore;
import org.vidiverse.api.store.NotFoundException;

/** Feed tokens in {@code user_feed_token}: 32 random bytes, URL-safe; writes hold the user's row lock. */
@Component(service = FeedTokenStore.class)
public final class FeedTokenStoreImpl implements FeedTokenStore {
    private static final String TABLE = FeedTokenSchema.TABLE;
    private final SecureRandom random = new SecureRandom();
    private final JpaTemplate jpa;

    @Activate
    public FeedTokenStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                              @Reference SchemaMigrator schema) {
        this.jpa = jpa;
    }

    @Override
    public String feedToken(long userId) {
        return jpa.txExpr(Required, em -> {
            lockUser(em, userId);
            return stored(em, userId).orElseGet(() -> insert(em, userId));
        });
    }

    @Override
    public String renew(long userId) {
        return jpa.txExpr(Required, em -> {
            lockUser(em, userId);
            em.createNativeQuery("DELETE FROM " + TABLE + " WHERE user_id = ?").setParameter(1, userId)
                    .executeUpdate();
            return insert(em, userId);
        });
    }

    @Override
    public Optional<Long> userOf(String feedToken) {
        if (feedToken == null || feedToken.isEmpty() || feedToken.length() > 64) {
            return Optional.empty();
        }
        return jpa.txExpr(Required, em -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("SELECT user_id FROM " + TABLE + " WHERE token = ?")
                    .setParameter(1, feedToken).getResultList();
            return rows.stream().findFirst().map(id -> ((Number) id).longValue());
        });
    }

    /** Serialises the writes of one user's token (a failed insert would abort a PostgreSQL transaction). */
    private static void lockUser(EntityManager em, long userId) {
        int rows = em.createNativeQuery("UPDATE users SET role = role WHERE id = ?").setParameter(1, userId)
                .executeUpdate();
        if (rows == 0) {
            throw new NotFoundException("user " + userId);
        }
    }

    private static Optional<String> stored(EntityManager em, long userId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT token FROM " + TABLE + " WHERE user_id = ?")
                .setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    private String insert(EntityManager em, long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO " + TABLE + " (user_id, token, created_at) VALUES (?, ?, ?)")
                .setParameter(1, userId).setParameter(2, token)
                .setParameter(3, new Timestamp(System.currentTimeMillis())).executeUpdate();
        return token;
    }
}
