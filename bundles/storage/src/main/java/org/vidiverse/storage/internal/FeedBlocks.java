package org.vidiverse.storage.internal;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedEntry.State;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountBlockEntity;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ModerationFeedEntryEntity;
import org.vidiverse.storage.internal.entity.ServerEntity;

/**
 * The instance's server and account blocks as moderation feeds change them, inside the caller's transaction. A
 * block remembers its source: a feed only removes the blocks it is the source of, and when another subscribed feed
 * still applies the target, the block passes to that feed instead of going.
 */
final class FeedBlocks {
    private FeedBlocks() {
    }

    /** Blocks the host for {@code feedId}; returns false when it was blocked already (its source stays). */
    static boolean blockServer(EntityManager em, String host, String reason, Long feedId) {
        ServerEntity server = server(em, host).orElseGet(() -> {
            ServerEntity s = new ServerEntity();
            s.setHost(host);
            s.setCreatedAt(new Date());
            em.persist(s);
            return s;
        });
        if (server.isBlocked()) {
            return false;
        }
        server.setBlocked(true);
        server.setBlockReason(reason);
        server.setBlockFeedId(feedId);
        server.setBlockedAt(new Date());
        return true;
    }

    /** Removes the host's block if {@code feedId} is its source (or passes it to another feed that applies it). */
    static void unblockServer(EntityManager em, String host, long feedId) {
        Optional<ServerEntity> found = server(em, host);
        if (found.isEmpty() || !found.get().isBlocked() || !Objects.equals(found.get().getBlockFeedId(), feedId)) {
            return;
        }
        ServerEntity server = found.get();
        Optional<ModerationFeedEntryEntity> heir = otherApplied(em, Kind.SERVER, host, feedId);
        if (heir.isPresent()) {
            server.setBlockFeedId(heir.get().getFeedId());
            server.setBlockReason(heir.get().getReason());
        } else {
            server.setBlocked(false);
            server.setBlockReason(null);
            server.setBlockFeedId(null);
            server.setBlockedAt(null);
        }
    }

    /** Blocks the account for {@code feedId}; returns false when it was blocked already (its source stays). */
    static boolean blockAccount(EntityManager em, long byAccountId, long targetAccountId, String reason,
                                Long feedId) {
        if (accountBlock(em, byAccountId, targetAccountId).isPresent()) {
            return false;
        }
        // lower id first, as every block takes the locks (see AccountBlockStoreImpl)
        AccountEntity first = locked(em, Math.min(byAccountId, targetAccountId));
        AccountEntity second = locked(em, Math.max(byAccountId, targetAccountId));
        AccountBlockEntity block = new AccountBlockEntity();
        block.setByAccount(byAccountId < targetAccountId ? first : second);
        block.setTarget(byAccountId < targetAccountId ? second : first);
        block.setCreatedAt(new Date());
        block.setReason(reason);
        block.setFeedId(feedId);
        em.persist(block);
        Sql.flush(em, "block of account " + targetAccountId);
        return true;
    }

    static void unblockAccount(EntityManager em, long byAccountId, ModerationFeedEntryEntity entry) {
        if (entry.getAccountId() == null) {
            return;
        }
        Optional<AccountBlockEntity> found = accountBlock(em, byAccountId, entry.getAccountId());
        if (found.isEmpty() || !Objects.equals(found.get().getFeedId(), entry.getFeedId())) {
            return;
        }
        Optional<ModerationFeedEntryEntity> heir = otherApplied(em, Kind.ACCOUNT, entry.getTarget(),
                entry.getFeedId());
        if (heir.isPresent()) {
            found.get().setFeedId(heir.get().getFeedId());
            found.get().setReason(heir.get().getReason());
        } else {
            em.remove(found.get());
        }
    }

    /**
     * A moderator removed a block of the instance: every applied entry of that target becomes an override, so that
     * no sync blocks it again. Plain SQL, so that it also runs beside the stores' own native statements.
     */
    static int recordOverride(EntityManager em, Kind kind, String target, Long accountId) {
        String where = kind == Kind.SERVER ? "target = ?" : "account_id = ?";
        return em.createNativeQuery("UPDATE moderation_feed_entry SET state = ?, updated_at = ? "
                        + "WHERE kind = ? AND state = ? AND " + where)
                .setParameter(1, State.OVERRIDDEN.name()).setParameter(2, new Date())
                .setParameter(3, kind.name()).setParameter(4, State.APPLIED.name())
                .setParameter(5, kind == Kind.SERVER ? target : accountId).executeUpdate();
    }

    static Optional<ServerEntity> server(EntityManager em, String host) {
        return em.createQuery("SELECT s FROM ServerEntity s WHERE s.host = :h", ServerEntity.class)
                .setParameter("h", host).getResultList().stream().findFirst();
    }

    private static Optional<AccountBlockEntity> accountBlock(EntityManager em, long by, long target) {
        return em.createQuery("SELECT b FROM AccountBlockEntity b WHERE b.byAccount.id = :by AND b.target.id = :t",
                        AccountBlockEntity.class).setParameter("by", by).setParameter("t", target)
                .getResultList().stream().findFirst();
    }

    private static Optional<ModerationFeedEntryEntity> otherApplied(EntityManager em, Kind kind, String target,
                                                                    long feedId) {
        List<ModerationFeedEntryEntity> others = em.createQuery("SELECT e FROM ModerationFeedEntryEntity e "
                        + "WHERE e.kind = :kind AND e.target = :target AND e.state = :state AND e.feedId <> :feed "
                        + "ORDER BY e.id", ModerationFeedEntryEntity.class)
                .setParameter("kind", kind.name()).setParameter("target", target)
                .setParameter("state", State.APPLIED.name()).setParameter("feed", feedId).getResultList();
        return others.stream().findFirst();
    }

    private static AccountEntity locked(EntityManager em, long id) {
        AccountEntity account = em.find(AccountEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFoundException("account " + id);
        }
        return account;
    }
}
