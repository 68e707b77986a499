package org.vidiverse.api.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.ModerationFeed;
import org.vidiverse.api.model.ModerationFeedEntry;
import org.vidiverse.api.model.ModerationFeedItem;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/**
 * The moderation feeds this instance subscribes to, what it made of their entries, and the blocks they applied.
 * Every change of blocks here happens in one transaction with the entries it concerns: a sync, an acceptance or a
 * removal is applied whole or not at all.
 *
 * <p>Rules: a feed's entry becomes a block ({@code APPLIED}) at once under {@code APPLY} trust, or a proposal under
 * {@code PROPOSE}; a block it applies carries the feed as its source, and a target blocked here before keeps its
 * own source. An entry the feed no longer lists is dropped, and its block removed only when this feed is the
 * block's source (it passes to another subscribed feed that still applies it). A moderator's unblock or rejection
 * is an override ({@code OVERRIDDEN}) that no sync undoes, kept while the subscription lasts.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface ModerationFeedStore {

    /** What a sync changed. */
    record SyncResult(int applied, int proposed, int removed, int pending) {
    }

    /**
     * Subscribes to the feed at {@code url}, published by {@code host}.
     *
     * @throws DuplicateException if this instance subscribes to that URL already
     */
    ModerationFeed subscribe(String url, String host, ModerationFeed.Trust trust);

    List<ModerationFeed> list();

    Optional<ModerationFeed> find(long id);

    /**
     * Changes the trust; entries waiting as proposals are applied by the next sync when it becomes {@code APPLY}.
     *
     * @throws NotFoundException if there is no such subscription
     */
    ModerationFeed setTrust(long id, ModerationFeed.Trust trust);

    /**
     * Removes the subscription with its entries, and the blocks it is the source of (overridden entries have none);
     * returns whether there was one.
     */
    boolean unsubscribe(long id);

    /**
     * Claims one subscription due for a sync (never attempted, or last attempted {@code interval} ago or more) and
     * records the attempt at {@code now}: of several nodes sharing the database, one claims it.
     */
    Optional<ModerationFeed> claimDue(Instant now, Duration interval);

    /**
     * Applies a verified feed: the diff of {@code items} against the subscription's entries, in one transaction,
     * and records the sync as successful with {@code problems} (the entries the sync ignored, or null) as its error.
     *
     * @param published the feed's {@code published} marker
     * @throws NotFoundException if the subscription is gone
     * @throws IllegalArgumentException if {@code published} is older than the marker last applied (a replay)
     */
    SyncResult applySync(long feedId, Instant published, List<ModerationFeedItem> items, String problems);

    /** Records a sync that failed (unreachable, bad signature, malformed): nothing else changes. */
    void recordFailure(long feedId, String error);

    /** Entries, newest first, of one subscription or all ({@code feedId} null), in one state or all. */
    Page<ModerationFeedEntry> entries(Long feedId, ModerationFeedEntry.State state, PageRequest page);

    Optional<ModerationFeedEntry> findEntry(long entryId);

    /**
     * A moderator accepts a proposal, or re-enables an overridden entry: it becomes a block with the feed as source.
     *
     * @throws NotFoundException if there is no such entry
     * @throws IllegalStateException if the entry is an account this instance does not know
     */
    ModerationFeedEntry accept(long entryId);

    /**
     * A moderator rejects a proposal, or overrides an applied entry (its block goes when the feed is its source):
     * no sync proposes or applies it again.
     *
     * @throws NotFoundException if there is no such entry
     */
    ModerationFeedEntry reject(long entryId);
}
