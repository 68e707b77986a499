package org.vidiverse.api.model;

import java.time.Instant;

/**
 * An actor that owns channels: a local user's account, a remote person, or the instance's application actor.
 *
 * @param userId the local user behind the account, or {@code null} for remote and application actors
 */
public record Account(long id, String name, String displayName, String description, String host, boolean local,
                      ActorType type, String url, Long userId, long followersCount, long followingCount,
                      Instant createdAt, Instant updatedAt) {

    public ActorRef ref() {
        return new ActorRef(id, name, displayName, host, url);
    }
}
