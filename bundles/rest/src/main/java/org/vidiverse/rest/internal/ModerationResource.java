package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.moderation.ModerationLogEntry;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.ModerationLogStore;
import org.vidiverse.api.store.VideoBlacklistStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * The moderation queue and audit log for moderators ({@code /api/v1/moderation}, ours: PeerTube has no single
 * queue). Held videos are the automatic entries of the block list, held comments those waiting for approval.
 * Approving a video takes it off the list (and federates it); rejecting it keeps it blocked as a moderator's
 * decision, with the reason shown to its owner. Approving a comment shows it; rejecting it deletes it.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
public final class ModerationResource {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationResource.class);
    private static final Set<String> SORTS = Set.of("createdAt");

    @Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private final VideoBlacklistStore blacklist;
    private final CommentStore comments;
    private final VideoStore videos;
    private final ChannelStore channels;
    private final ModerationLogStore log;
    private final ModerationService moderation;

    @Activate
    public ModerationResource(@Reference VideoBlacklistStore blacklist, @Reference CommentStore comments,
                              @Reference VideoStore videos, @Reference ChannelStore channels,
                              @Reference ModerationLogStore log, @Reference ModerationService moderation) {
        this.blacklist = blacklist;
        this.comments = comments;
        this.videos = videos;
        this.channels = channels;
        this.log = log;
        this.moderation = moderation;
    }

    @GET
    @Path("queue/videos")
    public Map<String, Object> heldVideos(@Context SecurityContext security, @QueryParam("search") String search,
                                          @QueryParam("start") String start, @QueryParam("count") String count,
                                          @QueryParam("sort") String sort) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Page<VideoBlacklist> page = blacklist.list(VideoBlacklist.Type.AUTO_BEFORE_PUBLISHED, search,
                Paging.parse(start, count, sort, 15, "createdAt", SORTS));
        return Map.of("total", page.total(), "data", page.map(VideoBlacklistResource::json).data());
    }

    @POST
    @Path("queue/videos/{id}/approve")
    public Response approveVideo(@Context SecurityContext security, @PathParam("id") String id) {
        User moderator = Caller.requireRole(security, UserRole.MODERATOR);
        Video video = heldVideo(id);
        blacklist.unblock(video.id());
        LOG.info("{} approved held video {} ({})", moderator.username(), video.uuid(), video.name());
        videos.findById(video.id()).ifPresent(after -> federation.videoEdited(video, after));
        return Response.noContent().build();
    }

    @POST
    @Path("queue/videos/{id}/reject")
    public Response rejectVideo(@Context SecurityContext security, @PathParam("id") String id,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User moderator = Caller.requireRole(security, UserRole.MODERATOR);
        String reason = new Body(Bodies.fields(contentType, body)).string("reason", 300);
        Video video = heldVideo(id);
        blacklist.unblock(video.id());
        blacklist.block(video.id(), reason == null ? "Rejected by a moderator" : reason, VideoBlacklist.Type.MANUAL,
                false);
        LOG.info("{} rejected held video {} ({}): {}", moderator.username(), video.uuid(), video.name(), reason);
        return Response.noContent().build();
    }

    @GET
    @Path("queue/comments")
    public Map<String, Object> heldComments(@Context SecurityContext security, @QueryParam("start") String start,
                                            @QueryParam("count") String count) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Page<Comment> page = comments.heldForReview(null, Paging.parse(start, count, null, 15, "createdAt", SORTS));
        CommentJson json = new CommentJson(channels::findAccount);
        return Map.of("total", page.total(), "data", page.map(c -> {
            Map<String, Object> item = json.comment(c);
            videos.findById(c.videoId()).ifPresent(v -> item.put("video",
                    Map.of("id", v.id(), "uuid", v.uuid(), "name", v.name())));
            return item;
        }).data());
    }

    @POST
    @Path("queue/comments/{id}/approve")
    public Response approveComment(@Context SecurityContext security, @PathParam("id") String id) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Comment comment = heldComment(id);
        if (comments.approve(comment.id())) {
            federation.tell(p -> p.commentCreated(comment.id()));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("queue/comments/{id}/reject")
    public Response rejectComment(@Context SecurityContext security, @PathParam("id") String id) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Comment comment = heldComment(id);
        comments.delete(comment.id());   // never federated, so nobody else has to forget it
        return Response.noContent().build();
    }

    /** The audit log: every verdict of the moderation chain, newest first. */
    @GET
    @Path("decisions")
    public Map<String, Object> decisions(@Context SecurityContext security, @QueryParam("kind") String kind,
                                         @QueryParam("decision") String decision, @QueryParam("start") String start,
                                         @QueryParam("count") String count) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Page<ModerationLogEntry> page = log.list(parse(SubjectKind.class, "kind", kind),
                parse(Verdict.Decision.class, "decision", decision),
                Paging.parse(start, count, null, 15, "-createdAt", SORTS));
        return Map.of("total", page.total(), "data", page.map(ModerationResource::json).data());
    }

    /** The policies that run, in order: what a moderator needs to understand a verdict. */
    @GET
    @Path("policies")
    public Map<String, Object> policies(@Context SecurityContext security) {
        Caller.requireRole(security, UserRole.MODERATOR);
        return Map.of("data", moderation.activePolicies());
    }

    private Video heldVideo(String id) {
        Video video = new VideoAccess(videos).find(id);
        if (blacklist.find(video.id()).filter(e -> e.type() == VideoBlacklist.Type.AUTO_BEFORE_PUBLISHED)
                .isEmpty()) {
            throw Problem.notFound("This video is not held for review");
        }
        return video;
    }

    private Comment heldComment(String id) {
        Comment comment = comments.findById(VideoAccess.commentId("id", id))
                .filter(c -> c.heldForReview() && !c.deleted())
                .orElseThrow(() -> Problem.notFound("This comment is not held for review"));
        return comment;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalidParam(name, name + " must be one of " + java.util.Arrays.toString(
                    type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static Map<String, Object> json(ModerationLogEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("createdAt", Json.date(e.createdAt()));
        json.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        json.put("actor", e.actorHandle());
        json.put("originHost", e.originHost());
        json.put("subject", e.subject());
        json.put("decision", e.decision().name().toLowerCase(Locale.ROOT));
        json.put("policy", e.policy());
        json.put("reason", e.reason());
        json.put("tags", e.tags());
        return json;
    }
}
