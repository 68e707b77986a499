package org.vidiverse.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.PlaylistStore.ElementOfVideo;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /api/v1/users/me/video-playlists/videos-exist?videoIds=1&videoIds=2}: where the given videos are in
 * the caller's playlists, as {@code {"1": [{playlistElementId, playlistId, startTimestamp, stopTimestamp}], "2": []}}.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/video-playlists")
@Produces(MediaType.APPLICATION_JSON)
public final class MyPlaylistsResource {
    static final int MAX_IDS = 100;

    private final PlaylistStore playlists;

    @Activate
    public MyPlaylistsResource(@Reference PlaylistStore playlists) {
        this.playlists = playlists;
    }

    @GET
    @Path("videos-exist")
    public Map<String, Object> videosExist(@Context SecurityContext security,
                                           @QueryParam("videoIds") List<String> videoIds,
                                           @QueryParam("videoIds[]") List<String> bracketed) {
        User user = Caller.require(security);
        Set<Long> ids = ids(videoIds, bracketed);
        Map<Long, List<ElementOfVideo>> found = playlists.elementsOfVideos(user.accountId(), ids);
        Map<String, Object> json = new LinkedHashMap<>();
        for (long id : ids) {
            json.put(String.valueOf(id), found.getOrDefault(id, List.of()).stream().map(e -> {
                Map<String, Object> place = new LinkedHashMap<>();
                place.put("playlistElementId", e.elementId());
                place.put("playlistId", e.playlistId());
                place.put("startTimestamp", e.startTimestamp());
                place.put("stopTimestamp", e.stopTimestamp());
                return place;
            }).toList());
        }
        return json;
    }

    private static Set<Long> ids(List<String> plain, List<String> bracketed) {
        List<String> raw = new ArrayList<>(plain == null ? List.of() : plain);
        raw.addAll(bracketed == null ? List.of() : bracketed);
        if (raw.isEmpty() || raw.size() > MAX_IDS) {
            throw Problem.invalidParam("videoIds", "videoIds must list 1 to " + MAX_IDS + " video ids");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null || !value.trim().matches("[1-9]\\d{0,17}")) {
                throw Problem.invalidParam("videoIds", "videoIds must be video ids");
            }
            ids.add(Long.parseLong(value.trim()));
        }
        return ids;
    }
}
