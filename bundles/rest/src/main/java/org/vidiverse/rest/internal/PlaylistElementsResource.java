package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/video-playlists/{playlistId}/videos}: a playlist's elements, adding one, changing its start and
 * stop, removing it, and moving a block of them. Reading follows the playlist's visibility; changing needs its
 * owner or an administrator. Elements of videos the caller may not see come without their video.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/video-playlists/{playlistId}/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class PlaylistElementsResource {
    private final PlaylistStore playlists;
    private final WatchHistoryStore history;
    private final PlaylistAccess access;
    private final VideoAccess videos;

    @Activate
    public PlaylistElementsResource(@Reference PlaylistStore playlists, @Reference VideoStore videos,
                                    @Reference WatchHistoryStore history) {
        this.playlists = playlists;
        this.history = history;
        this.access = new PlaylistAccess(playlists);
        this.videos = new VideoAccess(videos);
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @PathParam("playlistId") String id,
                                    @QueryParam("start") String start, @QueryParam("count") String count) {
        var request = Paging.parse(start, count, null, 15, "position", Set.of("position"));
        VideoPlaylist playlist = access.findVisible(id, security);
        Page<VideoPlaylistElement> page = playlists.elements(playlist.id(), request);
        Optional<User> caller = Caller.of(security);
        Map<Long, Integer> times = caller.map(u -> history.currentTimes(u.id(), page.data().stream()
                .map(VideoPlaylistElement::video).filter(java.util.Objects::nonNull).map(Video::id).toList()))
                .orElse(Map.of());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", page.total());
        json.put("data", page.data().stream().map(e -> PlaylistJson.element(e, caller,
                e.video() == null ? null : times.get(e.video().id()))).toList());
        return json;
    }

    @POST
    public Map<String, Object> add(@Context SecurityContext security, @PathParam("playlistId") String id,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        Map<String, Object> fields = Bodies.fields(contentType, body);
        Object rawVideo = fields.get("videoId");
        if (!(rawVideo instanceof String || rawVideo instanceof Integer || rawVideo instanceof Long)) {
            throw Problem.invalidParam("videoId", "videoId must be a video id, UUID or short UUID");
        }
        Integer[] span = timestamps(fields);
        VideoPlaylist playlist = access.find(id);
        Video video = video(String.valueOf(rawVideo));
        PlaylistAccess.manageable(user, playlist, UserRole.ADMINISTRATOR);
        VideoPlaylistElement element = playlists.addElement(playlist.id(), video.id(), span[0], span[1]);
        return Map.of("videoPlaylistElement", Map.of("id", element.id()));
    }

    @PUT
    @Path("{playlistElementId}")
    public Response update(@Context SecurityContext security, @PathParam("playlistId") String id,
                           @PathParam("playlistElementId") String elementId,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        long element = PlaylistAccess.elementId(elementId);
        Integer[] span = timestamps(Bodies.fields(contentType, body));
        VideoPlaylist playlist = managedElement(user, id, element);
        playlists.updateElement(playlist.id(), element, span[0], span[1]);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{playlistElementId}")
    public Response remove(@Context SecurityContext security, @PathParam("playlistId") String id,
                           @PathParam("playlistElementId") String elementId) {
        User user = Caller.require(security);
        long element = PlaylistAccess.elementId(elementId);
        playlists.removeElement(managedElement(user, id, element).id(), element);
        return Response.noContent().build();
    }

    @POST
    @Path("reorder")
    public Response reorder(@Context SecurityContext security, @PathParam("playlistId") String id,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        Body fields = new Body(Bodies.fields(contentType, body));
        int start = position(fields, "startPosition", 1, true);
        int insertAfter = position(fields, "insertAfterPosition", 0, true);
        int length = position(fields, "reorderLength", 1, false);
        VideoPlaylist playlist = PlaylistAccess.manageable(user, access.find(id), UserRole.ADMINISTRATOR);
        playlists.reorder(playlist.id(), start, insertAfter, length);
        return Response.noContent().build();
    }

    private Video video(String id) {
        try {
            return videos.find(id);
        } catch (Problem problem) {
            if (problem.status() == 400) {
                throw Problem.invalidParam("videoId", "videoId must be a video id, UUID or short UUID");
            }
            throw problem;
        }
    }

    /** The playlist when the element is one of its elements and the user may change them. */
    private VideoPlaylist managedElement(User user, String id, long element) {
        VideoPlaylist playlist = access.find(id);
        if (playlists.findElement(playlist.id(), element).isEmpty()) {
            throw Problem.notFound("Video playlist element not found");
        }
        return PlaylistAccess.manageable(user, playlist, UserRole.ADMINISTRATOR);
    }

    /** {@code startTimestamp} and {@code stopTimestamp}: whole seconds from 0, or absent. */
    private static Integer[] timestamps(Map<String, Object> fields) {
        Body body = new Body(fields);
        Integer[] span = new Integer[2];
        List<String> names = List.of("startTimestamp", "stopTimestamp");
        for (int i = 0; i < 2; i++) {
            Long value = body.integer(names.get(i));
            if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
                throw new InvalidInputException(names.get(i), names.get(i) + " must be a number of seconds from 0");
            }
            span[i] = value == null ? null : value.intValue();
        }
        return span;
    }

    private static int position(Body body, String name, int min, boolean required) {
        Long value = body.integer(name);
        if (value == null && !required) {
            return 1;
        }
        if (value == null || value < min || value > Integer.MAX_VALUE) {
            throw new InvalidInputException(name, name + " must be an integer from " + min);
        }
        return value.intValue();
    }
}
