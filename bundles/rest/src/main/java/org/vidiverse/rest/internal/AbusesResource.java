package org.vidiverse.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbuseKind;
import org.vidiverse.api.model.AbuseMessage;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.AbuseState;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.AbuseQuery;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * PeerTube's {@code /api/v1/abuses}: any logged-in user reports a video, a comment or an account; moderators list,
 * judge and delete reports; reporter and moderators talk in a report's messages. A report of content that lives on
 * another instance is also sent there, as a Flag, when federation is installed.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/abuses")
@Produces(MediaType.APPLICATION_JSON)
public final class AbusesResource {
    static final Set<String> SORTS = Set.of("id", "createdAt", "state");
    private static final Logger LOG = LoggerFactory.getLogger(AbusesResource.class);

    private final AbuseStore abuses;
    private final VideoAccess videoAccess;
    private final CommentStore comments;
    private final ChannelStore channels;
    private final Federation federation;
    private final AbuseJson json;

    @Activate
    public AbusesResource(@Reference AbuseStore abuses, @Reference VideoStore videos,
                          @Reference CommentStore comments, @Reference ChannelStore channels,
                          @Reference Federation federation) {
        this.abuses = abuses;
        this.videoAccess = new VideoAccess(videos);
        this.comments = comments;
        this.channels = channels;
        this.federation = federation;
        this.json = new AbuseJson(videos, channels);
    }

    @POST
    public Map<String, Object> report(@Context SecurityContext security,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return report(security, Bodies.fields(contentType, body));
    }

    Map<String, Object> report(SecurityContext security, Map<String, Object> body) {
        User user = Caller.require(security);
        NewAbuse report = newAbuse(user, security, new Body(body), body);
        Abuse abuse = abuses.create(report);
        LOG.info("Abuse {} reported by {} ({})", abuse.id(), user.username(), abuse.kind());
        federation.tell(p -> p.abuseReported(abuse.id()));
        return Map.of("abuse", Map.of("id", abuse.id()));
    }

    private NewAbuse newAbuse(User user, SecurityContext security, Body body, Map<String, Object> raw) {
        String reason = body.requiredString("reason", AbuseStore.MAX_REASON_LENGTH);
        if (reason.trim().length() < 2) {
            throw new InvalidInputException("reason", "reason must be between 2 and 3000 characters");
        }
        List<AbusePredefinedReason> reasons = predefinedReasons(raw.get("predefinedReasons"));
        Map<String, Object> video = object(raw, "video");
        Map<String, Object> comment = object(raw, "comment");
        Map<String, Object> account = object(raw, "account");
        int targets = (video != null ? 1 : 0) + (comment != null ? 1 : 0) + (account != null ? 1 : 0);
        if (targets != 1) {
            throw new InvalidInputException("video", "exactly one of video, comment or account is required");
        }
        if (video != null) {
            Object id = video.get("id");
            if (!(id instanceof String) && !(id instanceof Number)) {
                throw new InvalidInputException("video.id", "video.id must be a video id, UUID or short UUID");
            }
            Video found = videoAccess.findVisible(String.valueOf(id), security);
            Body times = new Body(video);
            return NewAbuse.ofVideo(user.accountId(), reason, reasons, found.id(),
                    seconds(times, "startAt"), seconds(times, "endAt"));
        }
        if (comment != null) {
            long id = requiredId(comment, "comment.id");
            Comment found = comments.findById(id).filter(c -> !c.deleted())
                    .orElseThrow(() -> Problem.notFound("Video comment not found"));
            return NewAbuse.ofComment(user.accountId(), reason, reasons, found.id());
        }
        long id = requiredId(account, "account.id");
        channels.findAccount(id).orElseThrow(() -> Problem.notFound("Account not found"));
        if (id == user.accountId()) {
            throw Problem.invalidParam("account.id", "You cannot report your own account.");
        }
        return NewAbuse.ofAccount(user.accountId(), reason, reasons, id);
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort,
                                    @QueryParam("id") String id,
                                    @QueryParam("predefinedReason") String predefinedReason,
                                    @QueryParam("search") String search, @QueryParam("state") String state,
                                    @QueryParam("videoIs") String videoIs,
                                    @QueryParam("searchReporter") String searchReporter,
                                    @QueryParam("searchReportee") String searchReportee,
                                    @QueryParam("filter") String filter) {
        Caller.requireRole(security, UserRole.MODERATOR);
        var page = Paging.parse(start, count, sort, 15, "-id", SORTS);
        AbuseQuery query = new AbuseQuery(optionalId("id", id), reason(predefinedReason), search, state(state),
                videoIs(videoIs), searchReporter, searchReportee, kind(filter), null,
                "blacklisted".equals(videoIs) ? Boolean.TRUE : null);
        Page<Abuse> found = abuses.list(query, page);
        return Map.of("total", found.total(), "data", found.data().stream().map(json::admin).toList());
    }

    @PUT
    @Path("{id}")
    public Response update(@Context SecurityContext security, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return update(security, id, Bodies.fields(contentType, body));
    }

    Response update(SecurityContext security, String id, Map<String, Object> raw) {
        User moderator = Caller.requireRole(security, UserRole.MODERATOR);
        Abuse abuse = find(id);
        Body body = new Body(raw);
        Long stateId = body.integer("state");
        AbuseState state = stateId == null ? null : AbuseState.byId(stateId.intValue())
                .orElseThrow(() -> new InvalidInputException("state", "state must be 1, 2 or 3"));
        String comment = body.string("moderationComment", AbuseStore.MAX_REASON_LENGTH);
        if (comment != null && comment.trim().length() < 2) {
            throw new InvalidInputException("moderationComment",
                    "moderationComment must be between 2 and 3000 characters");
        }
        abuses.update(abuse.id(), state, comment);
        LOG.info("Abuse {} updated by {} (state {})", abuse.id(), moderator.username(), state);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        User moderator = Caller.requireRole(security, UserRole.MODERATOR);
        Abuse abuse = find(id);
        abuses.delete(abuse.id());
        LOG.info("Abuse {} deleted by {}", abuse.id(), moderator.username());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/messages")
    public Map<String, Object> messages(@Context SecurityContext security, @PathParam("id") String id) {
        Abuse abuse = findForConversation(security, id);
        List<AbuseMessage> messages = abuses.messages(abuse.id());
        return Map.of("total", messages.size(), "data", messages.stream().map(AbuseJson::message).toList());
    }

    @POST
    @Path("{id}/messages")
    public Map<String, Object> addMessage(@Context SecurityContext security, @PathParam("id") String id,
                                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return addMessage(security, id, Bodies.fields(contentType, body));
    }

    Map<String, Object> addMessage(SecurityContext security, String id, Map<String, Object> raw) {
        User user = Caller.require(security);
        Abuse abuse = findForConversation(security, id);
        String message = new Body(raw).requiredString("message", AbuseStore.MAX_MESSAGE_LENGTH);
        boolean byModerator = abuse.reporter() == null || abuse.reporter().id() != user.accountId();
        AbuseMessage added = abuses.addMessage(abuse.id(), user.accountId(), message, byModerator);
        return Map.of("abuseMessage", Map.of("id", added.id()));
    }

    @DELETE
    @Path("{id}/messages/{messageId}")
    public Response deleteMessage(@Context SecurityContext security, @PathParam("id") String id,
                                  @PathParam("messageId") String messageId) {
        User user = Caller.require(security);
        Abuse abuse = findForConversation(security, id);
        AbuseMessage message = abuses.findMessage(abuse.id(), VideoAccess.commentId("messageId", messageId))
                .orElseThrow(() -> Problem.notFound("Abuse message not found"));
        boolean author = message.account() != null && message.account().id() == user.accountId();
        if (!author && !user.role().atLeast(UserRole.MODERATOR)) {
            throw Problem.forbidden("Cannot delete this abuse message");
        }
        abuses.deleteMessage(abuse.id(), message.id());
        return Response.noContent().build();
    }

    // ---- helpers

    /** The report, if the caller is its (local) reporter or a moderator; reports from elsewhere have no messages. */
    private Abuse findForConversation(SecurityContext security, String id) {
        User user = Caller.require(security);
        Abuse abuse = find(id);
        boolean reporter = abuse.reporter() != null && abuse.reporter().id() == user.accountId();
        if (!reporter && !user.role().atLeast(UserRole.MODERATOR)) {
            throw Problem.forbidden("Cannot access this abuse");
        }
        if (abuse.remote()) {
            throw Problem.invalidParam("id", "Messages are only for abuses reported by users of this instance");
        }
        return abuse;
    }

    private Abuse find(String id) {
        return abuses.find(VideoAccess.commentId("id", id)).orElseThrow(() -> Problem.notFound("Abuse not found"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> body, String name) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object body is required");
        }
        Object value = body.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(name, name + " must be an object");
        }
        return (Map<String, Object>) map;
    }

    static List<AbusePredefinedReason> predefinedReasons(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> names)) {
            throw new InvalidInputException("predefinedReasons", "predefinedReasons must be a list");
        }
        List<AbusePredefinedReason> reasons = new ArrayList<>();
        for (Object name : names) {
            reasons.add(AbusePredefinedReason.byWireName(String.valueOf(name)).orElseThrow(() ->
                    new InvalidInputException("predefinedReasons", "unknown predefined reason " + name)));
        }
        return reasons;
    }

    private static Integer seconds(Body body, String name) {
        Long value;
        try {
            value = body.integer(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("video." + name, "video." + name + " must be a number of seconds");
        }
        if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
            throw new InvalidInputException("video." + name, "video." + name + " must be a number of seconds");
        }
        return value == null ? null : value.intValue();
    }

    private static long requiredId(Map<String, Object> object, String param) {
        Object id = object.get("id");
        if (id instanceof Integer || id instanceof Long) {
            return ((Number) id).longValue();
        }
        if (id instanceof String text && text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new InvalidInputException(param, param + " must be an id");
    }

    static Long optionalId(String param, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return VideoAccess.commentId(param, raw);
    }

    static AbusePredefinedReason reason(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return AbusePredefinedReason.byWireName(raw.trim()).orElseThrow(() ->
                Problem.invalidParam("predefinedReason", "unknown predefined reason"));
    }

    static AbuseState state(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return AbuseState.byId(Integer.parseInt(raw.trim())).orElseThrow();
        } catch (RuntimeException e) {
            throw Problem.invalidParam("state", "state must be 1 (pending), 2 (rejected) or 3 (accepted)");
        }
    }

    private static Boolean videoIs(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw) {
            case "deleted" -> true;
            case "blacklisted" -> null;
            default -> throw Problem.invalidParam("videoIs", "videoIs must be deleted or blacklisted");
        };
    }

    private static AbuseKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw) {
            case "video" -> AbuseKind.VIDEO;
            case "comment" -> AbuseKind.COMMENT;
            case "account" -> AbuseKind.ACCOUNT;
            default -> throw Problem.invalidParam("filter", "filter must be video, comment or account");
        };
    }
}
