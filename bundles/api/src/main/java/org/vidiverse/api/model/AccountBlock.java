package org.vidiverse.api.model;

import java.time.Instant;

/**
 * An account blocked by another: by a user's account (their own block list) or by the instance's application
 * account (the instance's block list, which federation enforces).
 *
 * @param reason why, when given (since 1.3)
 * @param feedId the subscribed moderation feed the block came from, null for a local decision (since 1.3)
 */
public record AccountBlock(long id, ActorRef byAccount, ActorRef blockedAccount, Instant createdAt, String reason,
                           Long feedId) {

    /** A block without reason or source (the 1.2 shape). */
    public AccountBlock(long id, ActorRef byAccount, ActorRef blockedAccount, Instant createdAt) {
        this(id, byAccount, blockedAccount, createdAt, null, null);
    }
}
