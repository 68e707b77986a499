package org.vidiverse.api.federation;

import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/**
 * What an admin does about whom this instance federates with: follow other instances (or their channels and
 * accounts) and decide about the instances that follow this one. The REST API ({@code /api/v1/server/following},
 * {@code /api/v1/server/followers}) and the {@code vid:follow} commands use it.
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface FederationAdmin {

    /**
     * Makes the instance actor follow a remote instance ({@code host}, {@code host:port}) or a remote channel or
     * account ({@code name@host}): the remote actor is fetched, the follow stored as pending and a Follow delivered.
     *
     * @return the follow, pending until the remote side accepts it
     * @throws org.vidiverse.api.model.InvalidInputException if the target is malformed, local or not allowed by
     *                                                       the federation policy
     * @throws org.vidiverse.api.store.NotFoundException     if the remote actor cannot be found
     * @throws org.vidiverse.api.store.DuplicateException    if it is followed already
     */
    Follow follow(String target);

    /**
     * Stops following: an Undo of the Follow is delivered and the follow removed.
     *
     * @throws org.vidiverse.api.store.NotFoundException if the instance does not follow it
     */
    void unfollow(String target);

    /** Whom the instance actor follows, newest first. */
    Page<Follow> following(PageRequest page);

    /** Who follows the instance actor, in any state, newest first. */
    Page<Follow> followers(PageRequest page);

    /**
     * Accepts a pending follower ({@code name@host} of its actor) and tells it with an Accept.
     *
     * @throws org.vidiverse.api.store.NotFoundException if there is no follow from it
     */
    Follow acceptFollower(String handle);

    /** Rejects a follower (pending or accepted) and tells it with a Reject; the follow is removed. */
    void rejectFollower(String handle);
}
