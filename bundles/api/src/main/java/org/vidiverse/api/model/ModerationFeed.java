package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A subscription of this instance to another instance's moderation feed (its published, signed list of blocked
 * servers and accounts).
 *
 * @param url           where the feed is fetched
 * @param host          the publishing instance: the feed must be signed by that host's instance actor
 * @param trust         what a sync does with new entries
 * @param lastSyncAt    the last sync attempt, successful or not; null before the first
 * @param lastSuccessAt the last sync whose feed was verified and applied
 * @param lastError     why the last sync failed, or which entries it ignored; null when all went well
 * @param publishedAt   the {@code published} marker of the last feed applied: older feeds are refused as replays
 * @since 1.3
 */
public record ModerationFeed(long id, String url, String host, Trust trust, Instant createdAt, Instant lastSyncAt,
                             Instant lastSuccessAt, String lastError, Instant publishedAt) {

    /** How far this instance trusts a feed. */
    public enum Trust {
        /** New entries become blocks at once. */
        APPLY,
        /** New entries wait as proposals until a moderator accepts or rejects them. */
        PROPOSE
    }
}
