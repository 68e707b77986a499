package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.RatingStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code GET /api/v1/users/me/videos/{videoId}/rating}: the caller's rating of a video, {@code none} if unrated. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/videos/{videoId}/rating")
@Produces(MediaType.APPLICATION_JSON)
public final class MyRatingResource {
    private final RatingStore ratings;
    private final VideoAccess access;

    @Activate
    public MyRatingResource(@Reference RatingStore ratings, @Reference VideoStore videos) {
        this.ratings = ratings;
        this.access = new VideoAccess(videos);
    }

    @GET
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("videoId") String videoId) {
        User user = Caller.require(security);
        Video video = access.find(videoId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("videoId", video.id());
        json.put("rating", ratings.ratingOf(video.id(), user.accountId()).label());
        return json;
    }
}
