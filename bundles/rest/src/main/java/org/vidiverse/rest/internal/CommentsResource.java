package org.vidiverse.rest.internal;

import java.util.Map;
import java.util.Optional;

import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/videos/{id}/comments/{commentId}}: replying to a comment and deleting one. A comment may be
 * deleted by its author, the video's owner, or a moderator or administrator; the deleted comment stays as a
 * tombstone so that its replies keep their place.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
public final class CommentsResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private final ContentModeration moderation;
    private static final Logger LOG = LoggerFactory.getLogger(CommentsResource.class);

    private final CommentStore comments;
    private final ChannelStore channels;
    private final VideoAccess access;

    @Activate
    public CommentsResource(@Reference CommentStore comments, @Reference VideoStore videos,
                            @Reference ChannelStore channels, @Reference ContentModeration moderation) {
        this.comments = comments;
        this.moderation = moderation;
        this.channels = channels;
        this.access = new VideoAccess(videos);
    }

    @POST
    @Path("{commentId}")
    public Map<String, Object> reply(@Context SecurityContext security, @PathParam("id") String id,
                                     @PathParam("commentId") String commentId,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        long parentId = VideoAccess.commentId("commentId", commentId);
        String text = text(Bodies.fields(contentType, body));
        Video video = access.findVisible(id, security);
        checkCommentsEnabled(video);
        checkBelongsTo(existing(parentId), video);
        boolean held = moderation.checkComment(user, video, text);
        Comment reply = comments.create(video.id(), user.accountId(), parentId, text, held);
        if (!held) {
            federation.tell(p -> p.commentCreated(reply.id()));
        }
        return Map.of("comment", new CommentJson(channels::findAccount).comment(reply));
    }

    /** PeerTube 6.2's approval of a comment held for review: by the video's owner or a moderator. */
    @POST
    @Path("{commentId}/approve")
    public Response approve(@Context SecurityContext security, @PathParam("id") String id,
                            @PathParam("commentId") String commentId) {
        User user = Caller.require(security);
        long cid = VideoAccess.commentId("commentId", commentId);
        Video video = access.find(id);
        Comment comment = existing(cid);
        checkBelongsTo(comment, video);
        if (!VideoAccess.ownsOrModerates(user, video)) {
            throw Problem.forbidden("Only the owner of the video or a moderator can approve its comments");
        }
        if (comments.approve(cid) && !comment.deleted()) {
            federation.tell(p -> p.commentCreated(cid));
        }
        return Response.noContent().build();
    }

    /**
     * The held comments {@code security}'s caller may see on {@code video} (see {@link CommentStore#threads}): all
     * for the video's owner and moderators, their own for other users, none for anonymous visitors.
     */
    static Long heldVisibleTo(SecurityContext security, Video video) {
        return Moderated.viewerOf(security, video.account() == null ? -1 : video.account().id());
    }

    @DELETE
    @Path("{commentId}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id,
                           @PathParam("commentId") String commentId) {
        User user = Caller.require(security);
        long cid = VideoAccess.commentId("commentId", commentId);
        Video video = access.find(id);
        Comment comment = existing(cid);
        checkBelongsTo(comment, video);
        if (comment.deleted()) {
            throw new Problem(409, "This comment is already deleted", null, null);
        }
        boolean author = comment.account() != null && comment.account().id() == user.accountId();
        if (!author && !VideoAccess.ownsOrModerates(user, video)) {
            throw Problem.forbidden("Cannot remove video comment of another user");
        }
        if (!comments.delete(cid)) {
            throw new Problem(409, "This comment is already deleted", null, null);
        }
        federation.tell(p -> p.commentDeleted(comment));
        LOG.info("Comment {} on video {} deleted by {}", cid, video.uuid(), user.username());
        return Response.noContent().build();
    }

    private Comment existing(long commentId) {
        return comments.findById(commentId).orElseThrow(() -> Problem.notFound("Video comment thread not found"));
    }

    /** PeerTube's text rule: 1 to 10000 characters; we count them after trimming, and store the trimmed text. */
    static String text(Map<String, Object> fields) {
        Object raw = fields.get("text");
        String text = raw instanceof String s ? s.strip() : null;
        if (text == null || text.isEmpty() || text.length() > CommentStore.MAX_TEXT_LENGTH) {
            throw Problem.invalidParam("text", "text must be a string of 1 to " + CommentStore.MAX_TEXT_LENGTH
                    + " characters");
        }
        return text;
    }

    static void checkCommentsEnabled(Video video) {
        if (!video.commentsEnabled()) {
            throw new Problem(409, "Video comments are disabled for this video.", null, null);
        }
    }

    /** A comment of another video is a 400, as in PeerTube. */
    static void checkBelongsTo(Comment comment, Video video) {
        if (comment.videoId() != video.id()) {
            throw new Problem(400, "Video comment is not associated to this video.",
                    "comment_not_associated_to_video", null);
        }
    }
}
