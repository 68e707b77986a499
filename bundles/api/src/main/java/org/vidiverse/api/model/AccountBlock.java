package org.vidiverse.api.model;

import java.time.Instant;

/**
 * An account blocked by another: by a user's account (their own block list) or by the instance's application
 * account (the instance's block list, which federation enforces).
 */
public record AccountBlock(long id, ActorRef byAccount, ActorRef blockedAccount, Instant createdAt) {
}
