package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A message on an abuse report, between its reporter and the moderators. @since 1.3
 *
 * @param account the author; {@code null} once the account is deleted
 */
public record AbuseMessage(long id, long abuseId, String message, boolean byModerator, ActorRef account,
                           Instant createdAt) {
}
