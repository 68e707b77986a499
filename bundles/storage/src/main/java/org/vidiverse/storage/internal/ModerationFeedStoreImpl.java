package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;
import static org.vidiverse.storage.internal.Dates.toInstant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.ModerationFeed;
import org.vidiverse.api.model.ModerationFeed.Trust;
import org.vidiverse.api.model.ModerationFeedEntry;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedEntry.State;
import org.vidiverse.api.model.ModerationFeedItem;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.ModerationFeedStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.FeedDiff.Action;
import org.vidiverse.storage.internal.FeedDiff.Key;
import org.vidiverse.storage.internal.entity.ModerationFeedEntity;
import org.vidiverse.storage.internal.entity.ModerationFeedEntryEntity;

/** Subscribed moderation feeds, their entries and the blocks they make: see {@link ModerationFeedStore}. */
@Component(service = ModerationFeedStore.class)
public final class ModerationFeedStoreImpl implements ModerationFeedStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationFeedStoreImpl.class);
    private static final int MAX_ERROR = 2000;
    private static final int MAX_TEXT = 1000;

    private final JpaTemplate jpa;
    private final ActorStore actors;
    private final VideoChanges changes;
    private final String ownHost;

    @Activate
    public ModerationFeedStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                                   @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                                   @Reference ActorStore actors, @Reference VideoChanges changes) {
        this.jpa = jpa;
        this.actors = actors;
        this.changes = changes;
        this.ownHost = identity.host().toLowerCase(Locale.ROOT);
    }

    @Override
    public ModerationFeed subscribe(String url, String host, Trust trust) {
        return jpa.txExpr(Required, em -> {
            ModerationFeedEntity feed = new ModerationFeedEntity();
            feed.setUrl(url);
            feed.setHost(host.toLowerCase(Locale.ROOT));
            feed.setTrust(trust.name());
            feed.setCreatedAt(new Date());
            em.persist(feed);
            Sql.flush(em, "subscription to " + url);
            return feed(feed);
        });
    }

    @Override
    public List<ModerationFeed> list() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT f FROM ModerationFeedEntity f ORDER BY f.id",
                ModerationFeedEntity.class).getResultList().stream().map(ModerationFeedStoreImpl::feed).toList());
    }

    @Override
    public Optional<ModerationFeed> find(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(ModerationFeedEntity.class, id))
                .map(ModerationFeedStoreImpl::feed));
    }

    @Override
    public ModerationFeed setTrust(long id, Trust trust) {
        return jpa.txExpr(Required, em -> {
            ModerationFeedEntity feed = lockedFeed(em, id);
            feed.setTrust(trust.name());
            return feed(feed);
        });
    }

    @Override
    public boolean unsubscribe(long id) {
        long by = instanceAccountId();
        return jpa.txExpr(Required, em -> {
            ModerationFeedEntity feed = em.find(ModerationFeedEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (feed == null) {
                return false;
            }
            for (ModerationFeedEntryEntity entry : entriesOf(em, id)) {
                if (State.valueOf(entry.getState()) == State.APPLIED) {
                    unblock(em, by, entry);
                }
                em.remove(entry);
            }
            em.remove(feed);
            LOG.info("Unsubscribed from the moderation feed {}", feed.getUrl());
            return true;
        }) && blocksChanged();
    }

    @Override
    public Optional<ModerationFeed> claimDue(Instant now, Duration interval) {
        Date cutoff = Date.from(now.minus(interval));
        List<ModerationFeedEntity> due = jpa.txExpr(Required, em -> em.createQuery(
                        "SELECT f FROM ModerationFeedEntity f WHERE f.lastSyncAt IS NULL OR f.lastSyncAt <= :cutoff "
                                + "ORDER BY f.id", ModerationFeedEntity.class)
                .setParameter("cutoff", cutoff).getResultList());
        for (ModerationFeedEntity candidate : due) {
            boolean claimed = jpa.txExpr(Required, em -> em.createNativeQuery("UPDATE moderation_feed "
                            + "SET last_sync_at = ?, sync_round = sync_round + 1 WHERE id = ? AND sync_round = ?")
                    .setParameter(1, Date.from(now)).setParameter(2, candidate.getId())
                    .setParameter(3, candidate.getSyncRound()).executeUpdate() == 1);
            if (claimed) {
                return find(candidate.getId());
            }
        }
        return Optional.empty();
    }

    @Override
    public SyncResult applySync(long feedId, Instant published, List<ModerationFeedItem> items, String problems) {
        SyncResult result = applyDiff(feedId, published, items, problems);
        if (result.applied() + result.removed() > 0) {
            blocksChanged();
        }
        return result;
    }

    private SyncResult applyDiff(long feedId, Instant published, List<ModerationFeedItem> items, String problems) {
        long by = instanceAccountId();
        Map<Key, ModerationFeedItem> listed = new LinkedHashMap<>();
        for (ModerationFeedItem item : items) {
            if (!isOwn(item)) {
                listed.putIfAbsent(new Key(item.kind(), item.target()), item);
            }
        }
        return jpa.txExpr(Required, em -> {
            ModerationFeedEntity feed = lockedFeed(em, feedId);
            if (feed.getPublishedAt() != null && published.isBefore(feed.getPublishedAt().toInstant())) {
                throw new IllegalArgumentException("the feed was published at " + published
                        + ", before the one applied last (" + feed.getPublishedAt().toInstant() + ")");
            }
            Map<Key, ModerationFeedEntryEntity> existing = new HashMap<>();
            Map<Key, State> states = new HashMap<>();
            for (ModerationFeedEntryEntity entry : entriesOf(em, feedId)) {
                Key key = new Key(Kind.valueOf(entry.getKind()), entry.getTarget());
                existing.put(key, entry);
                states.put(key, State.valueOf(entry.getState()));
            }
            int applied = 0;
            int proposed = 0;
            int removed = 0;
            int pending = 0;
            Date now = new Date();
            for (Map.Entry<Key, Action> step : FeedDiff.plan(states, listed.keySet(), Trust.valueOf(feed.getTrust()))
                    .entrySet()) {
                ModerationFeedItem item = listed.get(step.getKey());
                ModerationFeedEntryEntity entry = existing.get(step.getKey());
                if (item != null) {
                    entry = described(em, entry, feedId, item, now);
                }
                switch (step.getValue()) {
                    case APPLY -> {
                        if (apply(em, by, entry, now)) {
                            applied++;
                        } else {
                            pending++;
                        }
                    }
                    case PROPOSE -> {
                        entry.setState(State.PROPOSED.name());
                        proposed++;
                    }
                    case KEEP -> {
                    }
                    case DROP -> {
                        em.remove(entry);
                        removed++;
                    }
                    case DROP_AND_UNBLOCK -> {
                        unblock(em, by, entry);
                        em.remove(entry);
                        removed++;
                    }
                }
            }
            feed.setLastSyncAt(now);
            feed.setLastSuccessAt(now);
            feed.setLastError(truncate(problems, MAX_ERROR));
            feed.setPublishedAt(Date.from(published));
            Sql.flush(em, "entries of " + feed.getUrl());
            return new SyncResult(applied, proposed, removed, pending);
        });
    }

    @Override
    public void recordFailure(long feedId, String error) {
        jpa.tx(Required, em -> {
            ModerationFeedEntity feed = lockedFeed(em, feedId);
            feed.setLastSyncAt(new Date());
            feed.setLastError(truncate(error == null ? "failed" : error, MAX_ERROR));
        });
    }

    @Override
    public Page<ModerationFeedEntry> entries(Long feedId, State state, PageRequest page) {
        String where = " WHERE 1 = 1" + (feedId == null ? "" : " AND e.feedId = :feed")
                + (state == null ? "" : " AND e.state = :state");
        return jpa.txExpr(Required, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM ModerationFeedEntryEntity e" + where,
                    Long.class);
            TypedQuery<ModerationFeedEntryEntity> select = em.createQuery("SELECT e FROM ModerationFeedEntryEntity e"
                    + where + " ORDER BY e.createdAt DESC, e.id DESC", ModerationFeedEntryEntity.class);
            if (feedId != null) {
                count.setParameter("feed", feedId);
                select.setParameter("feed", feedId);
            }
            if (state != null) {
                count.setParameter("state", state.name());
                select.setParameter("state", state.name());
            }
            long total = count.getSingleResult();
            List<ModerationFeedEntry> data = total == 0 || page.count() == 0 ? List.of()
                    : select.setFirstResult(page.start()).setMaxResults(page.count()).getResultList().stream()
                    .map(ModerationFeedStoreImpl::entry).toList();
            return new Page<>(total, data);
        });
    }

    @Override
    public Optional<ModerationFeedEntry> findEntry(long entryId) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(ModerationFeedEntryEntity.class, entryId))
                .map(ModerationFeedStoreImpl::entry));
    }

    @Override
    public ModerationFeedEntry accept(long entryId) {
        long by = instanceAccountId();
        ModerationFeedEntry accepted = jpa.txExpr(Required, em -> {
            ModerationFeedEntryEntity entry = lockedEntry(em, entryId);
            if (State.valueOf(entry.getState()) != State.APPLIED && !apply(em, by, entry, new Date())) {
                throw new IllegalStateException("cannot block " + entry.getTarget() + ": " + entry.getError());
            }
            return entry(entry);
        });
        blocksChanged();
        return accepted;
    }

    @Override
    public ModerationFeedEntry reject(long entryId) {
        long by = instanceAccountId();
        ModerationFeedEntry rejected = jpa.txExpr(Required, em -> {
            ModerationFeedEntryEntity entry = lockedEntry(em, entryId);
            if (State.valueOf(entry.getState()) == State.APPLIED) {
                unblock(em, by, entry);
            }
            entry.setState(State.OVERRIDDEN.name());
            entry.setError(null);
            entry.setUpdatedAt(new Date());
            return entry(entry);
        });
        blocksChanged();
        return rejected;
    }

    /** Blocks the entry's target with the feed as source; returns false (and marks it pending) when impossible. */
    private static boolean apply(EntityManager em, long by, ModerationFeedEntryEntity entry, Date now) {
        entry.setUpdatedAt(now);
        if (Kind.valueOf(entry.getKind()) == Kind.SERVER) {
            FeedBlocks.blockServer(em, entry.getTarget(), entry.getReason(), entry.getFeedId());
        } else if (entry.getAccountId() == null || entry.getAccountId() == by) {
            entry.setState(State.PENDING.name());
            entry.setError(entry.getAccountId() == null ? "account not found here" : "the instance's own account");
            return false;
        } else {
            FeedBlocks.blockAccount(em, by, entry.getAccountId(), entry.getReason(), entry.getFeedId());
        }
        entry.setState(State.APPLIED.name());
        entry.setError(null);
        return true;
    }

    private static void unblock(EntityManager em, long by, ModerationFeedEntryEntity entry) {
        if (Kind.valueOf(entry.getKind()) == Kind.SERVER) {
            FeedBlocks.unblockServer(em, entry.getTarget(), entry.getFeedId());
        } else {
            FeedBlocks.unblockAccount(em, by, entry);
        }
    }

    /** The entry with what the feed says of it now; a new one is persisted (its state set by the caller). */
    private static ModerationFeedEntryEntity described(EntityManager em, ModerationFeedEntryEntity entry, long feedId,
                                                       ModerationFeedItem item, Date now) {
        ModerationFeedEntryEntity e = entry;
        if (e == null) {
            e = new ModerationFeedEntryEntity();
            e.setFeedId(feedId);
            e.setKind(item.kind().name());
            e.setTarget(item.target());
            e.setState(State.PROPOSED.name());
            e.setCreatedAt(now);
            e.setUpdatedAt(now);
            em.persist(e);
        }
        e.setReason(truncate(item.reason(), MAX_TEXT));
        e.setTargetUrl(truncate(item.targetUrl(), MAX_TEXT));
        if (item.accountId() != null) {
            e.setAccountId(item.accountId());
        }
        return e;
    }

    private boolean isOwn(ModerationFeedItem item) {
        String host = item.kind() == Kind.SERVER ? item.target()
                : item.target().substring(item.target().lastIndexOf('@') + 1);
        return host.equalsIgnoreCase(ownHost);
    }

    /** Blocks changed (after the commit): cached listings, which leave out what blocks hide, are stale. */
    private boolean blocksChanged() {
        changes.changed();
        return true;
    }

    private long instanceAccountId() {
        return actors.instanceActor().id();
    }

    private static List<ModerationFeedEntryEntity> entriesOf(EntityManager em, long feedId) {
        return em.createQuery("SELECT e FROM ModerationFeedEntryEntity e WHERE e.feedId = :feed ORDER BY e.id",
                ModerationFeedEntryEntity.class).setParameter("feed", feedId).getResultList();
    }

    private static ModerationFeedEntity lockedFeed(EntityManager em, long id) {
        ModerationFeedEntity feed = em.find(ModerationFeedEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (feed == null) {
            throw new NotFoundException("moderation feed " + id);
        }
        return feed;
    }

    private static ModerationFeedEntryEntity lockedEntry(EntityManager em, long id) {
        ModerationFeedEntryEntity entry = em.find(ModerationFeedEntryEntity.class, id,
                LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFoundException("moderation feed entry " + id);
        }
        return entry;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static ModerationFeed feed(ModerationFeedEntity f) {
        return new ModerationFeed(f.getId(), f.getUrl(), f.getHost(), Trust.valueOf(f.getTrust()),
                toInstant(f.getCreatedAt()), toInstant(f.getLastSyncAt()), toInstant(f.getLastSuccessAt()),
                f.getLastError(), toInstant(f.getPublishedAt()));
    }

    static ModerationFeedEntry entry(ModerationFeedEntryEntity e) {
        return new ModerationFeedEntry(e.getId(), e.getFeedId(), Kind.valueOf(e.getKind()), e.getTarget(),
                e.getTargetUrl(), e.getReason(), State.valueOf(e.getState()), e.getError(),
                toInstant(e.getCreatedAt()), toInstant(e.getUpdatedAt()));
    }
}
