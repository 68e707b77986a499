package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.StatsStore;
import org.vidiverse.rest.api.Problem;

public class OEmbedAndMetricsTest {
    private static final String BASE = "https://video.example.org";
    private final InteractionFakes f = new InteractionFakes();
    private final PlaylistStore noPlaylists = InteractionFakes.proxy(PlaylistStore.class, (name, args) ->
            java.util.Optional.empty());
    private final OEmbedResource oembed = new OEmbedResource(f.videoStore, noPlaylists, () -> BASE);

    /** What addPlayback received: videoId, day, peers, server. */
    private final List<Object[]> added = new ArrayList<>();
    private final StatsStore stats = InteractionFakes.proxy(StatsStore.class, (name, args) -> {
        if (name.equals("addPlayback")) {
            added.add(args);
            return null;
        }
        throw new UnsupportedOperationException(name);
    });
    private final AtomicLong now = new AtomicLong(0);
    private final PlaybackMetricsResource metrics = new PlaybackMetricsResource(stats, f.videoStore,
            new TokenBuckets(3, 1_000, 100, now::get), Clock.fixed(Instant.parse("2026-11-24T23:59:00Z"),
            ZoneOffset.UTC));

    // ---- oEmbed

    @Test
    public void watchUrlsOfBothShapesGiveAnIframeOfTheEmbedPage() {
        Video v = f.video(10, 1, VideoPrivacy.PUBLIC, true);
        for (String url : List.of(BASE + "/w/" + v.shortUuid(), BASE + "/videos/watch/" + v.uuid(),
                BASE + "/w/" + v.uuid() + "?start=10&evil=1")) {
            Map<String, Object> json = oembed.oembed(url, null, null, "json");
            assertEquals("video", json.get("type"));
            assertEquals(560, json.get("width"));
            assertTrue((String) json.get("html"), ((String) json.get("html")).contains(
                    "src=\"" + BASE + "/videos/embed/" + v.uuid()));
            assertEquals("channel", json.get("author_name"));
            assertEquals(BASE + "/lazy-static/previews/" + v.uuid() + ".jpg", json.get("thumbnail_url"));
        }
        String html = (String) oembed.oembed(BASE + "/w/" + v.uuid() + "?start=10&evil=1", null, null, null)
                .get("html");
        assertTrue(html, html.contains("/videos/embed/" + v.uuid() + "?start=10\""));
    }

    @Test
    public void maxSizesShrinkTheEmbedAndDropALargerPicture() {
        Video v = f.video(10, 1, VideoPrivacy.PUBLIC, true);
        Map<String, Object> json = oembed.oembed(BASE + "/w/" + v.shortUuid(), "300", "200", null);
        assertEquals(300, json.get("width"));
        assertEquals(200, json.get("height"));
        assertNull(json.get("thumbnail_url"));
    }

    @Test
    public void titlesAreEscapedInTheHtml() {
        String html = (String) OEmbedResource.json(BASE, "a\"><script>", new ActorRef(1, "c", "C", "h", "u"),
                "/videos/embed/x", null, 1, 1, null, null).get("html");
        assertFalse(html, html.contains("<script>"));
        assertTrue(html, html.contains("title=\"a&quot;&gt;&lt;script&gt;\""));
    }

    @Test
    public void badUrlsAre400UnknownVideos404PrivateOnes403AndXml501() {
        Video priv = f.video(11, 1, VideoPrivacy.PRIVATE, true);
        Video unlisted = f.video(12, 1, VideoPrivacy.UNLISTED, true);
        assertStatus(400, () -> oembed.oembed(null, null, null, null));
        assertStatus(400, () -> oembed.oembed("not a url", null, null, null));
        assertStatus(400, () -> oembed.oembed("https://other.example.com/w/abc", null, null, null));
        assertStatus(400, () -> oembed.oembed(BASE + "/about", null, null, null));
        assertStatus(400, () -> oembed.oembed(BASE + "/w/a/b", null, null, null));
        assertStatus(400, () -> oembed.oembed(BASE + "/w/abc", "wide", null, null));
        assertStatus(400, () -> oembed.oembed(BASE + "/w/abc", null, null, "yaml"));
        assertStatus(501, () -> oembed.oembed(BASE + "/w/abc", null, null, "xml"));
        assertStatus(404, () -> oembed.oembed(BASE + "/w/nosuchvideo", null, null, null));
        assertStatus(404, () -> oembed.oembed(BASE + "/w/p/nosuchplaylist", null, null, null));
        assertStatus(403, () -> oembed.oembed(BASE + "/w/" + priv.uuid(), null, null, null));
        assertStatus(403, () -> oembed.oembed(BASE + "/w/" + unlisted.shortUuid(), null, null, null));
        assertEquals("video", oembed.oembed(BASE + "/w/" + unlisted.uuid(), null, null, null).get("type"));
    }

    // ---- playback metrics

    @Test
    public void aMetricAddsItsBytesToTheVideosDayAndIs204() {
        Video v = f.video(10, 1, VideoPrivacy.PUBLIC, true);
        assertEquals(204, metrics.report("1.2.3.4", metric(v.uuid())).getStatus());
        assertEquals(1, added.size());
        assertEquals(10L, added.get(0)[0]);
        assertEquals(LocalDate.parse("2026-11-24"), added.get(0)[1]);
        assertEquals(5000L, added.get(0)[2]);
        assertEquals(700L, added.get(0)[3]);
        Map<String, Object> none = metric(v.shortUuid());
        none.put("downloadedBytesP2P", 0);
        none.put("downloadedBytesHTTP", 0);
        assertEquals(204, metrics.report("1.2.3.5", none).getStatus());
        assertEquals(1, added.size());
    }

    @Test
    public void badMetricsAre400AndUnknownVideos404AndRecordNothing() {
        f.video(10, 1, VideoPrivacy.PUBLIC, true);
        List<Map<String, Object>> bad = new ArrayList<>();
        for (Object[] change : new Object[][] {{"downloadedBytesP2P", -1}, {"downloadedBytesHTTP", 1.5},
                {"downloadedBytesHTTP", "12abc"}, {"errors", null}, {"playerMode", "flash"}, {"p2pEnabled", "yes"},
                {"fps", -3}, {"uploadedBytesP2P", 1L << 41}, {"videoId", null}, {"videoId", "../x"},
                {"resolutionChanges", true}}) {
            Map<String, Object> m = metric("10");
            m.put((String) change[0], change[1]);
            bad.add(m);
        }
        int client = 0;
        for (Map<String, Object> m : bad) {
            String address = "10.0.0." + client++;
            assertStatus(400, () -> metrics.report(address, m));
        }
        assertStatus(404, () -> metrics.report("10.0.1.1", metric("99")));
        assertTrue(added.isEmpty());
    }

    @Test
    public void eachAddressHasItsOwnTokenBucket() {
        f.video(10, 1, VideoPrivacy.PUBLIC, true);
        for (int i = 0; i < 3; i++) {
            metrics.report("1.1.1.1", metric("10"));
        }
        assertStatus(429, () -> metrics.report("1.1.1.1", metric("10")));
        assertEquals(204, metrics.report("2.2.2.2", metric("10")).getStatus());
        now.addAndGet(1_000);
        assertEquals(204, metrics.report("1.1.1.1", metric("10")).getStatus());
        assertStatus(429, () -> metrics.report("1.1.1.1", metric("10")));
    }

    @Test
    public void p2pTotalsAreForTheOwnerAndModeratorsOnly() {
        f.video(10, 1, VideoPrivacy.PUBLIC, true);
        StatsStore totals = InteractionFakes.proxy(StatsStore.class, (name, args) ->
                new StatsStore.PlaybackBytes(300, 100));
        VideoP2pStatsResource p2p = new VideoP2pStatsResource(totals, f.videoStore);
        Map<String, Object> json = p2p.get(InteractionFakes.as(1, org.vidiverse.api.model.UserRole.USER), "10");
        assertEquals(300L, json.get("bytesFromPeers"));
        assertEquals(0.75, (Double) json.get("peerRatio"), 1e-9);
        assertEquals(100L, p2p.get(InteractionFakes.as(7, org.vidiverse.api.model.UserRole.MODERATOR), "10")
                .get("bytesFromServer"));
        assertStatus(403, () -> p2p.get(InteractionFakes.as(2, org.vidiverse.api.model.UserRole.USER), "10"));
        assertStatus(401, () -> p2p.get(InteractionFakes.anonymous(), "10"));
        assertStatus(404, () -> p2p.get(InteractionFakes.as(1, org.vidiverse.api.model.UserRole.USER), "99"));
    }

    @Test
    public void timeseriesDaysAreOneTo365() {
        assertEquals(30, ServerStatsResource.days(null));
        assertEquals(1, ServerStatsResource.days("1"));
        assertEquals(365, ServerStatsResource.days("365"));
        for (String bad : List.of("0", "366", "-1", "x", "1.5")) {
            assertStatus(400, () -> ServerStatsResource.days(bad));
        }
    }

    private static Map<String, Object> metric(String videoId) {
        Map<String, Object> m = new HashMap<>();
        m.put("playerMode", "p2p-media-loader");
        m.put("resolution", 720);
        m.put("fps", 30);
        m.put("p2pEnabled", true);
        m.put("p2pPeers", 2);
        m.put("resolutionChanges", 0);
        m.put("errors", 0);
        m.put("downloadedBytesP2P", 5000);
        m.put("downloadedBytesHTTP", 700);
        m.put("uploadedBytesP2P", 300);
        m.put("bufferStalled", 0);
        m.put("videoId", videoId);
        return m;
    }

    private static void assertStatus(int status, Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected " + status);
        } catch (Problem p) {
            assertEquals(p.getMessage(), status, p.status());
        }
    }
}
