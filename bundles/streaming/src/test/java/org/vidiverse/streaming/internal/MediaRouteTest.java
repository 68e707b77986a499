package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class MediaRouteTest {
    private static final String UUID = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";

    @Test
    public void namesAfterThePrefixAreReturned() {
        assertEquals(Optional.of(List.of("abc-720.mp4")),
                MediaRoute.WEB_VIDEOS.names("/static/web-videos/abc-720.mp4"));
        assertEquals(Optional.of(List.of(UUID, UUID + "-master.m3u8")),
                MediaRoute.HLS.names("/static/streaming-playlists/hls/" + UUID + "/" + UUID + "-master.m3u8"));
        assertEquals(Optional.of(List.of("x_1.torrent")), MediaRoute.TORRENTS.names("/lazy-static/torrents/x_1.torrent"));
    }

    @Test
    public void traversalAndOddNamesAreRefused() {
        for (String path : new String[] {
                "/static/web-videos/../etc/passwd",
                "/static/web-videos/..",
                "/static/web-videos/.",
                "/static/web-videos/%2e%2e/%2e%2e/etc/passwd",
                "/static/web-videos/%2E%2E%2Fsecret.mp4",
                "/static/web-videos/..%2fsecret.mp4",
                "/static/web-videos/a%00.mp4",
                "/static/web-videos//etc/passwd",
                "/static/web-videos/a/b.mp4",
                "/static/web-videos/.hidden.mp4",
                "/static/web-videos/..\\windows.ini",
                "/static/web-videos/C:\\boot.ini",
                "/static/web-videos/a b.mp4",
                "/static/web-videos/a.mp4;jsessionid=1",
                "/static/web-videos/",
                "/static/web-videos",
                "/static/web-videosx/a.mp4",
                "/static/web-videos/" + "a".repeat(256)}) {
            assertTrue(path, MediaRoute.WEB_VIDEOS.names(path).isEmpty());
        }
        assertTrue(MediaRoute.HLS.names("/static/streaming-playlists/hls/" + UUID).isEmpty());
        assertTrue(MediaRoute.HLS.names("/static/streaming-playlists/hls/" + UUID + "/../other/x.m3u8").isEmpty());
        assertTrue(MediaRoute.HLS.names("/static/streaming-playlists/hls/../hls/x/y.m3u8").isEmpty());
        assertTrue(MediaRoute.HLS.names("/static/streaming-playlists/hls/" + UUID + "/a/b").isEmpty());
    }

    @Test
    public void everyRouteIsAWhiteboardPatternOfTheServlet() throws Exception {
        // the component description bnd generated from the servlet's @Component properties
        String xml;
        try (var in = getClass().getClassLoader().getResourceAsStream(
                "OSGI-INF/" + StaticFilesServlet.class.getName() + ".xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (MediaRoute route : MediaRoute.values()) {
            assertTrue(route.pattern(), xml.contains(route.pattern()));
            assertEquals(route, StaticFilesServlet.route(route.prefix() + "/x").orElseThrow());
        }
        assertTrue(StaticFilesServlet.route("/api/v1/config").isEmpty());
    }
}
