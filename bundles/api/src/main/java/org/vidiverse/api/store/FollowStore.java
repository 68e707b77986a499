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

    /**
     * Records a follow with its ActivityPub id: the id of the Follow activity that asked for it (a remote
     * follower's) or that this instance sent.
     *
     * @throws DuplicateException if the follower already follows that actor
     * @since 1.3
     */
    Follow create(long followerActorId, long followingActorId, FollowState state, String url);

    /** A follow by the ActivityPub id of its Follow activity. @since 1.3 */
    java.util.Optional<Follow> findByUrl(String url);

    /**
     * Moves a follow to {@code state}, keeping both actors' counters (accepted follows only) right.
     *
     * @throws NotFoundException if there is no such follow
     * @since 1.3
     */
    Follow setState(long followId, FollowState state);

    /** One page of an actor's followers in any state, newest first. @since 1.3 */
    org.vidiverse.api.model.Page<Follow> followersOf(long actorId, org.vidiverse.api.model.PageRequest page);
}
