package org.vidiverse.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoUpdate;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code /api/v1/videos}: the public listing and one video by id, UUID or short UUID. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class VideosResource {
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHORT_UUID = Pattern.compile("[1-9a-km-zA-HJ-NP-Z]{1,24}");

    private final VideoStore videos;
    private final InstanceIdentity instance;

    @Activate
    public VideosResource(@Reference VideoStore videos, @Reference InstanceIdentity instance) {
        this.videos = videos;
        this.instance = instance;
    }

    @GET
    public Map<String, Object> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                    @QueryParam("sort") String sort) {
        Page<Video> page = videos.list(VideoQuery.publicListing(),
                Paging.parse(start, count, sort, 15, "-publishedAt", VideoQuery.SORT_FIELDS));
        return Map.of("total", page.total(), "data", page.map(VideoJson::summary).data());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") String id) {
        Video video = find(id).orElseThrow(() -> Problem.notFound("Video not found"));
        if (video.privacy() == VideoPrivacy.PRIVATE || video.privacy() == VideoPrivacy.INTERNAL
                || video.privacy() == VideoPrivacy.PASSWORD_PROTECTED) {
            User user = Caller.of(security).orElseThrow(() -> Problem.unauthorized(
                    "Cannot get this private, internal or password protected video without being authenticated"));
            boolean owner = video.account() != null && video.account().id() == user.accountId();
            boolean allowed = owner || user.role().atLeast(UserRole.MODERATOR)
                    || video.privacy() == VideoPrivacy.INTERNAL;
            if (!allowed) {
                throw Problem.forbidden("Cannot get this private video of another user");
            }
        }
        return VideoJson.details(video, videos.files(video.id()), instance.publicUrl());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateJson(@Context SecurityContext security, @PathParam("id") String id, Map<String, Object> json) {
        return update(security, id, json);
    }

    /** PeerTube's clients send edits as forms (multipart when a thumbnail comes along). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateForm(@Context SecurityContext security, @PathParam("id") String id,
                               MultivaluedMap<String, String> form) {
        Map<String, Object> fields = new java.util.HashMap<>();
        form.forEach((name, values) -> fields.put(name, name.startsWith("tags") ? values
                : values.isEmpty() ? null : values.get(0)));
        return update(security, id, fields);
    }

    private Response update(SecurityContext security, String id, Map<String, Object> fields) {
        Video video = editable(security, id);
        VideoUpdate update = VideoEdits.read(fields);
        videos.update(video.id(), update);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        Video video = editable(security, id);
        videos.delete(video.id());
        return Response.noContent().build();
    }

    /** The video if the caller owns it or moderates: anonymous 401, others 403, unknown 404. */
    private Video editable(SecurityContext security, String id) {
        User user = Caller.require(security);
        Video video = find(id).orElseThrow(() -> Problem.notFound("Video not found"));
        boolean owner = video.account() != null && video.account().id() == user.accountId() && video.local();
        if (!owner && !user.role().atLeast(UserRole.MODERATOR)) {
            throw Problem.forbidden("Cannot manage a video of another user");
        }
        return video;
    }

    /** Resolves PeerTube's three ways to name a video; a value that is none of them is a 400. */
    private Optional<Video> find(String id) {
        if (NUMERIC_ID.matcher(id).matches()) {
            return videos.findById(Long.parseLong(id));
        }
        if (UUID.matcher(id).matches()) {
            return videos.findByUuid(id.toLowerCase(java.util.Locale.ROOT));
        }
        if (SHORT_UUID.matcher(id).matches()) {
            return videos.findByShortUuid(id);
        }
        throw Problem.invalidParam("id", "id must be a video id, UUID or short UUID");
    }
}
