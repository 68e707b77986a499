package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;
import static org.vidiverse.storage.internal.Dates.toInstant;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.ServerBlock;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.ServerBlockStore;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ServerBlockEntity;

/**
 * Instances blocked by local accounts. A block write-locks the blocking account's row, so blocks of one account
 * queue and a second block of one host is a {@link DuplicateException} (the unique pair backs that up). Writes
 * count as video changes: listings that hide blocked instances must not be served from before the change.
 */
@Component(service = ServerBlockStore.class)
public final class ServerBlockStoreImpl implements ServerBlockStore {
    private final JpaTemplate jpa;
    private final VideoChanges changes;

    @Activate
    public ServerBlockStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                                @Reference VideoChanges changes, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.changes = changes;
    }

    @Override
    public ServerBlock block(long byAccountId, String host) {
        String h = host(host);
        ServerBlock block = jpa.txExpr(Required, em -> {
            AccountEntity by = em.find(AccountEntity.class, byAccountId, LockModeType.PESSIMISTIC_WRITE);
            if (by == null) {
                throw new NotFoundException("account " + byAccountId);
            }
            if (blocked(em, byAccountId, h)) {
                throw new DuplicateException("account " + byAccountId + " blocked " + h + " already");
            }
            ServerBlockEntity b = new ServerBlockEntity();
            b.setByAccount(by);
            b.setHost(h);
            b.setCreatedAt(new Date());
            em.persist(b);
            Sql.flush(em, "block of " + h + " by account " + byAccountId);
            return new ServerBlock(h, toInstant(b.getCreatedAt()));
        });
        changes.changed();
        return block;
    }

    @Override
    public boolean unblock(long byAccountId, String host) {
        boolean removed = jpa.txExpr(Required, em -> em.createNativeQuery("DELETE FROM account_server_block "
                        + "WHERE by_account_id = ? AND host = ?").setParameter(1, byAccountId)
                .setParameter(2, host(host)).executeUpdate() > 0);
        if (removed) {
            changes.changed();
        }
        return removed;
    }

    @Override
    public boolean isBlocked(long byAccountId, String host) {
        return jpa.txExpr(Required, em -> blocked(em, byAccountId, host(host)));
    }

    @Override
    public Page<ServerBlock> blockedBy(long byAccountId, PageRequest page) {
        return jpa.txExpr(Required, em -> {
            long total = em.createQuery("SELECT COUNT(b) FROM ServerBlockEntity b WHERE b.byAccount.id = :by",
                    Long.class).setParameter("by", byAccountId).getSingleResult();
            List<ServerBlock> data = total == 0 || page.count() == 0 ? List.of() : em.createQuery(
                            "SELECT b FROM ServerBlockEntity b WHERE b.byAccount.id = :by "
                                    + "ORDER BY b.createdAt DESC, b.id DESC", ServerBlockEntity.class)
                    .setParameter("by", byAccountId).setFirstResult(page.start()).setMaxResults(page.count())
                    .getResultList().stream().map(b -> new ServerBlock(b.getHost(), toInstant(b.getCreatedAt())))
                    .toList();
            return new Page<>(total, data);
        });
    }

    private static boolean blocked(EntityManager em, long byAccountId, String host) {
        return !em.createQuery("SELECT b.id FROM ServerBlockEntity b WHERE b.byAccount.id = :by AND b.host = :h",
                        Long.class).setParameter("by", byAccountId).setParameter("h", host).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private static String host(String host) {
        if (host == null || host.isBlank() || host.length() > 255 || !host.strip().matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
            throw new IllegalArgumentException("host must be a host name with an optional port");
        }
        return host.strip().toLowerCase(Locale.ROOT);
    }
}
