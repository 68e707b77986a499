package org.vidiverse.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
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
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code /api/v1/videos}: the public listing and one video by id, UUID or short UUID. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos")
@Produces(MediaType.APPLICATION_JSON)
public final class VideosResource {
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHORT_UUID = Pattern.compile("[1-9a-km-zA-HJ-NP-Z]{1,24}");

    private final VideoStore videos;
    private final InstanceIdentity instance;

    @Activate
    public VideosResource(@Reference VideoStore videos, @Reference InstanceIdentity instance) {
        this.videos = videos;
        this.instance = instance;
    }

    @GET
    public Map<String, Object> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                    @QueryParam("sort") String sort) {
        Page<Video> page = videos.list(VideoQuery.publicListing(),
                Paging.parse(start, count, sort, 15, "-publishedAt", VideoQuery.SORT_FIELDS));
        return Map.of("total", page.total(), "data", page.map(VideoJson::summary).data());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        Video video = find(id).orElseThrow(() -> Problem.notFound("Video not found"));
        if (video.privacy() == VideoPrivacy.PRIVATE || video.privacy() == VideoPrivacy.INTERNAL
                || video.privacy() == VideoPrivacy.PASSWORD_PROTECTED) {
            throw Problem.unauthorized("Cannot get this private, internal or password protected video without "
                    + "being authenticated");
        }
        return VideoJson.details(video, videos.files(video.id()), instance.publicUrl());
    }

    /** Resolves PeerTube's three ways to name a video; a value that is none of them is a 400. */
    private Optional<Video> find(String id) {
        if (NUMERIC_ID.matcher(id).matches()) {
            return videos.findById(Long.parseLong(id));
        }
        if (UUID.matcher(id).matches()) {
            return videos.findByUuid(id.toLowerCase(java.util.Locale.ROOT));
        }
        if (SHORT_UUID.matcher(id).matches()) {
            return videos.findByShortUuid(id);
        }
        throw Problem.invalidParam("id", "id must be a video id, UUID or short UUID");
    }
}
