package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every REST area a PeerTube client uses beyond users, over HTTP on the real distribution: the routes reach their
 * resources (several share the /api/v1/videos prefix) and answer in PeerTube's shapes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiRoutesIT {
    private static final int PORT = 9185;

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT);
    }

    private Http http() {
        return new Http(PORT);
    }

    private String rootToken() throws Exception {
        return http().login("root", Distribution.ROOT_PASSWORD);
    }

    private Video video(String name, String description, List<String> tags) {
        User root = users.findByUsername("root").orElseThrow();
        return videos.create(new NewVideo(channels.channelsOf(root.accountId()).get(0).id(), name, description, null,
                VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 42, 15, 1, "en", tags, false, true, true, false));
    }

    @Test
    public void searchFindsVideosByWordsAndValidatesFilters() throws Exception {
        http().awaitOk("/api/v1/config");
        video("Glacier hike in the Alps", "Ice and snow everywhere", List.of("mountain"));
        video("Cooking pasta", "A kitchen classic", List.of("food"));
        JsonNode found = http().get("/api/v1/search/videos?search=glacier").json();
        assertEquals(found.toString(), 1, found.path("total").asInt());
        assertEquals("Glacier hike in the Alps", found.path("data").get(0).path("name").asText());
        assertEquals(1, http().get("/api/v1/search/videos?search=mountain").json().path("total").asInt());
        assertEquals(0, http().get("/api/v1/search/videos?search=glacier&categoryOneOf=1").json().path("total").asInt());
        assertEquals(400, http().get("/api/v1/search/videos?search=x&durationMin=10&durationMax=5").status());
        assertEquals(400, http().get("/api/v1/search/videos?search=x&sort=bogus").status());
        assertTrue(http().get("/api/v1/search/video-channels?search=root").json().path("total").asInt() >= 1);
    }

    @Test
    public void commentsRatingsAndViews() throws Exception {
        String root = rootToken();
        Video v = video("Talk about rivers", "Water flows", List.of());
        String base = "/api/v1/videos/" + v.uuid();

        Http.Answer posted = http().json("POST", base + "/comment-threads", root, "{\"text\":\"First!\"}");
        assertEquals(posted.body(), 200, posted.status());
        long threadId = posted.json().path("comment").path("id").asLong();
        assertEquals(200, http().json("POST", "/api/v1/videos/" + v.uuid() + "/comments/" + threadId, root,
                "{\"text\":\"A reply\"}").status());
        assertEquals(400, http().json("POST", base + "/comment-threads", root, "{\"text\":\"\"}").status());
        assertEquals(401, http().json("POST", base + "/comment-threads", null, "{\"text\":\"anonymous\"}").status());
        JsonNode threads = http().get(base + "/comment-threads").json();
        assertEquals(1, threads.path("total").asInt());
        JsonNode tree = http().get(base + "/comment-threads/" + threadId).json();
        assertEquals("A reply", tree.path("children").get(0).path("comment").path("text").asText());

        assertEquals(204, http().json("PUT", base + "/rate", root, "{\"rating\":\"like\"}").status());
        assertEquals(400, http().json("PUT", base + "/rate", root, "{\"rating\":\"love\"}").status());
        assertEquals("like", http().get("/api/v1/users/me/videos/" + v.id() + "/rating", root).json().path("rating").asText());
        assertEquals(204, http().json("POST", base + "/views", null, "{\"currentTime\":1}").status());
        JsonNode details = http().get(base).json();
        assertEquals(1, details.path("likes").asInt());
        assertEquals(1, details.path("views").asInt());

        assertEquals(204, http().json("DELETE", base + "/comments/" + threadId, root, null).status());
    }

    @Test
    public void accountsChannelsAndConstantLists() throws Exception {
        String root = rootToken();
        Http.Answer account = http().get("/api/v1/accounts/root");
        assertEquals("root", account.json().path("name").asText());
        // pages of other origins may call the API, and the preflight of a resumable upload is answered
        assertEquals("*", account.header("Access-Control-Allow-Origin"));
        Http.Answer preflight = http().bytes("OPTIONS", "/api/v1/videos/upload-resumable", null, null, "Origin",
                "https://elsewhere.example", "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers",
                "authorization, content-range");
        assertTrue(preflight.body(), preflight.status() == 200 || preflight.status() == 204);
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PUT"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Content-Range"));
        assertEquals(404, http().get("/api/v1/accounts/nobody").status());
        Http.Answer created = http().json("POST", "/api/v1/video-channels", root,
                "{\"name\":\"nature_docs\",\"displayName\":\"Nature documentaries\"}");
        assertEquals(created.body(), 200, created.status());
        assertEquals(409, http().json("POST", "/api/v1/video-channels", root,
                "{\"name\":\"nature_docs\",\"displayName\":\"Again\"}").status());
        assertEquals("Nature documentaries", http().get("/api/v1/video-channels/nature_docs").json().path("displayName").asText());
        assertTrue(http().get("/api/v1/accounts/root/video-channels").json().path("total").asInt() >= 2);
        assertEquals(200, http().get("/api/v1/video-channels/nature_docs/videos").status());
        assertEquals(204, http().json("DELETE", "/api/v1/video-channels/nature_docs", root, null).status());
        assertEquals(404, http().get("/api/v1/video-channels/nature_docs").status());

        assertEquals("Music", http().get("/api/v1/videos/categories").json().path("1").asText());
        assertEquals("Attribution", http().get("/api/v1/videos/licences").json().path("1").asText());
        assertEquals("English", http().get("/api/v1/videos/languages").json().path("en").asText());
        assertEquals("Public", http().get("/api/v1/videos/privacies").json().path("1").asText());
    }
}
