package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;

public class RestUnitTest {
    private static final Set<String> SORTS = Set.of("name", "publishedAt");

    @Test
    public void pagingDefaultsAndParses() {
        PageRequest page = Paging.parse(null, null, null, 15, "-publishedAt", SORTS);
        assertEquals(0, page.start());
        assertEquals(15, page.count());
        assertTrue(page.descending());
        assertEquals("name", Paging.parse("5", "100", "name", 15, "-publishedAt", SORTS).sort());
    }

    @Test
    public void badPagingIsA400NamingTheParameter() {
        String[][] cases = {{"-1", null, null, "start"}, {"x", null, null, "start"}, {null, "101", null, "count"},
                {null, "1.5", null, "count"}, {null, null, "password", "sort"}, {null, null, "--name", "sort"}};
        for (String[] c : cases) {
            try {
                Paging.parse(c[0], c[1], c[2], 15, "-publishedAt", SORTS);
                fail("accepted " + String.join(",", String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2])));
            } catch (Problem p) {
                assertEquals(400, p.status());
                assertTrue(p.invalidParams().containsKey(c[3]));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void problemsBecomeProblemJson() {
        Response response = new ProblemMapper().toResponse(Problem.notFound("Video not found"));
        assertEquals(404, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertEquals("Not Found", body.get("title"));
        assertEquals("Video not found", body.get("detail"));
        assertEquals(404, body.get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void unexpectedErrorsAre500WithAnIdAndNoDetails() {
        Response response = new ProblemMapper().toResponse(new IllegalStateException("password=hunter2 at line 3"));
        assertEquals(500, response.getStatus());
        String detail = (String) ((Map<String, Object>) response.getEntity()).get("detail");
        assertTrue(detail, detail.startsWith("Internal server error (error id "));
        assertFalse(detail.contains("hunter2"));
    }

    @Test
    public void jaxRsRoutingErrorsKeepTheirStatus() {
        assertEquals(404, new ProblemMapper().toResponse(new NotFoundException()).getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void videoJsonHasPeerTubeFieldsAndDates() {
        ActorRef channel = new ActorRef(1, "root_channel", "Main root channel", "localhost:9000",
                "http://localhost:9000/video-channels/root_channel");
        ActorRef account = new ActorRef(2, "root", "root", "localhost:9000", "http://localhost:9000/accounts/root");
        Instant created = Instant.parse("2026-11-23T23:17:33Z");
        Video video = new Video(4, "430e98ad-bae9-4c22-9e88-bde4a4110815", "9hgyfN8VHzDmYEBdVnuyb2", "cats",
                "x".repeat(300), null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 30, 15, 1, "fr", List.of("cat"),
                false, true, true, false, 3, 1, 0, 0, true, "http://localhost:9000/videos/watch/430e98ad", channel,
                account, created, created, created, null);
        Map<String, Object> summary = VideoJson.summary(video);
        assertEquals("9hgyfN8VHzDmYEBdVnuyb2", summary.get("shortUUID"));
        assertEquals("2026-11-23T23:17:33.000Z", summary.get("createdAt"));
        assertNull(summary.get("originallyPublishedAt"));
        assertEquals(250, ((String) summary.get("truncatedDescription")).length());
        assertEquals("Science & Technology", ((Map<String, Object>) summary.get("category")).get("label"));
        assertEquals("French", ((Map<String, Object>) summary.get("language")).get("label"));
        assertEquals("root_channel", ((Map<String, Object>) summary.get("channel")).get("name"));

        VideoFile mp4 = new VideoFile(9, 4, 720, 1234, 30, ".mp4", null, "a-720.mp4", null, null);
        VideoFile hls = new VideoFile(10, 4, 720, 999, 30, ".mp4", 1L, "a-720-fragmented.mp4", null, null);
        Map<String, Object> details = VideoJson.details(video, List.of(mp4, hls), "http://localhost:9000");
        assertEquals(300, ((String) details.get("description")).length());
        assertEquals(1, ((List<?>) details.get("files")).size());
        assertEquals(List.of("http://localhost:9000/tracker/announce", "ws://localhost:9000/tracker/socket"),
                details.get("trackerUrls"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void localVideoFilesAndStillsAreServedHere() {
        Video video = new Video(4, "430e98ad-bae9-4c22-9e88-bde4a4110815", "9hgy", "cats", null, null,
                VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 30, null, null, null, List.of(), false, true, true, false,
                0, 0, 0, 0, true, "http://localhost:9000/videos/watch/430e98ad-bae9-4c22-9e88-bde4a4110815",
                LOCAL_CHANNEL, LOCAL_ACCOUNT, CREATED, CREATED, CREATED, null);
        VideoFile mp4 = new VideoFile(9, 4, 720, 1234, 30, ".mp4", null, "a-720.mp4", "t-720.torrent", "abcd");
        Map<String, Object> details = VideoJson.details(video, List.of(mp4), null, "http://localhost:9000");
        assertEquals("/lazy-static/thumbnails/430e98ad-bae9-4c22-9e88-bde4a4110815.jpg", details.get("thumbnailPath"));
        Map<String, Object> file = ((List<Map<String, Object>>) details.get("files")).get(0);
        assertEquals("http://localhost:9000/static/web-videos/a-720.mp4", file.get("fileUrl"));
        assertEquals("http://localhost:9000/download/web-videos/430e98ad-bae9-4c22-9e88-bde4a4110815-720.mp4",
                file.get("fileDownloadUrl"));
        assertEquals("http://localhost:9000/lazy-static/torrents/t-720.torrent", file.get("torrentUrl"));
        assertEquals("http://localhost:9000/download/torrents/t-720.torrent", file.get("torrentDownloadUrl"));
        assertEquals("magnet:?xs=http%3A%2F%2Flocalhost%3A9000%2Flazy-static%2Ftorrents%2Ft-720.torrent"
                + "&xt=urn:btih:abcd&dn=cats&tr=http%3A%2F%2Flocalhost%3A9000%2Ftracker%2Fannounce"
                + "&tr=ws%3A%2F%2Flocalhost%3A9000%2Ftracker%2Fsocket"
                + "&ws=http%3A%2F%2Flocalhost%3A9000%2Fstatic%2Fweb-videos%2Fa-720.mp4", file.get("magnetUri"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void remoteVideoJsonPointsToItsOrigin() {
        String origin = "https://peertube.example.net";
        String uuid = "f1576c16-26a0-4ab3-9c7d-5ab21a47bece";
        ActorRef channel = new ActorRef(7, "bob_channel", "Bob's", "peertube.example.net",
                origin + "/video-channels/bob_channel");
        ActorRef account = new ActorRef(6, "bob", "Bob", "peertube.example.net", origin + "/accounts/bob");
        Video video = new Video(5, uuid, "x", "bench run", null, null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 30,
                null, null, null, List.of(), false, true, true, false, 0, 0, 0, 0, false,
                origin + "/videos/watch/" + uuid, channel, account, CREATED, CREATED, CREATED, null,
                origin + "/lazy-static/thumbnails/814464b4-8397-4c65-8b49-010b838867fa.jpg",
                origin + "/lazy-static/previews/4934f20d-97bb-4d94-a80a-996c5bcd4396.jpg");
        String web = origin + "/static/web-videos/442f7863-400c-4333-a548-68a9db842d3e-1080.mp4";
        String torrent = origin + "/lazy-static/torrents/a4484bd1-c0cc-4291-a43f-8b2503d3518d-1080.torrent";
        VideoFile mp4 = new VideoFile(13, 5, 1080, 23073634, 30, ".mp4", null,
                "442f7863-400c-4333-a548-68a9db842d3e-1080.mp4", "a4484bd1-c0cc-4291-a43f-8b2503d3518d-1080.torrent",
                "e084c514d64d84b41d7d7f9910317550ceaa8ac3", web, torrent);
        String hlsFolder = origin + "/static/streaming-playlists/hls/" + uuid + "/";
        HlsPlaylist hls = new HlsPlaylist(2, 5, "m-master.m3u8", "s-segments-sha256.json",
                hlsFolder + "m-master.m3u8", hlsFolder + "s-segments-sha256.json");
        VideoFile fragmented = new VideoFile(14, 5, 720, 999, 30, ".mp4", 2L, "h-720-fragmented.mp4", null, null,
                hlsFolder + "h-720-fragmented.mp4", null);

        Map<String, Object> details = VideoJson.details(video, List.of(mp4, fragmented), hls,
                "http://localhost:9000");
        assertEquals(false, details.get("isLocal"));
        assertEquals("peertube.example.net", ((Map<String, Object>) details.get("account")).get("host"));
        assertEquals("peertube.example.net", ((Map<String, Object>) details.get("channel")).get("host"));
        assertEquals("stills copied from the origin, named after the video",
                "/lazy-static/thumbnails/" + uuid + ".jpg", details.get("thumbnailPath"));
        assertEquals("/lazy-static/previews/" + uuid + ".jpg", details.get("previewPath"));
        assertEquals(List.of(origin + "/tracker/announce", "wss://peertube.example.net/tracker/socket"),
                details.get("trackerUrls"));

        Map<String, Object> file = ((List<Map<String, Object>>) details.get("files")).get(0);
        assertEquals(web, file.get("fileUrl"));
        assertEquals(web, file.get("fileDownloadUrl"));
        assertEquals(torrent, file.get("torrentUrl"));
        assertEquals(torrent, file.get("torrentDownloadUrl"));
        assertEquals("magnet:?xs=https%3A%2F%2Fpeertube.example.net%2Flazy-static%2Ftorrents%2F"
                + "a4484bd1-c0cc-4291-a43f-8b2503d3518d-1080.torrent"
                + "&xt=urn:btih:e084c514d64d84b41d7d7f9910317550ceaa8ac3"
                + "&dn=bench+run&tr=https%3A%2F%2Fpeertube.example.net%2Ftracker%2Fannounce"
                + "&tr=wss%3A%2F%2Fpeertube.example.net%2Ftracker%2Fsocket"
                + "&ws=https%3A%2F%2Fpeertube.example.net%2Fstatic%2Fweb-videos%2F"
                + "442f7863-400c-4333-a548-68a9db842d3e-1080.mp4", file.get("magnetUri"));

        Map<String, Object> playlist = ((List<Map<String, Object>>) details.get("streamingPlaylists")).get(0);
        assertEquals(hlsFolder + "m-master.m3u8", playlist.get("playlistUrl"));
        assertEquals(hlsFolder + "s-segments-sha256.json", playlist.get("segmentsSha256Url"));
        Map<String, Object> hlsFile = ((List<Map<String, Object>>) playlist.get("files")).get(0);
        assertEquals(hlsFolder + "h-720-fragmented.mp4", hlsFile.get("fileUrl"));
        assertEquals(hlsFolder + "h-720-fragmented.mp4", hlsFile.get("fileDownloadUrl"));
        assertNull(hlsFile.get("torrentUrl"));
        assertNull(hlsFile.get("magnetUri"));

        Video withoutStills = new Video(5, uuid, "x", "bench run", null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 30, null, null, null, List.of(), false, true, true, false, 0, 0, 0, 0, false,
                origin + "/videos/watch/" + uuid, channel, account, CREATED, CREATED, CREATED, null);
        assertNull(VideoJson.summary(withoutStills).get("thumbnailPath"));
        assertNull(VideoJson.summary(withoutStills).get("previewPath"));
    }

    private static final Instant CREATED = Instant.parse("2026-11-23T23:17:33Z");
    private static final ActorRef LOCAL_CHANNEL = new ActorRef(1, "root_channel", "Main root channel",
            "localhost:9000", "http://localhost:9000/video-channels/root_channel");
    private static final ActorRef LOCAL_ACCOUNT = new ActorRef(2, "root", "root", "localhost:9000",
            "http://localhost:9000/accounts/root");
}
