package org.vidiverse.api.model;

import java.time.Instant;

/**
 * Another instance this one knows of, and whether it is blocked.
 *
 * @param blockReason  why it is blocked, when a moderator or a moderation feed said so (since 1.3)
 * @param blockFeedId  the subscribed moderation feed the block came from, null for a local decision (since 1.3)
 * @param blockedAt    when it was blocked, null when not blocked or blocked before 1.3 (since 1.3)
 */
public record RemoteInstance(long id, String host, boolean blocked, boolean redundancyAllowed, Instant createdAt,
                             String blockReason, Long blockFeedId, Instant blockedAt) {

    /** An instance without block details (the 1.2 shape). */
    public RemoteInstance(long id, String host, boolean blocked, boolean redundancyAllowed, Instant createdAt) {
        this(id, host, blocked, redundancyAllowed, createdAt, null, null, null);
    }
}
