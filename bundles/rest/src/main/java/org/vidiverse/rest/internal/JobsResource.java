package org.vidiverse.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.JobQuery;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/jobs/{state}} for administrators, in PeerTube's shape. PeerTube's states map onto the persisted
 * queue: {@code active} is processing, {@code completed} succeeded, {@code failed} failed for good, {@code waiting}
 * is pending and due, {@code delayed} is pending until a retry time; no state lists every job.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@javax.ws.rs.Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobsResource {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Set<String> SORTS = Set.of("createdAt");
    private static final List<String> STATES = List.of("active", "completed", "failed", "waiting", "delayed");
    /** PeerTube's job types (its OpenAPI JobType), which its clients send as {@code jobType}. */
    private static final Set<String> TYPES = Set.of("activitypub-cleaner", "activitypub-follow",
            "activitypub-http-broadcast", "activitypub-http-broadcast-parallel", "activitypub-http-fetcher",
            "activitypub-http-unicast", "activitypub-refresher", "actor-keys", "after-video-channel-import",
            "build-automatic-tags", "build-object-automatic-tags", "create-user-export", "email", "federate-video",
            "generate-video-storyboard", "import-user-archive", "manage-video-torrent", "move-to-file-system",
            "move-to-object-storage", "notify", "transcoding-job-builder", "video-channel-import",
            "video-file-import", "video-files-lifecycle", "video-import", "video-live-ending", "video-redundancy",
            "video-studio-edition", "video-transcoding", "video-transcription", "videos-stats");

    private final JobStore jobs;

    @Activate
    public JobsResource(@Reference JobStore jobs) {
        this.jobs = jobs;
    }

    @GET
    public Map<String, Object> all(@Context SecurityContext security, @QueryParam("jobType") String jobType,
                                   @QueryParam("start") String start, @QueryParam("count") String count,
                                   @QueryParam("sort") String sort) {
        return list(security, "", jobType, start, count, sort);
    }

    @GET
    @Path("{state}")
    public Map<String, Object> list(@Context SecurityContext security, @PathParam("state") String state,
                                    @QueryParam("jobType") String jobType, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        JobQuery query = query(state, Instant.now());
        if (jobType != null && !jobType.isEmpty()) {
            if (!TYPES.contains(jobType)) {
                throw Problem.invalidParam("jobType", "Unknown job type '" + jobType + "'");
            }
            query = query.ofType(jobType);
        }
        Page<Job> page = jobs.list(query, Paging.parse(start, count, sort, 15, "-createdAt", SORTS));
        return Map.of("total", page.total(), "data", page.data().stream().map(JobsResource::json).toList());
    }

    static JobQuery query(String state, Instant now) {
        return switch (state == null ? "" : state) {
            case "" -> JobQuery.all();
            case "active" -> JobQuery.inState(JobState.PROCESSING);
            case "completed" -> JobQuery.inState(JobState.SUCCESS);
            case "failed" -> JobQuery.inState(JobState.FAILED);
            case "waiting" -> JobQuery.waiting(now);
            case "delayed" -> JobQuery.delayed(now);
            default -> throw Problem.invalidParam("state", "Unknown job state '" + state + "': use one of "
                    + String.join(", ", STATES));
        };
    }

    static String peerTubeState(Job job, Instant now) {
        return switch (job.state()) {
            case PROCESSING -> "active";
            case SUCCESS -> "completed";
            case FAILED -> "failed";
            case PENDING -> job.runAfter() != null && job.runAfter().isAfter(now) ? "delayed" : "waiting";
        };
    }

    static Map<String, Object> json(Job job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("state", peerTubeState(job, Instant.now()));
        json.put("type", job.type());
        json.put("data", data(job.payload()));
        json.put("progress", job.progress());
        json.put("attempts", job.attempts());
        json.put("maxAttempts", job.maxAttempts());
        json.put("error", job.error());
        json.put("createdAt", Json.date(job.createdAt()));
        json.put("processedOn", Json.date(job.startedAt()));
        json.put("finishedOn", Json.date(job.finishedAt()));
        json.put("runAfter", Json.date(job.runAfter()));
        return json;
    }

    private static Object data(String payload) {
        if (payload == null || payload.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(payload, Object.class);
        } catch (JsonProcessingException e) {
            return Map.of("raw", payload);   // written by a handler that does not store JSON
        }
    }
}
