package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.api.store.WatchHistoryStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Video playlists, watch history and deleting users over HTTP on the real distribution, good and bad requests
 * alike, with the statuses PeerTube's API answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlaylistsHistoryIT {
    private static final int PORT = 9191;

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    PlaylistStore playlists;
    @Inject
    WatchHistoryStore history;

    @Configuration
    public Option[] config() {
        // every request here comes from 127.0.0.1: lift the per-address login limit (its own unit test covers it)
        return Distribution.options(PORT, KarafDistributionOption.editConfigurationFilePut(
                "etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    // ---- playlists

    @Test
    public void playlistsAreCreatedReadChangedAndDeletedWithPeerTubesRules() throws Exception {
        String alice = newUser("alice", 2);
        String bob = newUser("bob", 2);
        String root = login("root", Distribution.ROOT_PASSWORD);
        long aliceChannel = channelOf("alice");

        assertEquals("Private", http().get("/api/v1/video-playlists/privacies").json().path("3").asText());
        JsonNode mine = http().get("/api/v1/accounts/alice/video-playlists?playlistType=2", alice).json();
        assertEquals(mine.toString(), 1, mine.path("total").asInt());
        JsonNode later = mine.path("data").get(0);
        assertEquals("Watch later", later.path("displayName").asText());
        assertEquals(2, later.path("type").path("id").asInt());
        assertEquals(3, later.path("privacy").path("id").asInt());
        assertEquals(later.path("id").asLong(), http().get("/api/v1/users/me", alice).json().path("specialPlaylists")
                .get(0).path("id").asLong());
        assertEquals("private playlists are not listed to others", 0,
                http().get("/api/v1/accounts/alice/video-playlists").json().path("total").asInt());

        long before = playlists.count();
        assertProblem(http().json("POST", "/api/v1/video-playlists", null, "{\"displayName\":\"x\"}"), 401);
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice, "{\"privacy\":3}"), "displayName");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice,
                "{\"displayName\":\"" + "s".repeat(300) + "\"}"), "displayName");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice,
                "{\"displayName\":\"x\",\"description\":\"t\"}"), "description");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"x\",\"privacy\":45}"),
                "privacy");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice,
                "{\"displayName\":\"x\",\"privacy\":\"public\"}"), "privacy");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"x\",\"privacy\":1}"),
                "videoChannelId");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"x\",\"privacy\":1,"
                + "\"videoChannelId\":" + channelOf("bob") + "}"), "videoChannelId");
        assertInvalid(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"x\",\"privacy\":3,"
                + "\"videoChannelId\":424242}"), "videoChannelId");
        assertProblem(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":"), 400);
        assertEquals("nothing half-written", before, playlists.count());

        JsonNode created = ok(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"Hikes\","
                + "\"description\":\"Mountain walks\",\"privacy\":1,\"videoChannelId\":" + aliceChannel + "}"))
                .path("videoPlaylist");
        long id = created.path("id").asLong();
        for (String ref : List.of(String.valueOf(id), created.path("uuid").asText(), created.path("shortUUID").asText())) {
            JsonNode p = ok(http().get("/api/v1/video-playlists/" + ref));
            assertEquals("Hikes", p.path("displayName").asText());
            assertEquals(1, p.path("privacy").path("id").asInt());
            assertEquals(1, p.path("type").path("id").asInt());
            assertEquals("alice", p.path("ownerAccount").path("name").asText());
            assertEquals("alice_channel", p.path("videoChannel").path("name").asText());
            assertEquals(0, p.path("videosLength").asInt());
            assertTrue(p.path("url").asText().endsWith("/video-playlists/" + created.path("uuid").asText()));
        }
        assertTrue(http().get("/api/v1/video-playlists").body().contains("\"Hikes\""));
        assertTrue(http().get("/api/v1/video-channels/alice_channel/video-playlists").body().contains("\"Hikes\""));
        assertTrue(http().get("/api/v1/accounts/alice/video-playlists?search=hik").body().contains("\"Hikes\""));
        assertEquals(0, http().get("/api/v1/accounts/alice/video-playlists?search=nothing").json().path("total").asInt());
        assertInvalid(http().get("/api/v1/video-playlists?sort=hello"), "sort");
        assertInvalid(http().get("/api/v1/video-playlists?count=-1"), "count");
        assertInvalid(http().get("/api/v1/accounts/alice/video-playlists?playlistType=3"), "playlistType");
        assertProblem(http().get("/api/v1/accounts/nobody/video-playlists"), 404);
        assertProblem(http().get("/api/v1/video-channels/bad_channel/video-playlists"), 404);
        assertInvalid(http().get("/api/v1/video-playlists/toto"), "playlistId");
        assertProblem(http().get("/api/v1/video-playlists/42424242"), 404);

        long secret = ok(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"Secret\"}"))
                .path("videoPlaylist").path("id").asLong();
        assertProblem(http().get("/api/v1/video-playlists/" + secret), 401);
        assertProblem(http().get("/api/v1/video-playlists/" + secret, bob), 403);
        assertEquals(200, http().get("/api/v1/video-playlists/" + secret, root).status());
        assertFalse(http().get("/api/v1/video-playlists").body().contains("\"Secret\""));
        JsonNode unlisted = ok(http().json("POST", "/api/v1/video-playlists", alice, "{\"displayName\":\"Link only\","
                + "\"privacy\":2,\"videoChannelId\":" + aliceChannel + "}")).path("videoPlaylist");
        assertProblem(http().get("/api/v1/video-playlists/" + unlisted.path("id").asLong()), 404);
        assertEquals(200, http().get("/api/v1/video-playlists/" + unlisted.path("uuid").asText()).status());

        String path = "/api/v1/video-playlists/" + id;
        assertProblem(http().json("PUT", path, null, "{\"displayName\":\"Mine now\"}"), 401);
        assertProblem(http().json("PUT", path, bob, "{\"displayName\":\"Mine now\"}"), 403);
        assertProblem(http().json("PUT", "/api/v1/video-playlists/42424242", alice, "{\"displayName\":\"x\"}"), 404);
        assertProblem(http().json("PUT", "/api/v1/video-playlists/" + later.path("id").asLong(), alice,
                "{\"displayName\":\"Renamed\"}"), 400);
        assertInvalid(http().json("PUT", path, alice, "{\"videoChannelId\":null}"), "videoChannelId");
        assertInvalid(http().json("PUT", path, alice, "{\"displayName\":\"" + "s".repeat(121) + "\"}"), "displayName");
        assertEquals("Hikes", ok(http().get(path)).path("displayName").asText());
        assertEquals(204, http().json("PUT", path, alice, "{\"displayName\":\"Alpine hikes\",\"description\":null}")
                .status());
        JsonNode changed = ok(http().get(path));
        assertEquals("Alpine hikes", changed.path("displayName").asText());
        assertTrue(changed.path("description").isNull());

        HttpRequest.Builder multipart = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                        + "/api/v1/video-playlists")).header("Authorization", "Bearer " + alice)
                .header("Content-Type", "multipart/form-data; boundary=vidiverse")
                .POST(HttpRequest.BodyPublishers.ofString("--vidiverse\r\nContent-Disposition: form-data; "
                        + "name=\"displayName\"\r\n\r\nFrom the web form\r\n--vidiverse\r\nContent-Disposition: "
                        + "form-data; name=\"privacy\"\r\n\r\n3\r\n--vidiverse--\r\n"));
        long fromForm = ok(http().send(multipart)).path("videoPlaylist").path("id").asLong();
        assertEquals("From the web form", playlists.findById(fromForm).orElseThrow().displayName());

        assertProblem(http().json("DELETE", "/api/v1/video-playlists/" + later.path("id").asLong(), alice, null), 400);
        assertProblem(http().json("DELETE", path, bob, null), 403);
        assertProblem(http().json("DELETE", path, null, null), 401);
        assertEquals(204, http().json("DELETE", path, alice, null).status());
        assertProblem(http().get(path), 404);
        assertTrue(playlists.findById(later.path("id").asLong()).isPresent());
    }

    @Test
    public void elementsStayInPlaceWithoutGapsAndHideWhatTheCallerMayNotSee() throws Exception {
        String erin = newUser("erin", 2);
        String frank = newUser("frank", 2);
        long list = ok(http().json("POST", "/api/v1/video-playlists", erin, "{\"displayName\":\"Four\",\"privacy\":1,"
                + "\"videoChannelId\":" + channelOf("erin") + "}")).path("videoPlaylist").path("id").asLong();
        String base = "/api/v1/video-playlists/" + list + "/videos";
        List<Video> vs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            vs.add(videos.create(NewVideo.published(channelOf("erin"), "clip " + i)));
        }
        Video franksSecret = videos.create(new NewVideo(channelOf("frank"), "frank's secret", null, null,
                VideoPrivacy.PRIVATE, VideoState.PUBLISHED, 30, null, null, null, List.of(), false, true, true, false));

        assertProblem(http().json("POST", base, null, "{\"videoId\":" + vs.get(0).id() + "}"), 401);
        assertProblem(http().json("POST", base, frank, "{\"videoId\":" + vs.get(0).id() + "}"), 403);
        assertInvalid(http().json("POST", base, erin, "{\"videoId\":\"not a video!\"}"), "videoId");
        assertInvalid(http().json("POST", base, erin, "{}"), "videoId");
        assertProblem(http().json("POST", base, erin, "{\"videoId\":424242}"), 404);
        assertInvalid(http().json("POST", base, erin, "{\"videoId\":" + vs.get(0).id() + ",\"startTimestamp\":-42}"),
                "startTimestamp");
        assertInvalid(http().json("POST", base, erin, "{\"videoId\":" + vs.get(0).id() + ",\"stopTimestamp\":\"toto\"}"),
                "stopTimestamp");
        assertInvalid(http().json("POST", "/api/v1/video-playlists/toto/videos", erin, "{\"videoId\":1}"), "playlistId");
        assertProblem(http().json("POST", "/api/v1/video-playlists/42424242/videos", erin, "{\"videoId\":"
                + vs.get(0).id() + "}"), 404);
        assertEquals(0, playlists.findById(list).orElseThrow().videosLength());

        List<Long> elements = new ArrayList<>();
        for (Video v : vs) {
            elements.add(ok(http().json("POST", base, erin, "{\"videoId\":\"" + v.uuid() + "\",\"startTimestamp\":2,"
                    + "\"stopTimestamp\":3}")).path("videoPlaylistElement").path("id").asLong());
        }
        long secretElement = ok(http().json("POST", base, erin, "{\"videoId\":" + franksSecret.id() + "}"))
                .path("videoPlaylistElement").path("id").asLong();

        JsonNode asAnyone = ok(http().get(base + "?count=10"));
        assertEquals(5, asAnyone.path("total").asInt());
        JsonNode hidden = asAnyone.path("data").get(4);
        assertEquals(secretElement, hidden.path("id").asLong());
        assertEquals(2, hidden.path("type").asInt());
        assertTrue(hidden.path("video").isNull());
        JsonNode asFrank = ok(http().get(base + "?count=10", frank)).path("data").get(4);
        assertEquals(0, asFrank.path("type").asInt());
        assertEquals("frank's secret", asFrank.path("video").path("name").asText());
        assertEquals(2, asAnyone.path("data").get(0).path("startTimestamp").asInt());

        assertEquals(204, http().json("DELETE", base + "/" + elements.get(1), erin, null).status());
        assertEquals(Arrays.asList("clip 1", "clip 3", "clip 4", null), names(base));
        assertInvalid(http().json("POST", base + "/reorder", erin, "{\"startPosition\":42,\"insertAfterPosition\":0}"),
                "startPosition");
        assertInvalid(http().json("POST", base + "/reorder", erin, "{\"startPosition\":1,\"insertAfterPosition\":-2}"),
                "insertAfterPosition");
        assertInvalid(http().json("POST", base + "/reorder", erin,
                "{\"startPosition\":1,\"insertAfterPosition\":0,\"reorderLength\":\"toto\"}"), "reorderLength");
        assertInvalid(http().json("POST", base + "/reorder", erin,
                "{\"startPosition\":3,\"insertAfterPosition\":0,\"reorderLength\":5}"), "reorderLength");
        assertProblem(http().json("POST", base + "/reorder", frank, "{\"startPosition\":1,\"insertAfterPosition\":2}"),
                403);
        assertEquals(204, http().json("POST", base + "/reorder", erin,
                "{\"startPosition\":3,\"insertAfterPosition\":0,\"reorderLength\":2}").status());
        assertEquals(Arrays.asList("clip 4", null, "clip 1", "clip 3"), names(base));
        assertEquals(204, http().json("POST", base + "/reorder", erin,
                "{\"startPosition\":1,\"insertAfterPosition\":4}").status());
        assertEquals(Arrays.asList(null, "clip 1", "clip 3", "clip 4"), names(base));

        String element = base + "/" + elements.get(0);
        assertEquals(204, http().json("PUT", element, erin, "{\"startTimestamp\":1,\"stopTimestamp\":9}").status());
        assertEquals(9, playlists.findElement(list, elements.get(0)).orElseThrow().stopTimestamp().intValue());
        assertInvalid(http().json("PUT", element, erin, "{\"stopTimestamp\":-42}"), "stopTimestamp");
        assertInvalid(http().json("PUT", base + "/toto", erin, "{\"startTimestamp\":1}"), "playlistElementId");
        assertProblem(http().json("PUT", base + "/888888", erin, "{\"startTimestamp\":1}"), 404);
        assertProblem(http().json("PUT", element, frank, "{\"startTimestamp\":1}"), 403);
        assertProblem(http().json("DELETE", element, frank, null), 403);

        String exist = "/api/v1/users/me/video-playlists/videos-exist?videoIds=" + vs.get(0).id() + "&videoIds="
                + vs.get(1).id();
        assertProblem(http().get(exist), 401);
        assertInvalid(http().get("/api/v1/users/me/video-playlists/videos-exist?videoIds=toto", erin), "videoIds");
        assertInvalid(http().get("/api/v1/users/me/video-playlists/videos-exist?videoIds=1&videoIds=toto", erin),
                "videoIds");
        JsonNode places = ok(http().get(exist, erin));
        assertEquals(list, places.path(String.valueOf(vs.get(0).id())).get(0).path("playlistId").asLong());
        assertEquals(elements.get(0).longValue(), places.path(String.valueOf(vs.get(0).id())).get(0)
                .path("playlistElementId").asLong());
        assertEquals(0, places.path(String.valueOf(vs.get(1).id())).size());
        assertEquals(0, ok(http().get(exist, frank)).path(String.valueOf(vs.get(0).id())).size());

        videos.delete(vs.get(0).id());
        JsonNode gone = ok(http().get(base + "?count=10")).path("data").get(1);
        assertEquals(1, gone.path("type").asInt());
        assertTrue(gone.path("video").isNull());
        assertEquals(4, ok(http().get("/api/v1/video-playlists/" + list)).path("videosLength").asInt());
    }

    // ---- watch history

    @Test
    public void watchHistoryRecordsListsAndForgets() throws Exception {
        String gina = newUser("gina", 2);
        Video a = videos.create(NewVideo.published(channelOf("root"), "Alpine lake tour"));
        Video b = videos.create(NewVideo.published(channelOf("root"), "Beach walk"));
        String watching = "/api/v1/videos/" + a.uuid() + "/watching";

        assertProblem(http().json("PUT", watching, null, "{\"currentTime\":5}"), 401);
        assertInvalid(http().json("PUT", watching, gina, "{\"currentTime\":\"soon\"}"), "currentTime");
        assertInvalid(http().json("PUT", watching, gina, "{}"), "currentTime");
        assertProblem(http().json("PUT", "/api/v1/videos/424242/watching", gina, "{\"currentTime\":5}"), 404);
        assertEquals(204, http().json("PUT", watching, gina, "{\"currentTime\":5}").status());
        assertEquals(204, http().json("PUT", watching, gina, "{\"currentTime\":12}").status());
        assertEquals(204, http().json("POST", "/api/v1/videos/" + b.uuid() + "/views", gina, "{\"currentTime\":3}")
                .status());

        assertEquals(12, ok(http().get("/api/v1/videos/" + a.uuid(), gina)).path("userHistory").path("currentTime")
                .asInt());
        assertTrue(ok(http().get("/api/v1/videos/" + a.uuid())).path("userHistory").isMissingNode());
        JsonNode mine = ok(http().get("/api/v1/users/me/history/videos", gina));
        assertEquals(2, mine.path("total").asInt());
        assertEquals("Beach walk", mine.path("data").get(0).path("name").asText());
        assertEquals(12, mine.path("data").get(1).path("userHistory").path("currentTime").asInt());
        assertEquals(1, ok(http().get("/api/v1/users/me/history/videos?search=alpine", gina)).path("total").asInt());
        assertProblem(http().get("/api/v1/users/me/history/videos"), 401);
        assertInvalid(http().get("/api/v1/users/me/history/videos?start=-1", gina), "start");
        assertInvalid(http().get("/api/v1/users/me/history/videos?count=101", gina), "count");

        assertProblem(http().json("DELETE", "/api/v1/users/me/history/videos/" + b.id(), null, null), 401);
        assertInvalid(http().json("DELETE", "/api/v1/users/me/history/videos/hi", gina, null), "videoId");
        assertEquals(204, http().json("DELETE", "/api/v1/users/me/history/videos/" + b.id(), gina, null).status());
        assertEquals(1, ok(http().get("/api/v1/users/me/history/videos", gina)).path("total").asInt());
        assertProblem(http().json("POST", "/api/v1/users/me/history/videos/remove", null, "{}"), 401);
        assertInvalid(http().json("POST", "/api/v1/users/me/history/videos/remove", gina, "{\"beforeDate\":\"15\"}"),
                "beforeDate");
        assertEquals(204, http().json("POST", "/api/v1/users/me/history/videos/remove", gina,
                "{\"beforeDate\":\"2000-01-01T00:00:00.000Z\"}").status());
        assertEquals(1, ok(http().get("/api/v1/users/me/history/videos", gina)).path("total").asInt());
        assertEquals(204, http().json("POST", "/api/v1/users/me/history/videos/remove", gina,
                "{\"beforeDate\":\"" + Instant.now().plusSeconds(5) + "\"}").status());
        assertEquals(0, ok(http().get("/api/v1/users/me/history/videos", gina)).path("total").asInt());
        assertEquals(204, http().json("PUT", watching, gina, "{\"currentTime\":1}").status());
        assertEquals(204, http().json("POST", "/api/v1/users/me/history/videos/remove", gina, null).status());
        assertEquals(0, ok(http().get("/api/v1/users/me/history/videos", gina)).path("total").asInt());

        assertTrue(ok(http().get("/api/v1/users/me", gina)).path("videosHistoryEnabled").asBoolean());
        assertInvalid(http().json("PUT", "/api/v1/users/me", gina, "{\"videosHistoryEnabled\":\"maybe\"}"),
                "videosHistoryEnabled");
        assertEquals(204, http().json("PUT", "/api/v1/users/me", gina, "{\"videosHistoryEnabled\":false}").status());
        assertFalse(ok(http().get("/api/v1/users/me", gina)).path("videosHistoryEnabled").asBoolean());
        assertProblem(http().json("PUT", watching, gina, "{\"currentTime\":7}"), 409);
        assertEquals(204, http().json("POST", "/api/v1/videos/" + b.uuid() + "/views", gina, "{\"currentTime\":4}")
                .status());
        assertEquals(0, ok(http().get("/api/v1/users/me/history/videos", gina)).path("total").asInt());
    }

    // ---- deleting users

    @Test
    public void deletingAUserTakesEverythingOfTheirsInOneGo() throws Exception {
        String root = login("root", Distribution.ROOT_PASSWORD);
        String hank = newUser("hank", 2);
        newUser("ivy", 2);
        String mod = newUser("moe", 1);
        newUser("mona", 1);
        String ivy = login("ivy", "ivy-pass");
        User hankUser = users.findByUsername("hank").orElseThrow();
        Video rootVideo = videos.create(NewVideo.published(channelOf("root"), "root's talk"));
        Video hankVideo = videos.create(NewVideo.published(channelOf("hank"), "hank's clip"));

        String rootBase = "/api/v1/videos/" + rootVideo.uuid();
        ok(http().json("POST", rootBase + "/comment-threads", hank, "{\"text\":\"hank was here\"}"));
        assertEquals(204, http().json("PUT", rootBase + "/rate", hank, "{\"rating\":\"like\"}").status());
        assertEquals(204, http().json("POST", "/api/v1/users/me/subscriptions", hank, "{\"uri\":\"root_channel\"}")
                .status());
        assertEquals(204, http().json("PUT", rootBase + "/watching", hank, "{\"currentTime\":3}").status());
        long rootLater = playlists.watchLaterOf(users.findByUsername("root").orElseThrow().accountId()).orElseThrow()
                .id();
        ok(http().json("POST", "/api/v1/video-playlists/" + rootLater + "/videos", root,
                "{\"videoId\":" + hankVideo.id() + "}"));
        ok(http().json("POST", "/api/v1/video-playlists", hank, "{\"displayName\":\"hank's list\"}"));
        assertEquals(1, videos.findById(rootVideo.id()).orElseThrow().likes());
        assertEquals(1, channels.findLocalChannel("root_channel").orElseThrow().followersCount());

        String path = "/api/v1/users/" + hankUser.id();
        assertProblem(http().json("DELETE", path, null, null), 401);
        assertProblem(http().json("DELETE", path, ivy, null), 403);
        assertInvalid(http().json("DELETE", "/api/v1/users/abc", root, null), "id");
        assertProblem(http().json("DELETE", "/api/v1/users/424242", root, null), 404);
        long rootId = users.findByUsername("root").orElseThrow().id();
        assertProblem(http().json("DELETE", "/api/v1/users/" + rootId, root, null), 400);
        assertProblem(http().json("DELETE", "/api/v1/users/" + rootId, mod, null), 400);
        long moeId = users.findByUsername("moe").orElseThrow().id();
        assertProblem(http().json("DELETE", "/api/v1/users/" + moeId, mod, null), 400);
        assertProblem(http().json("DELETE", "/api/v1/users/" + users.findByUsername("mona").orElseThrow().id(), mod,
                null), 403);
        assertTrue(users.findByUsername("hank").isPresent());

        assertEquals(204, http().json("DELETE", path, mod, null).status());
        assertTrue(users.findByUsername("hank").isEmpty());
        assertProblem(http().get("/api/v1/users/me", hank), 401);
        assertProblem(http().get("/api/v1/accounts/hank"), 404);
        assertProblem(http().get("/api/v1/video-channels/hank_channel"), 404);
        assertTrue(videos.findById(hankVideo.id()).isEmpty());
        Video rootAfter = videos.findById(rootVideo.id()).orElseThrow();
        assertEquals(0, rootAfter.likes());
        assertEquals(0, rootAfter.commentsCount());
        assertEquals(0, http().get(rootBase + "/comment-threads").json().path("total").asInt());
        assertEquals(0, channels.findLocalChannel("root_channel").orElseThrow().followersCount());
        JsonNode place = ok(http().get("/api/v1/video-playlists/" + rootLater + "/videos", root)).path("data").get(0);
        assertEquals("root's watch later keeps the place of hank's video", 1, place.path("type").asInt());
        assertProblem(http().json("DELETE", path, root, null), 404);
    }

    // ---- helpers

    private Http http() {
        return new Http(PORT);
    }

    /** Creates a user through the API (role 2 user, 1 moderator) and logs them in; the password is name-pass. */
    private String newUser(String name, int role) throws Exception {
        String root = login("root", Distribution.ROOT_PASSWORD);
        Http.Answer created = http().json("POST", "/api/v1/users", root, "{\"username\":\"" + name + "\",\"email\":\""
                + name + "@example.org\",\"password\":\"" + name + "-pass\",\"role\":" + role + "}");
        assertEquals(created.body(), 200, created.status());
        return login(name, name + "-pass");
    }

    private long channelOf(String username) {
        return channels.channelsOf(users.findByUsername(username).orElseThrow().accountId()).get(0).id();
    }

    private List<String> names(String elementsPath) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode e : ok(http().get(elementsPath + "?count=20")).path("data")) {
            names.add(e.path("video").isNull() ? null : e.path("video").path("name").asText());
            assertEquals(e.toString(), names.size(), e.path("position").asInt());
        }
        return names;
    }

    private String login(String username, String password) throws Exception {
        return http().login(username, password);
    }

    private static JsonNode ok(Http.Answer answer) {
        assertEquals(answer.body(), 200, answer.status());
        return answer.json();
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
    }

    private static void assertInvalid(Http.Answer answer, String param) {
        assertProblem(answer, 400);
        assertTrue(answer.body(), answer.json().path("invalid-params").has(param));
    }
}
