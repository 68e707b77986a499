package org.vidiverse.rest.internal;

import java.util.List;
import java.util.Map;

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
import org.vidiverse.api.model.VideoUpdate;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code /api/v1/videos}: the public listing and one video by id, UUID or short UUID. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class VideosResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    /** Support links and the access hint of monetization plugins; replaced by the DS-managed one. */
    @org.osgi.service.component.annotations.Reference
    Monetization monetization = new Monetization();
    private final VideoStore videos;
    private final InstanceIdentity instance;
    private final WatchHistoryStore history;
    private final VideoAccess access;
    private final ContentModeration moderation;
    private final org.vidiverse.api.instance.InstanceSettings settings;
    private final org.vidiverse.api.store.VideoBlacklistStore blacklist;

    @Activate
    public VideosResource(@Reference VideoStore videos, @Reference InstanceIdentity instance,
                          @Reference WatchHistoryStore history, @Reference ContentModeration moderation,
                          @Reference org.vidiverse.api.store.VideoBlacklistStore blacklist,
                          @Reference org.vidiverse.api.instance.InstanceSettings settings) {
        this.videos = videos;
        this.settings = settings;
        this.moderation = moderation;
        this.blacklist = blacklist;
        this.instance = instance;
        this.history = history;
        this.access = new VideoAccess(videos);
    }

    /** Public videos; for a logged-in caller each watched one carries its {@code userHistory}. */
    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort,
                                    @QueryParam("nsfw") String nsfw) {
        VideoQuery pub = VideoQuery.publicListing();
        VideoQuery query = new VideoQuery(pub.privacies(), pub.states(), null, null, null,
                SearchParams.nsfwFilter(nsfw, SearchParams.nsfwByPolicy(security, settings)), null, null, null,
                Moderated.viewer(security));
        Page<Video> page = videos.list(query,
                Paging.parse(start, count, sort, 15, "-publishedAt", VideoQuery.SORT_FIELDS));
        Map<Long, Integer> times = Caller.of(security).map(u -> history.currentTimes(u.id(),
                page.data().stream().map(Video::id).toList())).orElse(Map.of());
        Monetization.Links links = monetization.links();
        return Map.of("total", page.total(), "data", page.map(v -> links.video(
                VideoJson.withUserHistory(VideoJson.summary(v), times.get(v.id())), v)).data());
    }

    /** The whole description, at the {@code descriptionPath} the video JSON names (PeerTube's shape). */
    @GET
    @Path("{id}/description")
    public Map<String, Object> description(@Context SecurityContext security, @PathParam("id") String id) {
        Map<String, Object> json = new java.util.HashMap<>();
        json.put("description", access.findVisible(id, security).description());
        return json;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") String id) {
        Video video = access.findVisible(id, security);
        Integer currentTime = Caller.of(security).map(u -> history.currentTimes(u.id(), List.of(video.id()))
                .get(video.id())).orElse(null);
        Map<String, Object> json = VideoJson.withUserHistory(VideoJson.details(video, videos.files(video.id()),
                videos.hlsPlaylist(video.id()).orElse(null), instance.publicUrl()),
                currentTime);
        monetization.links().video(json, video);
        monetization.withAccess(json, video, Caller.of(security));
        if (video.blacklisted()) {   // only its owner and moderators get this far
            blacklist.find(video.id()).ifPresent(entry -> json.put("blacklistedReason", entry.reason()));
        }
        return json;
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
        VideoUpdate update = moderation.checkEdit(Caller.require(security), video, VideoEdits.read(fields));
        Video after = videos.update(video.id(), update);
        federation.videoEdited(video, after);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        Video video = editable(security, id);
        if (videos.delete(video.id())) {
            federation.tell(p -> p.videoDeleted(video));
        }
        return Response.noContent().build();
    }

    /** The video if the caller owns it or moderates: anonymous 401, others 403, unknown 404. */
    private Video editable(SecurityContext security, String id) {
        return access.findManaged(security, id, "Cannot manage a video of another user");
    }
}
