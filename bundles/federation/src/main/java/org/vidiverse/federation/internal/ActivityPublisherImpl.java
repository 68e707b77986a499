package org.vidiverse.federation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.ActivityPublisher;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ActorDocuments;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.activitypub.NoteObjects;
import org.vidiverse.federation.internal.activitypub.VideoObjects;

/**
 * Turns changes of local content into activities in the delivery queue, the way PeerTube sends them: a new video
 * is a Create by its account, then an Announce by its channel and one by the instance actor; edits are Updates,
 * removals Deletes, all to the followers of the account, the channel and the instance. What a local account does to
 * a remote video (comment, like, view) goes to the video's origin. Nothing here throws into the caller: a failure is
 * logged, the local change stands.
 */
@Component(service = ActivityPublisher.class)
public final class ActivityPublisherImpl implements ActivityPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityPublisherImpl.class);

    private final VideoStore videos;
    private final ActorStore actors;
    private final CommentStore comments;
    private final DeliveryQueue queue;
    private final ActorKeys keys;
    private final InstanceIdentity instance;
    private final RemoteVideoRefresher refresher;
    private final OutgoingFlags flags;

    @Activate
    public ActivityPublisherImpl(@Reference VideoStore videos, @Reference ActorStore actors,
                                 @Reference CommentStore comments, @Reference DeliveryQueue queue,
                                 @Reference ActorKeys keys, @Reference InstanceIdentity instance,
                                 @Reference RemoteVideoRefresher refresher, @Reference OutgoingFlags flags) {
        this.refresher = refresher;
        this.flags = flags;
        this.videos = videos;
        this.actors = actors;
        this.comments = comments;
        this.queue = queue;
        this.keys = keys;
        this.instance = instance;
    }

    @Override
    public void videoPublished(long videoId) {
        guarded("publish video " + videoId, () -> videos.findById(videoId).filter(Video::local).ifPresent(video -> {
            if (!video.federated()) {
                return;
            }
            Audience audience = audience(video);
            Map<String, Object> object = videoObject(video);
            queue.deliver(audience.account, Activities.create(activityId(video.url(), "create"),
                    audience.account.url(), object, to(video, audience), cc(video, audience)), audience.all());
            announce(video, audience.channel, audience.channelFollowers);
            announce(video, audience.instance, audience.instanceFollowers);
        }));
    }

    @Override
    public void videoUpdated(long videoId) {
        guarded("update video " + videoId, () -> videos.findById(videoId).filter(Video::local).ifPresent(video -> {
            Audience audience = audience(video);
            if (video.federated()) {
                queue.deliver(audience.account, Activities.update(activityId(video.url(), "update"),
                        audience.account.url(), videoObject(video), to(video, audience), cc(video, audience)),
                        audience.all());
            } else {
                // made private or unpublished again: others must forget it
                sendDelete(video, audience);
            }
        }));
    }

    @Override
    public void videoDeleted(Video video) {
        if (!video.local()) {
            return;
        }
        guarded("delete video " + video.uuid(), () -> sendDelete(video, audience(video)));
    }

    @Override
    public void commentCreated(long commentId) {
        guarded("comment " + commentId, () -> comments.findById(commentId).filter(c -> !c.heldForReview())
                .ifPresent(comment -> {
            Optional<Video> video = videos.findById(comment.videoId());
            Optional<Actor> author = actors.find(comment.account().id());
            if (video.isEmpty() || author.isEmpty() || !author.get().local()) {
                return;
            }
            String inReplyTo = comment.inReplyToId() == null ? video.get().url()
                    : comments.findById(comment.inReplyToId()).map(Comment::url).orElse(video.get().url());
            Map<String, Object> note = NoteObjects.render(comment, video.get().url(), inReplyTo,
                    author.get().url(), instance.publicUrl());
            queue.deliver(author.get(), Activities.create(activityId(comment.url(), "create"), author.get().url(),
                    note, List.of(ApContext.PUBLIC), List.of(author.get().followersUrl())),
                    commentAudience(video.get(), author.get()));
        }));
    }

    @Override
    public void commentDeleted(Comment comment) {
        guarded("delete comment " + comment.id(), () -> {
            Optional<Video> video = videos.findById(comment.videoId());
            Optional<Actor> author = actors.find(comment.account().id());
            if (video.isEmpty() || author.isEmpty()) {
                return;
            }
            // a moderator deleting a remote author's comment on a local video tells the video's audience, as owner
            Actor sender = author.get().local() ? author.get() : audience(video.get()).account;
            if (!sender.local()) {
                return;
            }
            queue.deliver(sender, Activities.delete(activityId(comment.url(), "delete"), sender.url(),
                    comment.url(), List.of(ApContext.PUBLIC), List.of()), commentAudience(video.get(), sender));
        });
    }

    @Override
    public void videoRated(long videoId, long accountId, String rating) {
        guarded("rate video " + videoId, () -> {
            Optional<Video> video = videos.findById(videoId);
            Optional<Actor> account = actors.find(accountId);
            if (video.isEmpty() || video.get().local() || account.isEmpty() || !account.get().local()) {
                return;
            }
            Actor rater = account.get();
            String videoUrl = video.get().url();
            String likeId = rater.url() + "/likes/" + video.get().uuid();
            Map<String, Object> activity = switch (rating) {
                case "like" -> Activities.like(activityId(likeId, "like"), rater.url(), videoUrl);
                case "dislike" -> Activities.dislike(activityId(rater.url() + "/dislikes/" + video.get().uuid(),
                        "dislike"), rater.url(), videoUrl);
                default -> Activities.undo(activityId(likeId, "undo"), rater.url(),
                        Activities.like(likeId, rater.url(), videoUrl));
            };
            queue.deliver(rater, activity, originInboxes(video.get()));
        });
    }

    @Override
    public void videoViewed(long videoId) {
        guarded("view of video " + videoId, () -> videos.findById(videoId).filter(v -> !v.local()).ifPresent(v -> {
            refresher.refreshIfStale(v);
            Actor server = keys.instanceActor();
            queue.deliver(server, Activities.view(activityId(server.url() + "/views/videos/" + v.uuid(), "view"),
                    server.url(), v.url()), originInboxes(v));
        }));
    }

    @Override
    public void actorUpdated(long actorId) {
        guarded("update actor " + actorId, () -> actors.find(actorId).filter(Actor::local).ifPresent(actor -> {
            Actor keyed = keys.withKeys(actor);
            Actor owner = keyed.ownerId() == null ? null : actors.find(keyed.ownerId()).orElse(null);
            Map<String, Object> document = ActorDocuments.render(keyed, owner, instance.publicUrl());
            queue.deliver(keyed, Activities.update(activityId(keyed.url(), "update"), keyed.url(), document,
                    List.of(ApContext.PUBLIC), List.of(keyed.followersUrl())), actors.followerInboxes(actorId));
        }));
    }

    @Override
    public void followed(org.vidiverse.api.model.Follow follow) {
        guarded("follow " + follow.url(), () -> {
            Optional<Actor> follower = actors.find(follow.follower().id()).filter(Actor::local);
            Optional<Actor> followed = actors.find(follow.following().id()).filter(a -> !a.local());
            if (follower.isPresent() && followed.isPresent()) {
                queue.deliver(keys.withKeys(follower.get()), Followers.followActivity(follow),
                        List.of(followed.get().deliveryInbox()));
            }
        });
    }

    @Override
    public void unfollowed(org.vidiverse.api.model.Follow follow) {
        guarded("unfollow " + follow.url(), () -> {
            Optional<Actor> follower = actors.find(follow.follower().id()).filter(Actor::local);
            Optional<Actor> followed = actors.find(follow.following().id()).filter(a -> !a.local());
            if (follower.isPresent() && followed.isPresent()) {
                queue.deliver(keys.withKeys(follower.get()), Activities.undo(activityId(follow.url(), "undo"),
                        follower.get().url(), Followers.followActivity(follow)),
                        List.of(followed.get().deliveryInbox()));
            }
        });
    }

    @Override
    public void abuseReported(long abuseId) {
        guarded("abuse " + abuseId, () -> flags.send(abuseId));
    }

    private void announce(Video video, Actor by, List<String> inboxes) {
        queue.deliver(by, Activities.announce(activityId(by.url() + "/announces/" + video.uuid(), "announce"),
                by.url(), video.url(), List.of(ApContext.PUBLIC), List.of(by.followersUrl())), inboxes);
    }

    private void sendDelete(Video video, Audience audience) {
        queue.deliver(audience.account, Activities.delete(activityId(video.url(), "delete"),
                audience.account.url(), video.url(), List.of(ApContext.PUBLIC), List.of()), audience.all());
    }

    /** Who hears about a comment: the video's origin, or for a local video everyone who follows it. */
    private List<String> commentAudience(Video video, Actor author) {
        Set<String> inboxes = new LinkedHashSet<>(video.local() ? audience(video).all() : originInboxes(video));
        inboxes.addAll(actors.followerInboxes(author.id()));
        return new ArrayList<>(inboxes);
    }

    /** The inbox of a remote video's instance: its channel's shared inbox. */
    private List<String> originInboxes(Video video) {
        return actors.find(video.channel().id()).map(c -> List.of(c.deliveryInbox())).orElse(List.of());
    }

    private Map<String, Object> videoObject(Video video) {
        return VideoObjects.render(video, videos.files(video.id()), videos.hlsPlaylist(video.id()),
                instance.publicUrl());
    }

    private Audience audience(Video video) {
        Actor account = keys.withKeys(actors.find(video.account().id()).orElseThrow());
        Actor channel = keys.withKeys(actors.find(video.channel().id()).orElseThrow());
        Actor server = keys.instanceActor();
        return new Audience(account, channel, server, actors.followerInboxes(account.id()),
                actors.followerInboxes(channel.id()), actors.followerInboxes(server.id()));
    }

    private record Audience(Actor account, Actor channel, Actor instance, List<String> accountFollowers,
                            List<String> channelFollowers, List<String> instanceFollowers) {
        List<String> all() {
            Set<String> all = new LinkedHashSet<>(accountFollowers);
            all.addAll(channelFollowers);
            all.addAll(instanceFollowers);
            return new ArrayList<>(all);
        }
    }

    private static List<String> to(Video video, Audience audience) {
        return video.privacy() == VideoPrivacy.PUBLIC ? List.of(ApContext.PUBLIC)
                : List.of(audience.account.followersUrl());
    }

    private static List<String> cc(Video video, Audience audience) {
        return video.privacy() == VideoPrivacy.PUBLIC ? List.of(audience.account.followersUrl())
                : List.of(ApContext.PUBLIC);
    }

    /** A new id per activity sent: receivers ignore an id they have seen. */
    private static String activityId(String objectUrl, String verb) {
        return objectUrl + "/activity/" + verb + "/" + java.util.UUID.randomUUID();
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not federate {}: {}", what, e.toString(), e);
        }
    }
}
