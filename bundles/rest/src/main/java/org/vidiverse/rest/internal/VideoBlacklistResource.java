package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
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
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.VideoBlacklistStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * PeerTube's video block list ("blacklist"): {@code POST/PUT/DELETE /api/v1/videos/{id}/blacklist} and
 * {@code GET /api/v1/videos/blacklist}, for moderators. A blocked local video is withdrawn from the instances that
 * had it (a Delete) and sent again when it is unblocked; a blocked remote video is only hidden here.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class VideoBlacklistResource {
    private static final Logger LOG = LoggerFactory.getLogger(VideoBlacklistResource.class);
    private static final Set<String> SORTS = Set.of("createdAt", "name");

    @Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private final VideoBlacklistStore blacklist;
    private final VideoStore videos;
    private final VideoAccess access;

    @Activate
    public VideoBlacklistResource(@Reference VideoBlacklistStore blacklist, @Reference VideoStore videos) {
        this.blacklist = blacklist;
        this.videos = videos;
        this.access = new VideoAccess(videos);
    }

    @GET
    @Path("blacklist")
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("type") String type,
                                    @QueryParam("search") String search, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Caller.requireRole(security, UserRole.MODERATOR);
        VideoBlacklist.Type wanted = type(type);
        Page<VideoBlacklist> page = blacklist.list(wanted, search,
                Paging.parse(start, count, sort, 15, "-createdAt", SORTS));
        return Map.of("total", page.total(), "data", page.map(VideoBlacklistResource::json).data());
    }

    @POST
    @Path("{id}/blacklist")
    public Response block(@Context SecurityContext security, @PathParam("id") String id,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User moderator = Caller.requireRole(security, UserRole.MODERATOR);
        Body fields = new Body(Bodies.fields(contentType, body));
        String reason = fields.string("reason", 300);
        boolean unfederate = Boolean.TRUE.equals(fields.bool("unfederate"));
        Video video = access.find(id);
        try {
            blacklist.block(video.id(), reason, VideoBlacklist.Type.MANUAL, unfederate && video.local());
        } catch (DuplicateException e) {
            throw new Problem(409, "This video is already blocked", null, null);
        }
        LOG.info("{} blocked video {} ({}): {}", moderator.username(), video.uuid(), video.name(), reason);
        Video after = videos.findById(video.id()).orElse(video);
        federation.videoEdited(video, after);   // a Delete for the instances that had it
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/blacklist")
    public Response updateReason(@Context SecurityContext security, @PathParam("id") String id,
                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Caller.requireRole(security, UserRole.MODERATOR);
        String reason = new Body(Bodies.fields(contentType, body)).string("reason", 300);
        Video video = access.find(id);
        if (blacklist.find(video.id()).isEmpty()) {
            throw Problem.notFound("Blacklisted video not found");
        }
        blacklist.updateReason(video.id(), reason);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/blacklist")
    public Response unblock(@Context SecurityContext security, @PathParam("id") String id) {
        User moderator = Caller.requireRole(security, UserRole.MODERATOR);
        Video video = access.find(id);
        if (blacklist.unblock(video.id()).isEmpty()) {
            throw Problem.notFound("Blacklisted video not found");
        }
        LOG.info("{} unblocked video {} ({})", moderator.username(), video.uuid(), video.name());
        videos.findById(video.id()).ifPresent(after -> federation.videoEdited(video, after));
        return Response.noContent().build();
    }

    static VideoBlacklist.Type type(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return VideoBlacklist.Type.of(Integer.parseInt(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw Problem.invalidParam("type", "type must be 1 (manual) or 2 (automatic)");
        }
    }

    static Map<String, Object> json(VideoBlacklist entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.video().id());
        json.put("videoId", entry.video().id());
        json.put("createdAt", Json.date(entry.createdAt()));
        json.put("updatedAt", Json.date(entry.updatedAt()));
        json.put("reason", entry.reason());
        json.put("unfederated", entry.unfederated());
        json.put("type", entry.type().id());
        json.put("video", VideoJson.summary(entry.video()));
        return json;
    }
}
