package org.vidiverse.api.model;

import java.time.Instant;

/**
 * What this instance made of one entry of a subscribed moderation feed.
 *
 * @param target    a host for {@link Kind#SERVER}, a handle {@code name@host} for {@link Kind#ACCOUNT}
 * @param targetUrl the account's ActivityPub id, when the feed gave it
 * @param reason    the publisher's reason, when it gave one
 * @param error     why the entry could not be applied yet ({@link State#PENDING})
 * @since 1.3
 */
public record ModerationFeedEntry(long id, long feedId, Kind kind, String target, String targetUrl, String reason,
                                  State state, String error, Instant createdAt, Instant updatedAt) {

    public enum Kind {
        SERVER, ACCOUNT
    }

    public enum State {
        /** Waiting for a moderator (the feed's trust is PROPOSE). */
        PROPOSED,
        /** Blocked here, by this feed or already before it. */
        APPLIED,
        /** To be applied, but not possible yet (an account this instance cannot find); retried at each sync. */
        PENDING,
        /** A moderator unblocked it or rejected the proposal: no sync blocks or proposes it again. */
        OVERRIDDEN
    }
}
