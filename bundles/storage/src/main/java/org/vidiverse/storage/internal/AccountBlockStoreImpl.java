package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.store.AccountBlockStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountBlockEntity;
import org.vidiverse.storage.internal.entity.AccountEntity;

/**
 * Block lists of accounts, local or remote. A block write-locks both accounts' rows for its transaction, and the
 * unique pair of accounts backs that up: a second block of one account is a {@link DuplicateException} even when
 * two requests race. {@link #isBlocked} is one lookup on that pair's index.
 * The rows naming an account go when its user is deleted ({@link UserRemoval}).
 */
@Component(service = AccountBlockStore.class)
public final class AccountBlockStoreImpl implements AccountBlockStore {
    private final JpaTemplate jpa;
    private final Mapper mapper;
    private final VideoChanges changes;

    @Activate
    public AccountBlockStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                                 @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                                 @Reference VideoChanges changes) {
        this.jpa = jpa;
        this.mapper = new Mapper(identity);
        this.changes = changes;
    }

    @Override
    public AccountBlock block(long byAccountId, long targetAccountId) {
        return block(byAccountId, targetAccountId, null);
    }

    @Override
    public AccountBlock block(long byAccountId, long targetAccountId, String reason) {
        if (byAccountId == targetAccountId) {
            throw new IllegalArgumentException("an account cannot block itself");
        }
        String what = "block of account " + targetAccountId + " by account " + byAccountId;
        AccountBlock block = jpa.txExpr(Required, em -> {
            // both accounts write-locked, lower id first: blocks of one pair queue here rather than racing to the
            // unique pair (where Derby times out instead of waiting), and two accounts blocking each other at once
            // cannot wait on each other in a cycle (each insert's foreign key checks read both account rows)
            AccountEntity first = lockedAccount(em, Math.min(byAccountId, targetAccountId));
            AccountEntity second = lockedAccount(em, Math.max(byAccountId, targetAccountId));
            AccountEntity by = byAccountId < targetAccountId ? first : second;
            AccountEntity target = byAccountId < targetAccountId ? second : first;
            if (blocked(em, byAccountId, targetAccountId)) {
                throw new DuplicateException(what + " already exists");
            }
            AccountBlockEntity b = new AccountBlockEntity();
            b.setByAccount(by);
            b.setTarget(target);
            b.setCreatedAt(new Date());
            b.setReason(reason == null || reason.isBlank() ? null : reason.trim());
            em.persist(b);
            Sql.flush(em, what);   // the unique pair refuses a second row should a writer skip the locks
            return mapper.accountBlock(b);
        });
        changes.changed();   // listings hide blocked accounts' videos: none may be served from before
        return block;
    }

    /**
     * Plain SQL: OpenJPA turns a JPQL bulk delete into {@code WHERE id IN (SELECT ...)}, which racing Derby
     * transactions can trip over. Of two racing unblocks of one pair, one returns {@code true}.
     */
    @Override
    public boolean unblock(long byAccountId, long targetAccountId) {
        boolean removed = jpa.txExpr(Required, em -> {
            boolean deleted = em.createNativeQuery("DELETE FROM account_block "
                            + "WHERE by_account_id = ? AND target_account_id = ?")
                    .setParameter(1, byAccountId).setParameter(2, targetAccountId).executeUpdate() > 0;
            if (deleted && isInstanceAccount(em, byAccountId)) {
                // a moderator's unblock overrides the moderation feeds that listed the account
                FeedBlocks.recordOverride(em, Kind.ACCOUNT, null, targetAccountId);
            }
            return deleted;
        });
        if (removed) {
            changes.changed();   // listings hide blocked accounts' videos
        }
        return removed;
    }

    private static boolean isInstanceAccount(EntityManager em, long accountId) {
        return !em.createNativeQuery("SELECT id FROM actor WHERE id = ? AND server_id IS NULL AND handle_key = ?")
                .setParameter(1, accountId)
                .setParameter(2, LocalActors.localHandleKey(ActorStore.INSTANCE_ACTOR_NAME))
                .getResultList().isEmpty();
    }

    @Override
    public boolean isBlocked(long byAccountId, long targetAccountId) {
        return jpa.txExpr(Required, em -> blocked(em, byAccountId, targetAccountId));
    }

    /** An unknown account's list is empty. */
    @Override
    public Page<AccountBlock> blockedBy(long byAccountId, PageRequest page) {
        return jpa.txExpr(Required, em -> {
            long total = em.createQuery("SELECT COUNT(b) FROM AccountBlockEntity b WHERE b.byAccount.id = :by",
                    Long.class).setParameter("by", byAccountId).getSingleResult();
            List<AccountBlock> data = total == 0 || page.count() == 0 ? List.of() : em.createQuery(
                            "SELECT b FROM AccountBlockEntity b WHERE b.byAccount.id = :by "
                                    + "ORDER BY b.createdAt DESC, b.id DESC", AccountBlockEntity.class)
                    .setParameter("by", byAccountId).setFirstResult(page.start()).setMaxResults(page.count())
                    .getResultList().stream().map(mapper::accountBlock).toList();
            return new Page<>(total, data);
        });
    }

    private static boolean blocked(EntityManager em, long byAccountId, long targetAccountId) {
        return !em.createQuery("SELECT b.id FROM AccountBlockEntity b "
                        + "WHERE b.byAccount.id = :by AND b.target.id = :target", Long.class)
                .setParameter("by", byAccountId).setParameter("target", targetAccountId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private static AccountEntity lockedAccount(EntityManager em, long id) {
        AccountEntity account = em.find(AccountEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFoundException("account " + id);
        }
        return account;
    }
}
