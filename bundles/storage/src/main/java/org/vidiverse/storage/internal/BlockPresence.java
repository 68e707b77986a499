package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.aries.jpa.template.JpaTemplate;
import org.vidiverse.api.model.ActorType;

/**
 * Whether any block exists that a listing must apply, so that listings pay for the block conditions (joins of every
 * candidate video to its channel) only when a block could remove something. Block writes count as video changes
 * ({@link VideoChanges}), so an answer is kept until the next one; several nodes sharing a database see another
 * node's new block after at most {@link #MAX_AGE_NANOS}.
 */
final class BlockPresence {
    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    /** What a listing must hide for one viewer. */
    record Blocks(boolean instanceAccounts, boolean instanceServers, boolean viewerAccounts, boolean viewerServers) {
        static final Blocks ALL = new Blocks(true, true, true, true);
    }

    private record Known(long generation, long atNanos, boolean accounts, boolean servers) {
    }

    private final JpaTemplate jpa;
    private final VideoChanges changes;
    private volatile Known instance;
    private final Map<Long, Known> viewers = new ConcurrentHashMap<>();

    BlockPresence(JpaTemplate jpa, VideoChanges changes) {
        this.jpa = jpa;
        this.changes = changes;
    }

    /** @param viewerAccountId the viewer's account, or {@code 0} for an anonymous viewer */
    Blocks of(long viewerAccountId) {
        Known byInstance = fresh(instance) ? instance : (instance = instanceBlocks());
        if (viewerAccountId == 0) {
            return new Blocks(byInstance.accounts(), byInstance.servers(), false, false);
        }
        Known byViewer = viewers.get(viewerAccountId);
        if (!fresh(byViewer)) {
            if (viewers.size() > 10_000) {
                viewers.clear();
            }
            byViewer = viewerBlocks(viewerAccountId);
            viewers.put(viewerAccountId, byViewer);
        }
        return new Blocks(byInstance.accounts(), byInstance.servers(), byViewer.accounts(), byViewer.servers());
    }

    private boolean fresh(Known known) {
        return known != null && known.generation() == changes.generation()
                && System.nanoTime() - known.atNanos() < MAX_AGE_NANOS;
    }

    private Known instanceBlocks() {
        long generation = changes.generation();
        return jpa.txExpr(Required, em -> new Known(generation, System.nanoTime(),
                !em.createQuery("SELECT b.id FROM AccountBlockEntity b WHERE b.byAccount.actor.type = :app "
                        + "AND b.byAccount.actor.server IS NULL", Long.class).setParameter("app", ActorType.APPLICATION)
                        .setMaxResults(1).getResultList().isEmpty(),
                !em.createQuery("SELECT s.id FROM ServerEntity s WHERE s.blocked = true", Long.class)
                        .setMaxResults(1).getResultList().isEmpty()));
    }

    private Known viewerBlocks(long viewerAccountId) {
        long generation = changes.generation();
        return jpa.txExpr(Required, em -> new Known(generation, System.nanoTime(),
                !em.createQuery("SELECT b.id FROM AccountBlockEntity b WHERE b.byAccount.id = :v", Long.class)
                        .setParameter("v", viewerAccountId).setMaxResults(1).getResultList().isEmpty(),
                !em.createQuery("SELECT b.id FROM ServerBlockEntity b WHERE b.byAccount.id = :v", Long.class)
                        .setParameter("v", viewerAccountId).setMaxResults(1).getResultList().isEmpty()));
    }
}
