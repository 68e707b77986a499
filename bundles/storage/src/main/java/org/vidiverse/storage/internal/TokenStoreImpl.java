package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.TokenStore;
import org.vidiverse.storage.internal.entity.OAuthClientEntity;
import org.vidiverse.storage.internal.entity.OAuthTokenEntity;

/** OAuth clients and hashed tokens. */
@Component(service = TokenStore.class)
public final class TokenStoreImpl implements TokenStore {
    private final JpaTemplate jpa;

    @Activate
    public TokenStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                          @Reference SchemaMigrator schema) {
        this.jpa = jpa;
    }

    @Override
    public Optional<String> clientSecret(String clientId) {
        return jpa.txExpr(Required, em -> em.createQuery(
                        "SELECT c FROM OAuthClientEntity c WHERE c.clientId = :id", OAuthClientEntity.class)
                .setParameter("id", clientId).getResultList().stream().findFirst()
                .map(OAuthClientEntity::getClientSecret));
    }

    @Override
    public Client ensureLocalClient(Client candidate) {
        try {
            return jpa.txExpr(Required, em -> first(em).orElseGet(() -> {
                OAuthClientEntity c = new OAuthClientEntity();
                c.setClientId(candidate.clientId());
                c.setClientSecret(candidate.clientSecret());
                c.setCreatedAt(new Date());
                em.persist(c);
                Sql.flush(em, "oauth client");
                return candidate;
            }));
        } catch (DuplicateException raced) {
            return jpa.txExpr(Required, em -> first(em).orElseThrow(() -> raced));
        }
    }

    private static Optional<Client> first(EntityManager em) {
        return em.createQuery("SELECT c FROM OAuthClientEntity c ORDER BY c.id", OAuthClientEntity.class)
                .setMaxResults(1).getResultList().stream().findFirst()
                .map(c -> new Client(c.getClientId(), c.getClientSecret()));
    }

    @Override
    public void saveToken(long userId, String clientId, String accessHash, Instant accessExpiresAt,
                          String refreshHash, Instant refreshExpiresAt) {
        jpa.tx(Required, em -> {
            OAuthTokenEntity t = new OAuthTokenEntity();
            t.setUserId(userId);
            t.setClientId(clientId);
            t.setAccessHash(accessHash);
            t.setAccessExpiresAt(Date.from(accessExpiresAt));
            t.setRefreshHash(refreshHash);
            t.setRefreshExpiresAt(Date.from(refreshExpiresAt));
            t.setCreatedAt(new Date());
            em.persist(t);
            Sql.flush(em, "token");
        });
    }

    @Override
    public Optional<StoredToken> findByAccessHash(String accessHash) {
        return findBy("accessHash", accessHash);
    }

    @Override
    public Optional<StoredToken> findByRefreshHash(String refreshHash) {
        return findBy("refreshHash", refreshHash);
    }

    private Optional<StoredToken> findBy(String field, String hash) {
        return jpa.txExpr(Required, em -> em.createQuery(
                        "SELECT t FROM OAuthTokenEntity t WHERE t." + field + " = :h", OAuthTokenEntity.class)
                .setParameter("h", hash).getResultList().stream().findFirst()
                .map(t -> new StoredToken(t.getId(), t.getUserId(), t.getClientId(),
                        t.getAccessExpiresAt().toInstant(), t.getRefreshExpiresAt().toInstant())));
    }

    @Override
    public boolean delete(long tokenId) {
        return jpa.txExpr(Required, em -> em.createQuery("DELETE FROM OAuthTokenEntity t WHERE t.id = :id")
                .setParameter("id", tokenId).executeUpdate() == 1);
    }

    @Override
    public int deleteAllOf(long userId) {
        return jpa.txExpr(Required, em -> em.createQuery("DELETE FROM OAuthTokenEntity t WHERE t.userId = :u")
                .setParameter("u", userId).executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now) {
        return jpa.txExpr(Required, em -> em.createQuery(
                        "DELETE FROM OAuthTokenEntity t WHERE t.refreshExpiresAt < :now")
                .setParameter("now", Date.from(now)).executeUpdate());
    }
}
