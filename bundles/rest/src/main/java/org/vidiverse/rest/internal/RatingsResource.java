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
import org.vidiverse.api.store.RatingStore;
import org.vidiverse.api.store.RatingStore.Rating;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code PUT /api/v1/videos/{id}/rate}: like, dislike or un-rate a video the caller may see (204). */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/rate")
@Produces(MediaType.APPLICATION_JSON)
public final class RatingsResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private final RatingStore ratings;
    private final VideoAccess access;

    @Activate
    public RatingsResource(@Reference RatingStore ratings, @Reference VideoStore videos) {
        this.ratings = ratings;
        this.access = new VideoAccess(videos);
    }

    /** Takes {@code {"rating": "like"|"dislike"|"none"}} as JSON or as a form field. */
    @PUT
    public Response rate(@Context SecurityContext security, @PathParam("id") String id,
                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        User user = Caller.require(security);
        Rating rating = rating(Bodies.fields(contentType, body));
        Video video = access.findVisible(id, security);
        if (ratings.rate(video.id(), user.accountId(), rating) != rating) {
            federation.tell(p -> p.videoRated(video.id(), user.accountId(), rating.label()));
        }
        return Response.noContent().build();
    }

    private static Rating rating(Map<String, Object> fields) {
        Object raw = fields.get("rating");
        return (raw instanceof String s ? Rating.byLabel(s) : java.util.Optional.<Rating>empty())
                .orElseThrow(() -> Problem.invalidParam("rating", "rating must be like, dislike or none"));
    }
}
