package org.vidiverse.rest.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.GET;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.StatsStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /api/v1/server/stats}: PeerTube's public {@code ServerStats}, computed at most once per
 * {@value #CACHE_SECONDS} s (the counts are aggregate queries over whole tables). {@code GET
 * /api/v1/server/stats/timeseries?days=N} (ours, administrators only) feeds the admin dashboard: views, uploads and
 * bytes from peers and from the server per UTC day, the media's size and the disk's room, the delivery queue.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@javax.ws.rs.Path("/api/v1/server/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class ServerStatsResource {
    static final int CACHE_SECONDS = 30;
    /** The job type of one activity posted to one remote inbox: the federation delivery queue. */
    static final String DELIVERY_JOB_TYPE = "activitypub-http-unicast";

    private record Cached(Map<String, Object> stats, Instant madeAt) {
    }

    private final StatsStore stats;
    private final MediaStorage media;
    private final Clock clock;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    @Activate
    public ServerStatsResource(@Reference StatsStore stats, @Reference MediaStorage media) {
        this(stats, media, Clock.systemUTC());
    }

    ServerStatsResource(StatsStore stats, MediaStorage media, Clock clock) {
        this.stats = stats;
        this.media = media;
        this.clock = clock;
    }

    @GET
    public Response serverStats() {
        Instant now = clock.instant();
        Cached cached = cache.get();
        if (cached == null || cached.madeAt().plusSeconds(CACHE_SECONDS).isBefore(now)) {
            cached = new Cached(compute(now), now);
            cache.set(cached);
        }
        CacheControl control = new CacheControl();
        control.setMaxAge(CACHE_SECONDS);
        return Response.ok(cached.stats()).cacheControl(control).build();
    }

    private Map<String, Object> compute(Instant now) {
        Map<String, Object> json = new LinkedHashMap<>(stats.totals(now));
        json.put("videosRedundancy", List.of());
        StatsStore.JobCounts deliveries = stats.jobs(DELIVERY_JOB_TYPE, Instant.EPOCH);
        json.put("totalActivityPubMessagesProcessed", deliveries.succeededSince() + deliveries.failed());
        json.put("totalActivityPubMessagesSuccesses", deliveries.succeededSince());
        json.put("totalActivityPubMessagesErrors", deliveries.failed());
        json.put("totalActivityPubMessagesWaiting", deliveries.pending());
        return json;
    }

    @GET
    @javax.ws.rs.Path("timeseries")
    public Map<String, Object> timeseries(@Context SecurityContext security, @QueryParam("days") String days) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        int n = days(days);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("days", stats.days(today.minusDays(n - 1L), today).stream().map(d -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("views", d.views());
            day.put("uploads", d.uploads());
            day.put("bytesFromPeers", d.bytesFromPeers());
            day.put("bytesFromServer", d.bytesFromServer());
            return day;
        }).toList());
        StatsStore.MediaBytes bytes = stats.localMediaBytes();
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("videoFilesBytes", bytes.renditions());
        storage.put("originalFilesBytes", bytes.sources());
        long[] disk = disk(media.root());
        storage.put("diskFreeBytes", disk[0]);
        storage.put("diskTotalBytes", disk[1]);
        json.put("storage", storage);
        StatsStore.JobCounts queue = stats.jobs(DELIVERY_JOB_TYPE, now.minus(Duration.ofDays(1)));
        json.put("deliveryQueue", Map.of("pending", queue.pending(), "failed", queue.failed(),
                "deliveredLast24h", queue.succeededSince()));
        return json;
    }

    static int days(String raw) {
        if (raw == null || raw.isBlank()) {
            return 30;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= 365) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.invalidParam("days", "days must be an integer from 1 to 365");
    }

    /** Usable and total bytes of the file system holding {@code folder} (its nearest existing parent). */
    static long[] disk(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return new long[] {0, 0};
        }
        try {
            FileStore store = Files.getFileStore(p);
            return new long[] {store.getUsableSpace(), store.getTotalSpace()};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
