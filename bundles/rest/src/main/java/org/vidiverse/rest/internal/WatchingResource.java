package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
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
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.api.store.WatchHistoryStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code PUT /api/v1/videos/{id}/watching} with {@code {"currentTime": seconds}}: records how far the logged-in
 * user got in a video they may see (204); 409 when the user turned their history off, as PeerTube answers.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/watching")
@Produces(MediaType.APPLICATION_JSON)
public final class WatchingResource {
    private final WatchHistoryStore history;
    private final VideoAccess access;

    @Activate
    public WatchingResource(@Reference WatchHistoryStore history, @Reference VideoStore videos) {
        this.history = history;
        this.access = new VideoAccess(videos);
    }

    @PUT
    public Response watching(@Context SecurityContext security, @PathParam("id") String id,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        int currentTime = currentTime(Bodies.fields(contentType, body));
        Video video = access.findVisible(id, security);
        if (!user.videosHistoryEnabled()) {
            throw new Problem(409, "Video history is disabled", null, null);
        }
        history.record(user.id(), video.id(), currentTime);
        return Response.noContent().build();
    }

    /** Whole seconds from 0; a number or a numeric string, as PeerTube's {@code toIntOrNull} takes it. */
    static int currentTime(Map<String, Object> fields) {
        Object raw = fields.get("currentTime");
        long value;
        if (raw instanceof Integer || raw instanceof Long) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof String s && s.trim().matches("\\d{1,10}")) {
            value = Long.parseLong(s.trim());
        } else {
            throw Problem.invalidParam("currentTime", "currentTime must be an integer");
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw Problem.invalidParam("currentTime", "currentTime must be a number of seconds from 0");
        }
        return (int) value;
    }
}
