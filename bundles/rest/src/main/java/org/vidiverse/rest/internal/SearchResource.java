package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.VideoSearch;
import org.vidiverse.api.store.VideoSearch.ChannelMatch;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/search/videos} and {@code /api/v1/search/video-channels}: PeerTube's search over what this
 * instance knows (its own content and what federation brought). Only public, published videos are found.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
    /** Support links and the access hint of monetization plugins; replaced by the DS-managed one. */
    @org.osgi.service.component.annotations.Reference
    Monetization monetization = new Monetization();
    private final VideoSearch search;
    private final InstanceSettings settings;

    @Activate
    public SearchResource(@Reference VideoSearch search, @Reference InstanceSettings settings) {
        this.search = search;
        this.settings = settings;
    }

    @GET
    @Path("videos")
    public Map<String, Object> videos(@Context UriInfo uri, @Context javax.ws.rs.core.SecurityContext security) {
        SearchParams params = new SearchParams(uri.getQueryParameters());
        // without nsfw=..., a visitor sees what their NSFW policy (or the instance's) lists
        Boolean nsfw = SearchParams.nsfwByPolicy(security, settings);
        Page<Video> page = search.videos(params.videoQuery(nsfw), params.videoPage());
        Monetization.Links links = monetization.links();
        return Map.of("total", page.total(), "data", page.map(v -> links.video(VideoJson.summary(v), v)).data());
    }

    @GET
    @Path("video-channels")
    public Map<String, Object> channels(@Context UriInfo uri) {
        SearchParams params = new SearchParams(uri.getQueryParameters());
        Page<ChannelMatch> page = search.channels(params.search(), params.channelPage());
        Monetization.Links links = monetization.links();
        return Map.of("total", page.total(), "data",
                page.map(m -> links.channel(ChannelJson.of(m), m.channel().id())).data());
    }
}
