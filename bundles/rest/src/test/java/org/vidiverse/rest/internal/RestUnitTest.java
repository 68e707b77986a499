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
}
