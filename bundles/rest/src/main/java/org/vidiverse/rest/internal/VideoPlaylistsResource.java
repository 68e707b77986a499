package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

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
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.store.PlaylistQuery;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/video-playlists}: public playlists, creating a playlist, reading, changing and deleting one, and
 * the privacy labels. Bodies come as JSON, form fields or multipart text fields; a thumbnail file is not stored
 * (playlists have no thumbnail yet). The watch later playlist can be neither changed nor deleted (400).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/video-playlists")
@Produces(MediaType.APPLICATION_JSON)
public final class VideoPlaylistsResource {
    private final PlaylistStore playlists;
    private final InstanceIdentity instance;
    private final PlaylistAccess access;

    @Activate
    public VideoPlaylistsResource(@Reference PlaylistStore playlists, @Reference InstanceIdentity instance) {
        this.playlists = playlists;
        this.instance = instance;
        this.access = new PlaylistAccess(playlists);
    }

    @GET
    public Map<String, Object> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                    @QueryParam("sort") String sort, @QueryParam("playlistType") String type) {
        return page(playlists, instance, PlaylistQuery.publicOnly(), start, count, sort, type);
    }

    /** One page of playlists as PeerTube lists them, for this resource and the account and channel lists. */
    static Map<String, Object> page(PlaylistStore playlists, InstanceIdentity instance, PlaylistQuery query,
                                    String start, String count, String sort, String type) {
        var request = Paging.parse(start, count, sort, 15, "-createdAt", PlaylistStore.SORT_FIELDS);
        Page<VideoPlaylist> page = playlists.list(query.withType(type(type)), request);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", page.total());
        json.put("data", page.data().stream().map(p -> PlaylistJson.playlist(p, instance.publicUrl())).toList());
        return json;
    }

    private static VideoPlaylistType type(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return VideoPlaylistType.byId(Integer.parseInt(raw.trim())).orElseThrow(NumberFormatException::new);
        } catch (NumberFormatException e) {
            throw Problem.invalidParam("playlistType", "playlistType must be 1 (regular) or 2 (watch later)");
        }
    }

    @GET
    @Path("privacies")
    public Map<String, String> privacies() {
        Map<String, String> json = new LinkedHashMap<>();
        for (VideoPlaylistPrivacy privacy : VideoPlaylistPrivacy.values()) {
            json.put(String.valueOf(privacy.id()), privacy.label());
        }
        return json;
    }

    @POST
    public Map<String, Object> create(@Context SecurityContext security,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        PlaylistForm form = PlaylistForm.read(Bodies.fields(contentType, body));
        if (form.displayName() == null) {
            throw Problem.invalidParam("displayName", "displayName is required");
        }
        VideoPlaylist created = playlists.create(user.accountId(), form.displayName(), form.description(),
                form.privacy() == null ? VideoPlaylistPrivacy.PRIVATE : form.privacy(), form.channelId());
        return Map.of("videoPlaylist", ConfigResource.map("id", created.id(), "uuid", created.uuid(),
                "shortUUID", created.shortUuid()));
    }

    @GET
    @Path("{playlistId}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("playlistId") String id) {
        return PlaylistJson.playlist(access.findVisible(id, security), instance.publicUrl());
    }

    @PUT
    @Path("{playlistId}")
    public Response update(@Context SecurityContext security, @PathParam("playlistId") String id,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        PlaylistForm form = PlaylistForm.read(Bodies.fields(contentType, body));
        VideoPlaylist playlist = PlaylistAccess.manageable(user, access.find(id), UserRole.MODERATOR);
        if (playlist.watchLater()) {
            throw Problem.badRequest("Cannot update a watch later playlist.");
        }
        playlists.update(playlist.id(), new PlaylistStore.Change(form.displayName(),
                form.descriptionCleared() ? "" : form.description(), form.privacy(), form.channelId(),
                form.channelCleared()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{playlistId}")
    public Response delete(@Context SecurityContext security, @PathParam("playlistId") String id) {
        User user = Caller.require(security);
        VideoPlaylist playlist = access.find(id);
        if (playlist.watchLater()) {
            throw Problem.badRequest("Cannot delete a watch later playlist.");
        }
        playlists.delete(PlaylistAccess.manageable(user, playlist, UserRole.MODERATOR).id());
        return Response.noContent().build();
    }
}
