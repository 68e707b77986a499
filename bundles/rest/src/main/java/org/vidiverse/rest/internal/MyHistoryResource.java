package org.vidiverse.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.DELETE;
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
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.WatchedVideo;
import org.vidiverse.api.store.VideoSearch;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/users/me/history/videos}: the caller's watch history, last watched first, each video with its
 * {@code userHistory}; forgetting one video, or everything watched before a date.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/history/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class MyHistoryResource {
    private final WatchHistoryStore history;

    @Activate
    public MyHistoryResource(@Reference WatchHistoryStore history) {
        this.history = history;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("search") String search) {
        User user = Caller.require(security);
        var request = Paging.parse(start, count, null, 15, "-updatedAt", Set.of("updatedAt"));
        if (search != null && search.length() > VideoSearch.MAX_SEARCH_LENGTH) {
            throw Problem.invalidParam("search", "search must be at most " + VideoSearch.MAX_SEARCH_LENGTH
                    + " characters");
        }
        Page<WatchedVideo> page = history.list(user.id(), search, request);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", page.total());
        json.put("data", page.data().stream().map(w -> VideoJson.withUserHistory(VideoJson.summary(w.video()),
                w.currentTime())).toList());
        return json;
    }

    @DELETE
    @Path("{videoId}")
    public Response remove(@Context SecurityContext security, @PathParam("videoId") String videoId) {
        User user = Caller.require(security);
        if (!videoId.matches("\\d{1,18}")) {
            throw Problem.invalidParam("videoId", "videoId must be a video id");
        }
        history.remove(user.id(), Long.parseLong(videoId));
        return Response.noContent().build();
    }

    /** Forgets everything watched before {@code beforeDate} (ISO 8601), or everything without one. */
    @POST
    @Path("remove")
    public Response removeAll(@Context SecurityContext security,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        String raw = new Body(Bodies.fields(contentType, body)).string("beforeDate", 64);
        Instant before = null;
        if (raw != null && !raw.isBlank()) {
            before = SearchParams.isoDate(raw.trim());
            if (before == null) {
                throw Problem.invalidParam("beforeDate", "beforeDate must be an ISO 8601 date");
            }
        }
        history.removeAll(user.id(), before);
        return Response.noContent().build();
    }
}
