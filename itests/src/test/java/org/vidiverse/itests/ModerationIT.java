package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Moderation over HTTP as moderators and users meet it: the video block list, the moderation chain on uploads and
 * comments with the watched-words sample plugin hot-deployed (refuse, hold, the queue, the audit log), and users'
 * own block lists.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModerationIT {
    private static final int PORT = 9193;
    private static final String WORDS_PID = "org.vidiverse.sample.watchedwords";
    private static final String POLICY = "watched-words";
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private static final String PASSWORD = "a-long-password-1";

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    ModerationService moderation;
    @Inject
    ConfigurationAdmin configs;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT, org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                .editConfigurationFilePut("etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    private Http http() {
        return new Http(PORT);
    }

    @Test
    public void moderatorBlocksAVideoThatThenOnlyItsOwnerAndModeratorsSee() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        Video video = publishedVideo(alice, "Blocked soon");
        String root = http().login("root", Distribution.ROOT_PASSWORD);
        String aliceToken = http().login(alice.username(), PASSWORD);
        String bobToken = http().login(bob.username(), PASSWORD);
        assertTrue(listedUuids(null).contains(video.uuid()));

        assertEquals(403, http().json("POST", "/api/v1/videos/" + video.id() + "/blacklist", bobToken,
                "{\"reason\":\"I do not like it\"}").status());
        assertEquals(401, http().json("POST", "/api/v1/videos/" + video.id() + "/blacklist", null, "{}").status());
        Http.Answer blocked = http().json("POST", "/api/v1/videos/" + video.id() + "/blacklist", root,
                "{\"reason\":\"copyright\",\"unfederate\":true}");
        assertEquals(blocked.body(), 204, blocked.status());
        assertEquals(409, http().json("POST", "/api/v1/videos/" + video.id() + "/blacklist", root, "{}").status());

        assertFalse(listedUuids(null).contains(video.uuid()));
        assertFalse(listedUuids(bobToken).contains(video.uuid()));
        assertEquals(401, http().get("/api/v1/videos/" + video.uuid()).status());
        assertEquals(403, http().get("/api/v1/videos/" + video.uuid(), bobToken).status());
        JsonNode own = http().get("/api/v1/videos/" + video.uuid(), aliceToken).json();
        assertTrue(own.path("blacklisted").asBoolean());
        assertEquals("copyright", own.path("blacklistedReason").asText());

        JsonNode list = http().get("/api/v1/videos/blacklist?type=1", root).json();
        assertTrue(list.toString(), uuids(list.path("data"), "video").contains(video.uuid()));
        assertEquals(400, http().get("/api/v1/videos/blacklist?type=7", root).status());
        assertEquals(403, http().get("/api/v1/videos/blacklist", bobToken).status());

        assertEquals(204, http().json("PUT", "/api/v1/videos/" + video.id() + "/blacklist", root,
                "{\"reason\":\"copyright claim\"}").status());
        assertEquals(204, http().json("DELETE", "/api/v1/videos/" + video.id() + "/blacklist", root, null).status());
        assertEquals(404, http().json("DELETE", "/api/v1/videos/" + video.id() + "/blacklist", root, null).status());
        assertTrue(listedUuids(null).contains(video.uuid()));
        assertEquals(200, http().get("/api/v1/videos/" + video.uuid()).status());
    }

    @Test
    public void hotDeployedWatchedWordsRefuseUploadsAndHoldCommentsForTheQueue() throws Exception {
        User carol = user("carol");
        User dave = user("dave");
        Video video = publishedVideo(carol, "Open talk");
        String root = http().login("root", Distribution.ROOT_PASSWORD);
        String carolToken = http().login(carol.username(), PASSWORD);
        String daveToken = http().login(dave.username(), PASSWORD);
        deployWatchedWords("casino", "reject");

        long before = videos.count();
        TestMedia.Multipart upload = TestMedia.multipart(Map.of("name", "Casino night",
                "channelId", String.valueOf(channels.channelsOf(carol.accountId()).get(0).id())),
                "videofile", "clip.y4m", TestMedia.y4m(64, 64, 25, 5));
        Http.Answer refused = http().bytes("POST", "/api/v1/videos/upload", carolToken, upload.body(),
                "Content-Type", upload.contentType());
        assertEquals(refused.body(), 403, refused.status());
        assertTrue(refused.body(), refused.body().toLowerCase(java.util.Locale.ROOT).contains("casino"));
        assertEquals("a refused upload leaves no video", before, videos.count());
        Http.Answer refusedComment = http().json("POST", "/api/v1/videos/" + video.uuid() + "/comment-threads",
                daveToken, "{\"text\":\"come to the casino\"}");
        assertEquals(403, refusedComment.status());

        configureWords("casino", "hold");
        Await.until("the new settings apply", QUICKLY, () -> {
            try {
                return http().json("POST", "/api/v1/videos/" + video.uuid() + "/comment-threads", daveToken,
                        "{\"text\":\"casino tonight\"}").status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode held = threads(video, daveToken).path("data").get(0);
        assertTrue(held.toString(), held.path("heldForReview").asBoolean());
        assertEquals(0, threads(video, null).path("total").asInt());
        assertEquals(1, threads(video, carolToken).path("total").asInt());
        assertEquals(0, threads(video, null).path("totalNotDeletedComments").asInt());

        JsonNode queue = http().get("/api/v1/moderation/queue/comments", root).json();
        assertEquals(queue.toString(), 1, queue.path("total").asInt());
        assertEquals(403, http().get("/api/v1/moderation/queue/comments", daveToken).status());
        long commentId = queue.path("data").get(0).path("id").asLong();
        assertEquals(204, http().json("POST", "/api/v1/moderation/queue/comments/" + commentId + "/approve", root,
                null).status());
        assertEquals(404, http().json("POST", "/api/v1/moderation/queue/comments/" + commentId + "/approve", root,
                null).status());
        assertEquals(1, threads(video, null).path("total").asInt());

        JsonNode log = http().get("/api/v1/moderation/decisions?decision=hold", root).json();
        assertTrue(log.toString(), log.path("total").asInt() >= 1);
        assertEquals(POLICY, log.path("data").get(0).path("policy").asText());
        assertEquals("local_comment", log.path("data").get(0).path("kind").asText());
        assertEquals(400, http().get("/api/v1/moderation/decisions?decision=maybe", root).status());
        configureWords("", "reject");
    }

    @Test
    public void aUsersOwnBlockListsHideAccountsAndServersFromThatUserOnly() throws Exception {
        User erin = user("erin");
        User frank = user("frank");
        Video franks = publishedVideo(frank, "Frank's film");
        String erinToken = http().login(erin.username(), PASSWORD);

        Http.Answer block = http().json("POST", "/api/v1/users/me/blocklist/accounts", erinToken,
                "{\"accountName\":\"" + frank.username() + "\"}");
        assertEquals(block.body(), 204, block.status());
        assertEquals(409, http().json("POST", "/api/v1/users/me/blocklist/accounts", erinToken,
                "{\"accountName\":\"" + frank.username() + "\"}").status());
        assertEquals(404, http().json("POST", "/api/v1/users/me/blocklist/accounts", erinToken,
                "{\"accountName\":\"nobody_here\"}").status());
        assertFalse(listedUuids(erinToken).contains(franks.uuid()));
        assertTrue(listedUuids(null).contains(franks.uuid()));
        JsonNode mine = http().get("/api/v1/users/me/blocklist/accounts", erinToken).json();
        assertEquals(frank.username(), mine.path("data").get(0).path("blockedAccount").path("name").asText());
        assertEquals(204, http().json("DELETE", "/api/v1/users/me/blocklist/accounts/" + frank.username(),
                erinToken, null).status());
        assertTrue(listedUuids(erinToken).contains(franks.uuid()));

        assertEquals(400, http().json("POST", "/api/v1/users/me/blocklist/servers", erinToken,
                "{\"host\":\"not a host!\"}").status());
        assertEquals(409, http().json("POST", "/api/v1/users/me/blocklist/servers", erinToken,
                "{\"host\":\"localhost:" + PORT + "\"}").status());
        assertEquals(204, http().json("POST", "/api/v1/users/me/blocklist/servers", erinToken,
                "{\"host\":\"videos.example.net\"}").status());
        assertEquals("videos.example.net", http().get("/api/v1/users/me/blocklist/servers", erinToken).json()
                .path("data").get(0).path("blockedServer").path("host").asText());
        assertEquals(401, http().get("/api/v1/users/me/blocklist/servers").status());
        assertEquals(204, http().json("DELETE", "/api/v1/users/me/blocklist/servers/videos.example.net",
                erinToken, null).status());
    }

    @Test
    public void nsfwVideosFollowTheViewersPolicyUnlessTheRequestSaysOtherwise() throws Exception {
        User gail = user("gail");
        long channel = channels.channelsOf(gail.accountId()).get(0).id();
        Video nsfw = videos.create(new NewVideo(channel, "Night shift", null, null,
                org.vidiverse.api.model.VideoPrivacy.PUBLIC, org.vidiverse.api.model.VideoState.PUBLISHED, 60, null,
                null, null, List.of(), true, true, true, false));
        String gailToken = http().login(gail.username(), PASSWORD);

        assertFalse("the instance's default policy does not list NSFW videos", listedUuids(null).contains(nsfw.uuid()));
        assertTrue(uuids(http().get("/api/v1/videos?count=100&nsfw=both").json().path("data"), null)
                .contains(nsfw.uuid()));
        assertEquals(400, http().get("/api/v1/videos?nsfw=sometimes").status());
        assertEquals(204, http().json("PUT", "/api/v1/users/me", gailToken, "{\"nsfwPolicy\":\"display\"}")
                .status());
        assertTrue(listedUuids(gailToken).contains(nsfw.uuid()));
        assertTrue(uuids(http().get("/api/v1/search/videos?search=night&count=100", gailToken).json().path("data"),
                null).contains(nsfw.uuid()));
        assertFalse(uuids(http().get("/api/v1/search/videos?search=night&count=100").json().path("data"), null)
                .contains(nsfw.uuid()));
    }

    @Test
    public void videosOfUsersWaitForAModeratorWhenTheInstanceSaysSo() throws Exception {
        User hank = user("hank");
        String ivyToken = http().login(user("ivy").username(), PASSWORD);
        String root = http().login("root", Distribution.ROOT_PASSWORD);
        String hankToken = http().login(hank.username(), PASSWORD);
        org.osgi.service.cm.Configuration instance = configs.getConfiguration("org.vidiverse.instance", "?");
        java.util.Dictionary<String, Object> before = instance.getProperties();
        Hashtable<String, Object> held = new Hashtable<>();
        java.util.Collections.list(before.keys()).forEach(k -> held.put(k, before.get(k)));
        held.put("autoBlockVideosOfUsers", true);
        instance.update(held);
        try {
            Await.until("the setting applies", QUICKLY, () -> {
                try {
                    return http().get("/api/v1/config").json().path("autoBlacklist").path("videos").path("ofUsers")
                            .path("enabled").asBoolean();
                } catch (Exception e) {
                    return false;
                }
            });
            TestMedia.Multipart upload = TestMedia.multipart(Map.of("name", "First steps", "privacy", "1",
                    "channelId", String.valueOf(channels.channelsOf(hank.accountId()).get(0).id())),
                    "videofile", "clip.y4m", TestMedia.y4m(64, 64, 25, 5));
            Http.Answer answer = http().bytes("POST", "/api/v1/videos/upload", hankToken, upload.body(),
                    "Content-Type", upload.contentType());
            assertEquals(answer.body(), 200, answer.status());
            String uuid = answer.json().path("video").path("uuid").asText();

            JsonNode queue = http().get("/api/v1/moderation/queue/videos", root).json();
            assertTrue(queue.toString(), uuids(queue.path("data"), "video").contains(uuid));
            JsonNode own = http().get("/api/v1/videos/" + uuid, hankToken).json();
            assertTrue(own.path("blacklisted").asBoolean());
            assertEquals(403, http().get("/api/v1/videos/" + uuid, ivyToken).status());
            assertEquals(204, http().json("POST", "/api/v1/moderation/queue/videos/" + uuid + "/approve", root, null)
                    .status());
            assertFalse(http().get("/api/v1/videos/" + uuid, hankToken).json().path("blacklisted").asBoolean());
            assertEquals(404, http().json("POST", "/api/v1/moderation/queue/videos/" + uuid + "/approve", root,
                    null).status());
        } finally {
            instance.update(before);
        }
    }

    @Test
    public void anOwnerWhoseVideoNeedsApprovalApprovesCommentsBeforeOthersSeeThem() throws Exception {
        User jack = user("jack");
        User kim = user("kim");
        Video video = publishedVideo(jack, "Questions welcome");
        String jackToken = http().login(jack.username(), PASSWORD);
        String kimToken = http().login(kim.username(), PASSWORD);
        assertEquals(204, http().json("PUT", "/api/v1/videos/" + video.uuid(), jackToken,
                "{\"commentsPolicy\":3}").status());
        assertEquals(3, http().get("/api/v1/videos/" + video.uuid()).json().path("commentsPolicy").path("id")
                .asInt());
        assertEquals(400, http().json("PUT", "/api/v1/videos/" + video.uuid(), jackToken,
                "{\"commentsPolicy\":4}").status());

        JsonNode comment = http().json("POST", "/api/v1/videos/" + video.uuid() + "/comment-threads", kimToken,
                "{\"text\":\"first!\"}").json().path("comment");
        assertTrue(comment.path("heldForReview").asBoolean());
        assertEquals(0, threads(video, null).path("total").asInt());
        String approve = "/api/v1/videos/" + video.uuid() + "/comments/" + comment.path("id").asLong() + "/approve";
        assertEquals(403, http().json("POST", approve, kimToken, null).status());
        assertEquals(204, http().json("POST", approve, jackToken, null).status());
        assertEquals(1, threads(video, null).path("total").asInt());
    }

    private JsonNode threads(Video video, String token) throws Exception {
        return http().get("/api/v1/videos/" + video.uuid() + "/comment-threads", token).json();
    }

    private List<String> listedUuids(String token) throws Exception {
        return uuids(http().get("/api/v1/videos?count=100", token).json().path("data"), null);
    }

    private static List<String> uuids(JsonNode data, String inner) {
        List<String> uuids = new ArrayList<>();
        data.forEach(item -> uuids.add((inner == null ? item : item.path(inner)).path("uuid").asText()));
        return uuids;
    }

    /** A new user, made as an administrator makes one (so that it can log in with {@link #PASSWORD}). */
    private User user(String prefix) throws Exception {
        http().awaitOk("/api/v1/config");
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        String root = http().login("root", Distribution.ROOT_PASSWORD);
        Http.Answer created = http().json("POST", "/api/v1/users", root, "{\"username\":\"" + name
                + "\",\"email\":\"" + name + "@example.org\",\"password\":\"" + PASSWORD + "\",\"role\":2}");
        assertEquals(created.body(), 200, created.status());
        return users.findByUsername(name).orElseThrow();
    }

    private Video publishedVideo(User owner, String name) {
        return videos.create(NewVideo.published(channels.channelsOf(owner.accountId()).get(0).id(), name));
    }

    private void deployWatchedWords(String words, String action) throws Exception {
        configureWords(words, action);
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "watched-words.jar");
        Files.copy(Path.of(System.getProperty("vidiverse.samplePluginJar")), deployed,
                StandardCopyOption.REPLACE_EXISTING);
        Await.until("the policy is active", QUICKLY, () -> moderation.activePolicies().contains(POLICY));
    }

    private void configureWords(String words, String action) throws Exception {
        org.osgi.service.cm.Configuration config = configs.getConfiguration(WORDS_PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("words", words);
        props.put("action", action);
        config.update(props);
    }
}
