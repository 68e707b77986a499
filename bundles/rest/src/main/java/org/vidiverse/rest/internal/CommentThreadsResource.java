package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/videos/{id}/comment-threads}: a video's threads, one thread as a tree, and starting a thread.
 * Checks run in PeerTube's order: login, parameters, video, who may see it, comments enabled (409 when not).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/comment-threads")
@Produces(MediaType.APPLICATION_JSON)
public final class CommentThreadsResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private final ContentModeration moderation;
    private final CommentStore comments;
    private final ChannelStore channels;
    private final VideoAccess access;

    @Activate
    public CommentThreadsResource(@Reference CommentStore comments, @Reference VideoStore videos,
                                  @Reference ChannelStore channels, @Reference ContentModeration moderation) {
        this.comments = comments;
        this.moderation = moderation;
        this.channels = channels;
        this.access = new VideoAccess(videos);
    }

    /** PeerTube answers an empty list, not an error, when comments are disabled. */
    @GET
    public Map<String, Object> list(@Context SecurityContext security, @PathParam("id") String id,
                                    @QueryParam("start") String start, @QueryParam("count") String count,
                                    @QueryParam("sort") String sort) {
        var page = Paging.parse(start, count, sort, 15, "-createdAt", CommentStore.THREAD_SORTS);
        Video video = access.findVisible(id, security);
        Map<String, Object> json = new LinkedHashMap<>();
        if (!video.commentsEnabled()) {
            json.put("total", 0);
            json.put("data", List.of());
            json.put("totalNotDeletedComments", 0);
            return json;
        }
        Page<Comment> threads = comments.threads(video.id(), page, CommentsResource.heldVisibleTo(security, video));
        CommentJson out = json();
        json.put("total", threads.total());
        json.put("data", threads.data().stream().map(out::comment).toList());
        json.put("totalNotDeletedComments", comments.countNotDeleted(video.id()));
        return json;
    }

    @GET
    @Path("{threadId}")
    public Map<String, Object> thread(@Context SecurityContext security, @PathParam("id") String id,
                                      @PathParam("threadId") String threadId) {
        long tid = VideoAccess.commentId("threadId", threadId);
        Video video = access.find(id);
        Comment first = comments.findById(tid)
                .orElseThrow(() -> Problem.notFound("Video comment thread not found"));
        CommentsResource.checkBelongsTo(first, video);
        if (first.inReplyToId() != null) {
            throw Problem.badRequest("Video comment is not a thread.");
        }
        VideoAccess.checkCanSee(video, id, security);
        List<Comment> thread = video.commentsEnabled()
                ? comments.thread(tid, CommentsResource.heldVisibleTo(security, video)) : List.of();
        if (thread.isEmpty()) {
            throw Problem.notFound("No comments were found");
        }
        return json().tree(thread);
    }

    @POST
    public Map<String, Object> create(@Context SecurityContext security, @PathParam("id") String id,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        String text = CommentsResource.text(Bodies.fields(contentType, body));
        Video video = access.findVisible(id, security);
        CommentsResource.checkCommentsEnabled(video);
        boolean held = moderation.checkComment(user, video, text);
        Comment created = comments.create(video.id(), user.accountId(), null, text, held);
        if (!held) {
            federation.tell(p -> p.commentCreated(created.id()));
        }
        return Map.of("comment", json().comment(created));
    }

    private CommentJson json() {
        return new CommentJson(channels::findAccount);
    }
}
