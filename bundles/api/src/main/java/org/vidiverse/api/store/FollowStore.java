package org.vidiverse.api.store;

import java.util.List;

import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;

/** Follows between actors; the ids are account or channel actor ids as found in {@code ActorRef.id()}. */
@org.osgi.annotation.versioning.ProviderType
public interface FollowStore {

    /** @throws DuplicateException if the follower already follows that actor */
    Follow create(long followerActorId, long followingActorId, FollowState state);

    List<Follow> followersOf(long actorId);

    java.util.Optional<Follow> find(long followerActorId, long followingActorId);

    /** Removes the follow (keeping follower/following counters right); returns whether it existed. */
    boolean delete(long followerActorId, long followingActorId);

    /** What the actor follows, newest first. */
    org.vidiverse.api.model.Page<Follow> followingOf(long actorId, org.vidiverse.api.model.PageRequest page);

    long count();
}
