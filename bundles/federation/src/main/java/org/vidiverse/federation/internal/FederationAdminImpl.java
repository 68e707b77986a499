package org.vidiverse.federation.internal;

import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.FederationAdmin;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.RemoteOrigin;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.FollowStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.federation.internal.activitypub.Activities;

/** Follows of and by the instance actor, for the admin API and shell commands. */
@Component(service = FederationAdmin.class)
public final class FederationAdminImpl implements FederationAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FederationAdminImpl.class);

    private final FollowStore follows;
    private final ActorKeys keys;
    private final RemoteActors remoteActors;
    private final FederationGate gate;
    private final DeliveryQueue queue;
    private final Followers followers;
    private final org.vidiverse.api.store.ChannelStore channels;
    private final org.vidiverse.api.store.ActorStore actors;

    @Activate
    public FederationAdminImpl(@Reference FollowStore follows, @Reference ActorKeys keys,
                               @Reference RemoteActors remoteActors, @Reference FederationGate gate,
                               @Reference DeliveryQueue queue, @Reference Followers followers,
                               @Reference org.vidiverse.api.store.ChannelStore channels,
                               @Reference org.vidiverse.api.store.ActorStore actors) {
        this.channels = channels;
        this.actors = actors;
        this.follows = follows;
        this.keys = keys;
        this.remoteActors = remoteActors;
        this.gate = gate;
        this.queue = queue;
        this.followers = followers;
    }

    @Override
    public Follow follow(String target) {
        Actor server = keys.instanceActor();
        Actor followed = findRemote(target);
        if (gate.decide(new RemoteOrigin(followed.host(), followed.url(), "Follow")) != FederationDecision.ALLOW) {
            throw new InvalidInputException("hosts", followed.host() + " is not federated with (blocked or not allowed)");
        }
        if (follows.find(server.id(), followed.id()).isPresent()) {
            throw new DuplicateException("this instance already follows " + followed.handle());
        }
        String followId = server.url() + "/follows/" + UUID.randomUUID();
        Follow follow = follows.create(server.id(), followed.id(), FollowState.PENDING, followId);
        queue.deliver(server, Activities.follow(followId, server.url(), followed.url()),
                List.of(followed.deliveryInbox()));
        LOG.info("Following {} (waiting for its Accept)", followed.handle());
        return follow;
    }

    @Override
    public void unfollow(String target) {
        Actor server = keys.instanceActor();
        Actor followed = findKnown(target);
        Follow follow = follows.find(server.id(), followed.id())
                .orElseThrow(() -> new NotFoundException("this instance does not follow " + target));
        follows.delete(server.id(), followed.id());
        queue.deliver(server, Activities.undo(server.url() + "/follows/" + UUID.randomUUID() + "/undo", server.url(),
                Followers.followActivity(follow)), List.of(followed.deliveryInbox()));
        LOG.info("No longer following {}", followed.handle());
    }

    @Override
    public Page<Follow> following(PageRequest page) {
        return follows.followingOf(keys.instanceActor().id(), page);
    }

    @Override
    public Page<Follow> followers(PageRequest page) {
        return follows.followersOf(keys.instanceActor().id(), page);
    }

    @Override
    public Follow acceptFollower(String handle) {
        Follow follow = followOfInstance(handle);
        Follow accepted = follows.setState(follow.id(), FollowState.ACCEPTED);
        followers.sendAccept(keys.instanceActor(), findKnown(handle), accepted);
        return accepted;
    }

    @Override
    public void rejectFollower(String handle) {
        Follow follow = followOfInstance(handle);
        follows.delete(follow.follower().id(), follow.following().id());
        followers.reject(keys.instanceActor(), findKnown(handle), follow.url());
    }

    /** The follow of the instance actor by the remote actor {@code handle}. */
    private Follow followOfInstance(String handle) {
        Actor follower = findKnown(handle);
        return follows.find(follower.id(), keys.instanceActor().id())
                .orElseThrow(() -> new NotFoundException(handle + " does not follow this instance"));
    }

    /** A remote instance ({@code host}) or actor ({@code name@host}), fetched if needed. */
    private Actor findRemote(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("hosts", "give a host or a name@host to follow");
        }
        Actor actor;
        try {
            actor = remoteActors.resolveHandle(target);
        } catch (RemoteActors.UnavailableActor e) {
            throw new NotFoundException(e.getMessage());
        }
        if (actor.local()) {
            throw new InvalidInputException("hosts", target + " is this instance");
        }
        return actor;
    }

    /** An actor this instance knows, by handle or host ({@code peertube@host}), without fetching. */
    private Actor findKnown(String target) {
        String handle = target == null ? "" : target.trim().replaceFirst("^@", "");
        if (!handle.contains("@")) {
            handle = org.vidiverse.api.store.ActorStore.INSTANCE_ACTOR_NAME + "@" + handle;
        }
        String h = handle;
        return channels.findAccountByHandle(h).map(a -> a.id())
                .or(() -> channels.findChannelByHandle(h).map(c -> c.id()))
                .flatMap(actors::find).filter(a -> !a.local())
                .orElseThrow(() -> new NotFoundException("no remote actor " + target + " is known here"));
    }
}
