package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
import org.vidiverse.api.media.MediaPipeline;
import org.vidiverse.api.media.MediaPipeline.TranscodingProgress;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /api/v1/videos/{id}/processing} (ours; PeerTube shows its uploaders the state only): the video's state
 * and, while it waits for or goes through transcoding, how far that got:
 * {@code {state: {id, label}, transcoding: {running, progress, jobsAhead} | null}}. For the video's owner and
 * moderators; the web interface polls it after an upload.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/videos/{id}/processing")
@Produces(MediaType.APPLICATION_JSON)
public final class VideoProcessingResource {
    private final MediaPipeline pipeline;
    private final VideoAccess access;

    @Activate
    public VideoProcessingResource(@Reference MediaPipeline pipeline, @Reference VideoStore videos) {
        this.pipeline = pipeline;
        this.access = new VideoAccess(videos);
    }

    @GET
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") String id) {
        Video video = access.findManaged(security, id, "Only the video's owner and moderators see its processing");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", Labels.idLabel(video.state().id(), video.state().label()));
        Optional<TranscodingProgress> progress = video.local() ? pipeline.transcodingProgress(video.id())
                : Optional.empty();
        json.put("transcoding", progress.map(p -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("running", p.running());
            t.put("progress", p.percent());
            t.put("jobsAhead", p.jobsAhead());
            return t;
        }).orElse(null));
        return json;
    }
}
