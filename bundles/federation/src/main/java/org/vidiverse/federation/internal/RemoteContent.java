package org.vidiverse.federation.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.RemoteOrigin;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.RemoteOrigin;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.VideoBlacklistStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.InboxProcessor.Refused;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.activitypub.InvalidObjectException;
import org.vidiverse.federation.internal.activitypub.NoteObjects;
import org.vidiverse.federation.internal.activitypub.VideoObjects;
import org.vidiverse.federation.internal.http.RemoteException;

/**
 * Remote videos and comments: stored when their origin creates, updates or announces them, removed when it deletes
 * them. An object is taken only from its own host, after moderation (which fails closed: a rejected or held item
 * is not stored).
 */
@Component(service = RemoteContent.class)
public final class RemoteContent {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteContent.class);

    private final VideoStore videos;
    private final CommentStore comments;
    private final ActorStore actors;
    private final RemoteActors remoteActors;
    private final RemoteClient remote;
    private final FederationGate gate;
    private final ModerationService moderation;
    private final RemoteStills stills;
    private final DeliveryQueue queue;
    private final ActorKeys keys;
    private final VideoBlacklistStore blacklist;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ApContext.mapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    @Activate
    public RemoteContent(@Reference VideoStore videos, @Reference CommentStore comments, @Reference ActorStore actors,
                         @Reference RemoteActors remoteActors, @Reference RemoteClient remote,
                         @Reference FederationGate gate, @Reference ModerationService moderation,
                         @Reference RemoteStills stills, @Reference DeliveryQueue queue,
                         @Reference ActorKeys keys, @Reference VideoBlacklistStore blacklist) {
        this.blacklist = blacklist;
        this.stills = stills;
        this.queue = queue;
        this.keys = keys;
        this.videos = videos;
        this.comments = comments;
        this.actors = actors;
        this.remoteActors = remoteActors;
        this.remote = remote;
        this.gate = gate;
        this.moderation = moderation;
    }

    /** A Video object sent by {@code actor} (Create or Update), or fetched from its origin. */
    public Video saveVideo(JsonNode object, Actor actor) throws Refused {
        VideoObjects.ParsedVideo parsed;
        try {
            parsed = VideoObjects.parse(object, actor.host());
        } catch (InvalidObjectException e) {
            throw new Refused(400, "bad Video: " + e.getMessage());
        }
        Actor channel = resolve(parsed.channelUrl());
        if (channel.type() != ActorType.GROUP || !channel.host().equalsIgnoreCase(actor.host())) {
            throw new Refused(400, parsed.channelUrl() + " is not a channel of " + actor.host());
        }
        Actor owner = channel.ownerId() == null ? null : actors.find(channel.ownerId()).orElse(null);
        if (owner == null || !owner.url().equals(parsed.accountUrl())) {
            throw new Refused(400, "the video's account " + parsed.accountUrl() + " does not own "
                    + parsed.channelUrl());
        }
        if (gate.blocked(channel)) {
            throw new Refused(403, "the account of " + channel.url() + " is blocked here");
        }
        if (!speaksFor(actor, owner.id(), channel.id())) {
            throw new Refused(403, actor.url() + " cannot publish videos of " + channel.url());
        }
        RemoteVideo video = parsed.video();
        Optional<Video> existing = videos.findByUrl(video.url());
        if (existing.isPresent() && existing.get().local()) {
            throw new Refused(403, video.url() + " is a video of this instance");
        }
        Verdict verdict = moderation.moderate(new ModerationSubject(SubjectKind.REMOTE_VIDEO, owner.handle(),
                actor.host(), video.name(), video.description(), video.tags(),
                Map.of("nsfw", video.nsfw(), "privacy", video.privacy().name().toLowerCase())));
        refuseUnlessAccepted(verdict, "video " + video.url());
        String holdReason = holdReason(verdict, actor);
        try {
            Video saved = videos.saveRemote(withChannel(video, channel.id()));
            if (holdReason != null && !saved.blacklisted()) {
                try {
                    blacklist.block(saved.id(), holdReason, VideoBlacklist.Type.AUTO_BEFORE_PUBLISHED, false);
                    saved = videos.findById(saved.id()).orElse(saved);
                } catch (DuplicateException alreadyBlocked) {
                    // blocked meanwhile: stays so
                }
            }
            stills.copy(saved, existing.orElse(null));
            LOG.info("{} remote video {} ({}) from {}", existing.isPresent() ? "Updated" : "Stored", saved.uuid(),
                    saved.name(), actor.host());
            return saved;
        } catch (IllegalArgumentException | NotFoundException e) {
            throw new Refused(400, "cannot store " + video.url() + ": " + e.getMessage());
        }
    }

    /**
     * A comment (Note) written on another instance.
     *
     * @return whether it is new here
     */
    public boolean saveNote(JsonNode object, Actor actor) throws Refused {
        NoteObjects.ParsedNote note;
        try {
            note = NoteObjects.parse(object, actor.host());
        } catch (InvalidObjectException e) {
            throw new Refused(400, "bad Note: " + e.getMessage());
        }
        if (note.tombstone()) {
            delete(note.url(), actor);
            return false;
        }
        if (comments.findByUrl(note.url()).isPresent()) {
            return false;   // comments are not edited in PeerTube; an Update of a known one changes nothing
        }
        Actor author = resolve(note.attributedTo());
        if (gate.blocked(author)) {
            throw new Refused(403, author.handle() + " is blocked here");
        }
        if (!author.host().equalsIgnoreCase(actor.host()) || author.type() != ActorType.PERSON) {
            throw new Refused(403, "the Note's author " + note.attributedTo() + " is not an account of "
                    + actor.host());
        }
        Optional<Video> video = videos.findByUrl(note.inReplyTo());
        Long parentId = null;
        if (video.isEmpty()) {
            Comment parent = comments.findByUrl(note.inReplyTo())
                    .orElseThrow(() -> new Refused(404, "the Note answers something unknown: " + note.inReplyTo()));
            parentId = parent.id();
            video = videos.findById(parent.videoId());
        }
        Video target = video.orElseThrow(() -> new Refused(404, "the Note's video is gone"));
        if (target.local() && !target.commentsEnabled()) {
            throw new Refused(403, "comments are disabled on " + target.url());
        }
        Verdict verdict = moderation.moderate(new ModerationSubject(SubjectKind.REMOTE_COMMENT, author.handle(),
                author.host(), null, note.text(), List.of(), Map.of("video", target.url())));
        refuseUnlessAccepted(verdict, "comment " + note.url());
        boolean held = holdReason(verdict, actor) != null;
        try {
            comments.createRemote(target.id(), author.id(), parentId, note.text(), note.url(), note.published(), held);
            return !held;   // a held comment is not passed on until approved
        } catch (IllegalArgumentException | NotFoundException e) {
            throw new Refused(400, "cannot store " + note.url() + ": " + e.getMessage());
        }
    }

    /**
     * Passes a new remote comment on a local video on to the instances that follow the video (its account, channel
     * and this instance), as PeerTube does, so that everyone watching it elsewhere sees the conversation. The
     * activity goes out signed by the video's account; receivers fetch the comment from its author's instance.
     */
    public void forwardComment(JsonNode activity, JsonNode note, Actor author) {
        String inReplyTo = note.path("inReplyTo").asText("");
        Optional<Video> video = videos.findByUrl(inReplyTo)
                .or(() -> comments.findByUrl(inReplyTo).flatMap(c -> videos.findById(c.videoId())));
        if (video.isEmpty() || !video.get().local()) {
            return;
        }
        Set<String> inboxes = new LinkedHashSet<>(actors.followerInboxes(video.get().account().id()));
        inboxes.addAll(actors.followerInboxes(video.get().channel().id()));
        inboxes.addAll(actors.followerInboxes(keys.instanceActor().id()));
        inboxes.remove(author.deliveryInbox());
        inboxes.remove(author.inboxUrl());
        actors.find(video.get().account().id()).ifPresent(owner -> queue.deliver(keys.withKeys(owner),
                JSON.convertValue(activity, MAP), inboxes));
    }

    /** A Delete: of a remote video or comment by someone of its own instance. Unknown objects are ignored. */
    public void delete(String objectUrl, Actor actor) throws Refused {
        if (objectUrl == null) {
            throw new Refused(400, "Delete without object");
        }
        if (objectUrl.equals(actor.url())) {
            LOG.info("{} deleted itself; its content stays until actor deletion is handled", actor.handle());
            return;
        }
        String objectHost = Activities.host(objectUrl);
        if (objectHost == null) {
            throw new Refused(400, "Delete of something that is not an http(s) URL");
        }
        Optional<Video> video = videos.findByUrl(objectUrl);
        if (video.isPresent()) {
            if (video.get().local() || !objectHost.equalsIgnoreCase(actor.host())
                    || !speaksFor(actor, video.get().account().id(), video.get().channel().id())) {
                throw new Refused(403, actor.url() + " cannot delete " + objectUrl);
            }
            videos.delete(video.get().id());
            stills.remove(video.get());
            LOG.info("Deleted remote video {} on behalf of {}", video.get().uuid(), actor.handle());
            return;
        }
        Optional<Comment> comment = comments.findByUrl(objectUrl);
        if (comment.isPresent()) {
            boolean author = comment.get().account().id() == actor.id()
                    || objectHost.equalsIgnoreCase(actor.host()) && actor.type() == ActorType.APPLICATION;
            boolean videoOwner = videos.findById(comment.get().videoId())
                    .map(v -> !v.local() && speaksFor(actor, v.account().id(), v.channel().id())).orElse(false);
            if (!author && !videoOwner) {
                throw new Refused(403, actor.url() + " cannot delete " + objectUrl);
            }
            comments.delete(comment.get().id());
        }
    }

    /** An Announce of a video: stored as fetched from its origin, unless known already. */
    public void announced(String videoUrl, Actor actor) throws Refused {
        if (videoUrl == null || videos.findByUrl(videoUrl).isPresent()) {
            return;
        }
        String host = Activities.host(videoUrl);
        if (host == null) {
            throw new Refused(400, "Announce of something that is not an http(s) URL");
        }
        if (gate.decide(new RemoteOrigin(host, null, "Announce")) != FederationDecision.ALLOW) {
            throw new Refused(403, host + " is not federated with");
        }
        JsonNode object;
        try {
            object = remote.fetchJson(videoUrl);
        } catch (RemoteException e) {
            throw new Refused(e.retryable() ? 503 : 400, "announced " + videoUrl + " cannot be fetched: "
                    + e.getMessage());
        }
        if (!"Video".equals(object.path("type").asText())) {
            LOG.debug("{} announced {} which is not a video", actor.handle(), videoUrl);
            return;
        }
        Actor origin = originOf(object, host);
        saveVideo(object, origin);
    }

    /** The channel of a fetched video stands for its origin when storing it. */
    private Actor originOf(JsonNode video, String host) throws Refused {
        for (JsonNode attributed : video.path("attributedTo")) {
            if ("Group".equals(attributed.path("type").asText())) {
                Actor channel = resolve(attributed.path("id").asText());
                if (channel.host().equalsIgnoreCase(host)) {
                    return channel;
                }
            }
        }
        throw new Refused(400, "the announced video names no channel of " + host);
    }

    /** The account or channel itself, or its instance's application actor, may act for a video. */
    private boolean speaksFor(Actor actor, long accountId, long channelId) {
        if (actor.id() == accountId || actor.id() == channelId) {
            return true;
        }
        return actor.type() == ActorType.APPLICATION && actors.find(channelId)
                .map(c -> c.host().equalsIgnoreCase(actor.host())).orElse(false);
    }

    private Actor resolve(String url) throws Refused {
        try {
            return remoteActors.resolve(url);
        } catch (RemoteActors.UnavailableActor e) {
            throw new Refused(e.retryable() ? 503 : 400, e.getMessage());
        }
    }

    private static void refuseUnlessAccepted(Verdict verdict, String what) throws Refused {
        if (verdict.decision() == Verdict.Decision.REJECT) {
            throw new Refused(403, what + " refused by moderation: " + verdict.reason());
        }
    }

    /**
     * Why content from {@code actor} is to be held for review (a moderation hold, or its instance in quarantine),
     * or {@code null} to show it.
     */
    private String holdReason(Verdict verdict, Actor actor) {
        if (verdict.decision() == Verdict.Decision.HOLD) {
            return "Held for review: " + verdict.reason();
        }
        if (gate.decide(new RemoteOrigin(actor.host(), actor.url(), "Create")) == FederationDecision.QUARANTINE) {
            return "Held: " + actor.host() + " is quarantined until a moderator approves it";
        }
        return null;
    }

    static RemoteVideo withChannel(RemoteVideo v, long channelActorId) {
        return new RemoteVideo(v.url(), v.uuid(), v.name(), v.description(), v.support(), v.durationSeconds(),
                v.category(), v.licence(), v.language(), v.tags(), v.nsfw(), v.commentsEnabled(),
                v.downloadEnabled(), v.waitTranscoding(), v.privacy(), v.state(), v.views(), channelActorId,
                v.publishedAt(), v.updatedAt(), v.originallyPublishedAt(), v.thumbnailUrl(), v.previewUrl(),
                v.webVideos(), v.hlsPlaylistUrl(), v.segmentsSha256Url(), v.hlsFiles());
    }
}
