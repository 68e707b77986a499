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
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.StatsStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /api/v1/videos/{id}/stats/p2p} (ours): what the video's players fetched from peers and from the server,
 * all days together, from their playback metrics; for the video's owner and moderators.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/stats/p2p")
@Produces(MediaType.APPLICATION_JSON)
public final class VideoP2pStatsResource {
    private final StatsStore stats;
    private final VideoAccess access;

    @Activate
    public VideoP2pStatsResource(@Reference StatsStore stats, @Reference VideoStore videos) {
        this.stats = stats;
        this.access = new VideoAccess(videos);
    }

    @GET
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") String id) {
        Video video = access.findManaged(security, id, "Only the video's owner and moderators see its statistics");
        StatsStore.PlaybackBytes bytes = stats.playbackBytes(video.id());
        long total = bytes.fromPeers() + bytes.fromServer();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bytesFromPeers", bytes.fromPeers());
        json.put("bytesFromServer", bytes.fromServer());
        json.put("peerRatio", total == 0 ? 0.0 : (double) bytes.fromPeers() / total);
        return json;
    }
}
