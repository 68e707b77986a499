package org.vidiverse.api.model;

import java.time.Instant;

/** One actor following another (instance, account or channel), local or remote. */
public record Follow(long id, ActorRef follower, ActorRef following, FollowState state, String url,
                     Instant createdAt, Instant updatedAt) {
}
