package org.vidiverse.federation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.FollowStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.RatingStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.InboxProcessor.Refused;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ActorDocuments;
import org.vidiverse.federation.internal.activitypub.InvalidObjectException;

/**
 * What each verified activity does, keyed by its type (and its object's type): follows and their answers, ratings,
 * views and abuse flags here; videos and comments in {@link RemoteContent}. Every handler checks that the actor may
 * act on the object (its own follow, its own video, its own comment).
 */
@Component(service = InboxHandlers.class)
public final class InboxHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(InboxHandlers.class);

    private final ActorStore actors;
    private final FollowStore follows;
    private final VideoStore videos;
    private final RatingStore ratings;
    private final RemoteContent content;
    private final Followers followers;
    private final ModerationService moderation;
    private final FederationGate gate;
    private final IncomingFlags flags;

    @Activate
    public InboxHandlers(@Reference ActorStore actors, @Reference FollowStore follows, @Reference VideoStore videos,
                         @Reference RatingStore ratings, @Reference RemoteContent content,
                         @Reference Followers followers, @Reference ModerationService moderation,
                         @Reference FederationGate gate, @Reference IncomingFlags flags) {
        this.actors = actors;
        this.follows = follows;
        this.videos = videos;
        this.ratings = ratings;
        this.content = content;
        this.followers = followers;
        this.moderation = moderation;
        this.gate = gate;
        this.flags = flags;
    }

    void dispatch(JsonNode activity, Actor actor) throws Refused {
        String type = activity.path("type").asText();
        JsonNode object = activity.path("object");
        switch (type) {
            case "Follow" -> follow(activity, actor);
            case "Accept" -> answer(activity, actor, true);
            case "Reject" -> answer(activity, actor, false);
            case "Undo" -> undo(object, actor);
            case "Create", "Update" -> createOrUpdate(activity, type, object, actor);
            case "Delete" -> content.delete(Activities.objectUrl(activity), actor);
            case "Announce" -> content.announced(Activities.objectUrl(activity), actor);
            case "Like" -> rate(Activities.objectUrl(activity), actor, RatingStore.Rating.LIKE);
            case "Dislike" -> rate(Activities.objectUrl(activity), actor, RatingStore.Rating.DISLIKE);
            case "View" -> view(Activities.objectUrl(activity));
            case "Flag" -> flags.receive(activity, actor);
            default -> throw new Refused(400, "unsupported activity type " + type);
        }
    }

    private void createOrUpdate(JsonNode activity, String type, JsonNode object, Actor actor) throws Refused {
        String objectType = object.path("type").asText("");
        switch (objectType) {
            case "Video" -> content.saveVideo(object, actor);
            case "Note" -> {
                if (content.saveNote(object, actor)) {
                    content.forwardComment(activity, object, actor);
                }
            }
            case "Person", "Group", "Application", "Service", "Organization" -> {
                if (!"Update".equals(type)) {
                    throw new Refused(400, "actors are updated, not created");
                }
                updateActor(object, actor);
            }
            case "" -> throw new Refused(400, type + " needs an embedded object");
            default -> LOG.debug("Ignoring {} of {}", type, objectType);
        }
    }

    private void updateActor(JsonNode document, Actor actor) throws Refused {
        String id = document.path("id").asText();
        if (!id.equals(actor.url())) {
            Optional<Actor> target = actors.findByUrl(id);
            boolean ownsChannel = target.isPresent() && target.get().ownerId() != null
                    && target.get().ownerId() == actor.id();
            if (!ownsChannel) {
                throw new Refused(403, actor.url() + " cannot update " + id);
            }
        }
        try {
            actors.saveRemote(ActorDocuments.parse(document, actor.host()));
        } catch (InvalidObjectException | IllegalArgumentException | NotFoundException e) {
            throw new Refused(400, "bad actor update: " + e.getMessage());
        }
    }

    private void follow(JsonNode activity, Actor follower) throws Refused {
        String targetUrl = Activities.objectUrl(activity);
        Actor target = actors.findByUrl(targetUrl).filter(Actor::local)
                .or(() -> instanceActorAt(targetUrl))
                .orElseThrow(() -> new Refused(404, "no local actor " + targetUrl));
        Verdict verdict = moderation.moderate(new ModerationSubject(SubjectKind.FOLLOW, follower.handle(),
                follower.host(), null, null, List.of(), Map.of("following", target.handle())));
        if (verdict.decision() == Verdict.Decision.REJECT) {
            followers.reject(target, follower, activity.path("id").asText());
            return;
        }
        // as in PeerTube, only follows of the instance itself may wait for an admin; channels take subscribers
        // a quarantined instance's follow of this instance waits for a moderator too
        boolean quarantined = gate.decide(new org.vidiverse.api.federation.RemoteOrigin(follower.host(),
                follower.url(), "Follow")) == org.vidiverse.api.federation.FederationDecision.QUARANTINE;
        boolean accept = verdict.decision() != Verdict.Decision.HOLD
                && (target.type() != ActorType.APPLICATION || gate.config().autoAcceptFollowers() && !quarantined);
        Follow follow;
        try {
            follow = follows.create(follower.id(), target.id(), accept ? FollowState.ACCEPTED : FollowState.PENDING,
                    activity.path("id").asText());
        } catch (DuplicateException e) {
            follow = follows.find(follower.id(), target.id()).orElseThrow(() -> new Refused(409, e.getMessage()));
        }
        LOG.info("{} follows {} ({})", follower.handle(), target.handle(), follow.state());
        if (follow.state() == FollowState.ACCEPTED) {
            followers.sendAccept(target, follower, follow);
        }
    }

    /** The instance actor is made on first use: a follow may be the first thing that names it. */
    private Optional<Actor> instanceActorAt(String url) {
        if (url == null || !url.endsWith("/accounts/" + ActorStore.INSTANCE_ACTOR_NAME)) {
            return Optional.empty();
        }
        Actor instanceActor = actors.instanceActor();
        return instanceActor.url().equals(url) ? Optional.of(instanceActor) : Optional.empty();
    }

    /** The remote side answered a follow this instance sent. */
    private void answer(JsonNode activity, Actor actor, boolean accepted) throws Refused {
        JsonNode followActivity = activity.path("object");
        String followUrl = followActivity.isTextual() ? followActivity.asText() : followActivity.path("id").asText();
        Optional<Follow> follow = follows.findByUrl(followUrl);
        if (follow.isEmpty()) {
            // PeerTube's Accept may embed a Follow whose id differs from ours: match it by the two actors
            String follower = followActivity.isObject() ? Activities.actorUrl(followActivity) : null;
            Optional<Actor> local = follower == null ? Optional.empty() : actors.findByUrl(follower);
            follow = local.flatMap(l -> follows.find(l.id(), actor.id()));
        }
        Follow found = follow.orElseThrow(() -> new Refused(404, "no follow " + followUrl));
        if (found.following().id() != actor.id()) {
            throw new Refused(403, actor.url() + " cannot answer a follow of " + found.following().url());
        }
        if (accepted) {
            follows.setState(found.id(), FollowState.ACCEPTED);
            LOG.info("{} accepted the follow of {}", actor.handle(), found.follower().handle());
            followers.backfill(actor);
        } else {
            follows.delete(found.follower().id(), found.following().id());
            LOG.info("{} rejected the follow of {}", actor.handle(), found.follower().handle());
        }
    }

    private void undo(JsonNode undone, Actor actor) throws Refused {
        if (!undone.isObject()) {
            throw new Refused(400, "Undo needs the undone activity embedded");
        }
        String undoneActor = Activities.actorUrl(undone);
        if (undoneActor != null && !undoneActor.equals(actor.url())) {
            throw new Refused(403, actor.url() + " cannot undo an activity of " + undoneActor);
        }
        String type = undone.path("type").asText();
        switch (type) {
            case "Follow" -> {
                String targetUrl = Activities.objectUrl(undone);
                Optional<Actor> target = actors.findByUrl(targetUrl).filter(Actor::local);
                if (target.isPresent() && follows.delete(actor.id(), target.get().id())) {
                    LOG.info("{} no longer follows {}", actor.handle(), target.get().handle());
                }
            }
            case "Like", "Dislike" -> rate(Activities.objectUrl(undone), actor, RatingStore.Rating.NONE);
            case "Announce", "View" -> LOG.debug("Nothing to undo for {} by {}", type, actor.handle());
            default -> throw new Refused(400, "cannot undo " + type);
        }
    }

    private void rate(String videoUrl, Actor actor, RatingStore.Rating rating) throws Refused {
        if (actor.type() != ActorType.PERSON) {
            throw new Refused(400, "only accounts rate videos");
        }
        Video video = videos.findByUrl(videoUrl).orElseThrow(() -> new Refused(404, "unknown video " + videoUrl));
        ratings.rate(video.id(), actor.id(), rating);
    }

    private void view(String videoUrl) throws Refused {
        Video video = videos.findByUrl(videoUrl).orElseThrow(() -> new Refused(404, "unknown video " + videoUrl));
        if (video.local()) {
            ratings.addView(video.id());
        }
    }
}
