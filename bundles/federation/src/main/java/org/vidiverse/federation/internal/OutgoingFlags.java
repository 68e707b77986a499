package org.vidiverse.federation.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.activitypub.FlagActivities;

/**
 * Sends a local user's abuse report of remote content to the content's instance, as PeerTube does: a Flag from
 * this instance's application actor (the reporter stays private), with id {@code /admin/abuses/{id}}, addressed to
 * the reported account and delivered to its instance's shared inbox through the persisted queue.
 */
@Component(service = OutgoingFlags.class)
public final class OutgoingFlags {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingFlags.class);

    private final AbuseStore abuses;
    private final VideoStore videos;
    private final CommentStore comments;
    private final ActorStore actors;
    private final ActorKeys keys;
    private final DeliveryQueue queue;
    private final InstanceIdentity instance;

    @Activate
    public OutgoingFlags(@Reference AbuseStore abuses, @Reference VideoStore videos,
                         @Reference CommentStore comments, @Reference ActorStore actors, @Reference ActorKeys keys,
                         @Reference DeliveryQueue queue, @Reference InstanceIdentity instance) {
        this.abuses = abuses;
        this.videos = videos;
        this.comments = comments;
        this.actors = actors;
        this.keys = keys;
        this.queue = queue;
        this.instance = instance;
    }

    /** Queues the Flag of report {@code abuseId} when it names remote content; returns whether it did. */
    boolean send(long abuseId) {
        Optional<Abuse> found = abuses.find(abuseId).filter(a -> !a.remote());
        if (found.isEmpty()) {
            return false;
        }
        Abuse abuse = found.get();
        Optional<Target> target = target(abuse);
        if (target.isEmpty()) {
            return false;
        }
        Actor server = keys.instanceActor();
        Integer startAt = abuse.video() == null ? null : abuse.video().startAt();
        Integer endAt = abuse.video() == null ? null : abuse.video().endAt();
        var flag = FlagActivities.render(instance.publicUrl() + "/admin/abuses/" + abuse.id(), server.url(),
                target.get().objectUrl(), abuse.reason(),
                abuse.predefinedReasons().stream().map(AbusePredefinedReason::wireName).toList(),
                target.get().owner().url(), startAt, endAt);
        int queued = queue.deliver(server, flag, List.of(target.get().owner().deliveryInbox()));
        LOG.info("Abuse {} sent as a Flag to {} ({} deliveries)", abuse.id(), target.get().owner().host(), queued);
        return queued > 0;
    }

    /** What the Flag names and the remote account that owns it; empty for local content or content gone. */
    private Optional<Target> target(Abuse abuse) {
        return switch (abuse.kind()) {
            case VIDEO -> videos.findById(abuse.video().id()).filter(v -> !v.local())
                    .flatMap(v -> owner(v.account().id()).map(o -> new Target(v.url(), o)));
            case COMMENT -> comments.findById(abuse.comment().id()).filter(c -> c.url() != null)
                    .flatMap(c -> owner(c.account().id()).map(o -> new Target(c.url(), o)));
            case ACCOUNT -> abuse.flaggedAccount() == null ? Optional.empty()
                    : owner(abuse.flaggedAccount().id()).map(o -> new Target(o.url(), o));
        };
    }

    private Optional<Actor> owner(long accountId) {
        return actors.find(accountId).filter(a -> !a.local());
    }

    private record Target(String objectUrl, Actor owner) {
    }
}
