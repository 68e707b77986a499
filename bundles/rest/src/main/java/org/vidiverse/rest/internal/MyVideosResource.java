package org.vidiverse.rest.internal;

import java.util.Map;

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
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /api/v1/users/me/videos}: the caller's own videos in every privacy and state (uploads still
 * transcoding, private ones, those moderators hold), newest first - what "my videos" pages list.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class MyVideosResource {
    private final VideoStore videos;

    @Activate
    public MyVideosResource(@Reference VideoStore videos) {
        this.videos = videos;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort,
                                    @QueryParam("channelId") String channelId) {
        User user = Caller.require(security);
        Long channel = null;
        if (channelId != null) {
            if (!channelId.matches("\\d{1,18}")) {
                throw Problem.invalidParam("channelId", "channelId must be a channel id");
            }
            channel = Long.parseLong(channelId);
        }
        // every privacy and state, nothing hidden by moderation: the owner sees all of their own
        VideoQuery query = new VideoQuery(null, null, null, channel, user.accountId(), null, null, null, null, null);
        Page<Video> page = videos.list(query, Paging.parse(start, count, sort, 15, "-createdAt",
                VideoQuery.SORT_FIELDS));
        return Map.of("total", page.total(), "data", page.map(VideoJson::summary).data());
    }
}
