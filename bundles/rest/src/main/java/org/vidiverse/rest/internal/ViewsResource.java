package org.vidiverse.rest.internal;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;
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
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.RatingStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code POST /api/v1/videos/{id}/views}: a player reports watching (204), anonymously allowed as in PeerTube.
 * The body carries {@code currentTime} (required, seconds, not past the video's duration when it is known) and
 * optionally {@code viewEvent} ({@code seek}). A client (its IP address) counts one view per video per minute.
 * For a logged-in user whose history is on, the report also moves their watch history, as PeerTube 6 does.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/views")
@Produces(MediaType.APPLICATION_JSON)
public final class ViewsResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    static final long WINDOW_MS = 60_000;
    static final int CAPACITY = 100_000;

    private final RatingStore ratings;
    private final WatchHistoryStore history;
    private final VideoAccess access;
    private final RecentViews recent;

    @Activate
    public ViewsResource(@Reference RatingStore ratings, @Reference VideoStore videos,
                         @Reference WatchHistoryStore history) {
        this(ratings, videos, history, new RecentViews(WINDOW_MS, CAPACITY, System::currentTimeMillis));
    }

    ViewsResource(RatingStore ratings, VideoStore videos, WatchHistoryStore history, RecentViews recent) {
        this.ratings = ratings;
        this.history = history;
        this.access = new VideoAccess(videos);
        this.recent = recent;
    }

    @POST
    public Response view(@Context HttpServletRequest request, @Context SecurityContext security,
                         @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         String body) {
        return view(request.getRemoteAddr(), id, Bodies.fields(contentType, body), Caller.of(security));
    }

    Response view(String client, String id, Map<String, Object> fields) {
        return view(client, id, fields, java.util.Optional.empty());
    }

    Response view(String client, String id, Map<String, Object> fields, java.util.Optional<User> user) {
        long currentTime = currentTime(fields.get("currentTime"));
        Object event = fields.get("viewEvent");
        if (event != null && !"seek".equals(event)) {
            throw Problem.invalidParam("viewEvent", "viewEvent must be seek");
        }
        Video video = access.find(id);
        if (currentTime < 0 || video.duration() > 0 && currentTime > video.duration()) {
            throw Problem.badRequest("Current time " + currentTime + " is invalid (video " + video.uuid()
                    + " duration: " + video.duration() + ")");
        }
        if (recent.firstView(client, video.id())) {
            ratings.addView(video.id());
            federation.tell(p -> p.videoViewed(video.id()));
        }
        if (user.isPresent() && user.get().videosHistoryEnabled()) {
            history.record(user.get().id(), video.id(), (int) Math.min(currentTime, Integer.MAX_VALUE));
        }
        return Response.noContent().build();
    }

    /** Like PeerTube's {@code toIntOrNull}: a number or a numeric string, decimals cut off. */
    private static long currentTime(Object raw) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        if (raw instanceof String s && s.trim().matches("-?\\d{1,12}(\\.\\d*)?")) {
            return (long) Double.parseDouble(s.trim());
        }
        throw Problem.invalidParam("currentTime", "currentTime must be an integer");
    }
}
