package org.vidiverse.rest.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.StatsStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code POST /api/v1/metrics/playback}: a player's report, PeerTube's {@code PlaybackMetricCreate}, anonymous
 * allowed (204). The byte counts are what the player fetched since its previous report, as PeerTube's player sends
 * them; they are added to the video's aggregate of the day, which the admin dashboard plots. Each client address
 * has a token bucket, so one client cannot flood the statistics (429 when empty).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/metrics/playback")
@Produces(MediaType.APPLICATION_JSON)
public final class PlaybackMetricsResource {
    static final Set<String> PLAYER_MODES = Set.of("p2p-media-loader", "web-video", "webtorrent");
    /** More bytes than any player fetches between two reports: a larger number is a made-up one. */
    static final long MAX_BYTES = 1L << 40;
    static final long MAX_COUNT = Integer.MAX_VALUE;
    /** A player reports every 15 s or so; bursts of 20, then one report every 2 s per address. */
    static final int BURST = 20;
    static final long REFILL_MILLIS = 2_000;

    private final StatsStore stats;
    private final VideoAccess access;
    private final TokenBuckets buckets;
    private final Clock clock;

    @Activate
    public PlaybackMetricsResource(@Reference StatsStore stats, @Reference VideoStore videos) {
        this(stats, videos, new TokenBuckets(BURST, REFILL_MILLIS, 50_000, System::currentTimeMillis),
                Clock.systemUTC());
    }

    PlaybackMetricsResource(StatsStore stats, VideoStore videos, TokenBuckets buckets, Clock clock) {
        this.stats = stats;
        this.access = new VideoAccess(videos);
        this.buckets = buckets;
        this.clock = clock;
    }

    @POST
    public Response report(@Context HttpServletRequest request,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return report(request.getRemoteAddr(), Bodies.fields(contentType, body));
    }

    Response report(String client, Map<String, Object> fields) {
        if (!buckets.take(client)) {
            throw new Problem(429, "Too many playback metrics from this address, retry later", null, null);
        }
        Object mode = fields.get("playerMode");
        if (!(mode instanceof String m) || !PLAYER_MODES.contains(m)) {
            throw Problem.invalidParam("playerMode", "playerMode must be p2p-media-loader or web-video");
        }
        if (!isBoolean(fields.get("p2pEnabled"))) {
            throw Problem.invalidParam("p2pEnabled", "p2pEnabled must be a boolean");
        }
        for (String optional : new String[] {"resolution", "fps", "p2pPeers", "bufferStalled"}) {
            if (fields.get(optional) != null) {
                count(fields, optional, MAX_COUNT);
            }
        }
        count(fields, "resolutionChanges", MAX_COUNT);
        count(fields, "errors", MAX_COUNT);
        long fromPeers = count(fields, "downloadedBytesP2P", MAX_BYTES);
        long fromServer = count(fields, "downloadedBytesHTTP", MAX_BYTES);
        count(fields, "uploadedBytesP2P", MAX_BYTES);
        Object id = fields.get("videoId");
        if (!(id instanceof String) && !(id instanceof Number)) {
            throw Problem.invalidParam("videoId", "videoId must be a video id, UUID or short UUID");
        }
        Video video = access.find(id.toString());
        if (fromPeers > 0 || fromServer > 0) {
            stats.addPlayback(video.id(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), fromPeers, fromServer);
        }
        return Response.noContent().build();
    }

    private static boolean isBoolean(Object raw) {
        return raw instanceof Boolean || "true".equals(raw) || "false".equals(raw);
    }

    /** A required whole number from 0 to {@code max}, as JSON number or (form bodies) numeric string. */
    static long count(Map<String, Object> fields, String name, long max) {
        Object raw = fields.get(name);
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger) {
            value = ((Number) raw).longValue();
            if (raw instanceof java.math.BigInteger big && big.bitLength() > 62) {
                value = -1;
            }
        } else if (raw instanceof String s && s.matches("\\d{1,15}")) {
            value = Long.parseLong(s);
        } else {
            value = -1;
        }
        if (value < 0 || value > max) {
            throw Problem.invalidParam(name, name + " must be an integer from 0 to " + max);
        }
        return value;
    }
}
