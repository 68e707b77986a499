package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/** OAuth2 and user management over HTTP, the way PeerTube clients and admins drive them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UsersApiIT {
    private static final int PORT = 9183;

    @Inject
    UserStore users;
    @Inject
    SessionFactory sessions;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;

    @Configuration
    public Option[] config() {
        // every request here comes from 127.0.0.1: lift the per-address login limit (its own unit test covers it)
        return Distribution.options(PORT, org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                .editConfigurationFilePut("etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    private Http http() {
        return new Http(PORT);
    }

    private String login(String username, String password) throws Exception {
        Http.Answer answer = tokenRequest("grant_type=password&username=" + enc(username) + "&password=" + enc(password));
        assertEquals(answer.body(), 200, answer.status());
        return answer.json().path("access_token").asText();
    }

    private Http.Answer tokenRequest(String grant) throws Exception {
        JsonNode client = http().awaitOk("/api/v1/oauth-clients/local").json();
        return http().postForm("/api/v1/users/token", "client_id=" + client.path("client_id").asText()
                + "&client_secret=" + client.path("client_secret").asText() + "&" + grant);
    }

    @Test
    public void passwordAndRefreshGrantsAndRevocation() throws Exception {
        Http.Answer answer = tokenRequest("grant_type=password&username=root&password=" + Distribution.ROOT_PASSWORD);
        assertEquals(answer.body(), 200, answer.status());
        JsonNode tokens = answer.json();
        assertEquals("Bearer", tokens.path("token_type").asText());
        assertTrue(tokens.path("expires_in").asLong() > 86_000);
        assertTrue(tokens.path("refresh_token_expires_in").asLong() > 14 * 86_000);
        String access = tokens.path("access_token").asText();

        JsonNode me = http().get("/api/v1/users/me", access).json();
        assertEquals("root", me.path("username").asText());
        assertEquals(0, me.path("role").path("id").asInt());
        assertEquals("root_channel", me.path("videoChannels").get(0).path("name").asText());

        Http.Answer refreshed = tokenRequest("grant_type=refresh_token&refresh_token=" + tokens.path("refresh_token").asText());
        assertEquals(refreshed.body(), 200, refreshed.status());
        String newAccess = refreshed.json().path("access_token").asText();
        assertNotEquals(access, newAccess);
        assertProblem(tokenRequest("grant_type=refresh_token&refresh_token=" + tokens.path("refresh_token").asText()),
                400, "invalid_grant");
        assertEquals(200, http().get("/api/v1/users/me", newAccess).status());

        assertEquals(200, http().json("POST", "/api/v1/users/revoke-token", newAccess, null).status());
        assertProblem(http().get("/api/v1/users/me", newAccess), 401, "invalid_token");
    }

    @Test
    public void badLoginsAreRefusedClearly() throws Exception {
        assertProblem(tokenRequest("grant_type=password&username=root&password=wrong"), 400, "invalid_grant");
        assertProblem(tokenRequest("grant_type=password&username=nobody&password=whatever"), 400, "invalid_grant");
        assertProblem(tokenRequest("grant_type=password&username=root"), 400, "invalid_grant");
        assertProblem(tokenRequest("grant_type=magic"), 400, "unsupported_grant_type");
        assertProblem(http().postForm("/api/v1/users/token", "client_id=x&client_secret=y&grant_type=password"
                + "&username=root&password=" + Distribution.ROOT_PASSWORD), 400, "invalid_client");
        assertProblem(http().get("/api/v1/users/me"), 401, null);
        assertProblem(http().get("/api/v1/users/me", "not-a-token"), 401, "invalid_token");
    }

    @Test
    public void administratorsManageUsersAndUsersCannot() throws Exception {
        String root = login("root", Distribution.ROOT_PASSWORD);
        Http.Answer created = http().json("POST", "/api/v1/users", root,
                "{\"username\":\"alice\",\"email\":\"alice@example.org\",\"password\":\"alice-pass\",\"role\":2,\"videoQuota\":1048576}");
        assertEquals(created.body(), 200, created.status());
        long aliceId = created.json().path("user").path("id").asLong();

        assertProblem(http().json("POST", "/api/v1/users", root,
                "{\"username\":\"alice\",\"email\":\"other@example.org\",\"password\":\"alice-pass\",\"role\":2}"), 409, null);
        assertInvalid(http().json("POST", "/api/v1/users", root,
                "{\"username\":\"Bad Name\",\"email\":\"b@example.org\",\"password\":\"secret1\",\"role\":2}"), "username");
        assertInvalid(http().json("POST", "/api/v1/users", root,
                "{\"username\":\"bob\",\"email\":\"not-an-email\",\"password\":\"secret1\",\"role\":2}"), "email");
        assertInvalid(http().json("POST", "/api/v1/users", root,
                "{\"username\":\"bob\",\"email\":\"b@example.org\",\"password\":\"123\",\"role\":2}"), "password");
        assertInvalid(http().json("POST", "/api/v1/users", root,
                "{\"username\":\"bob\",\"email\":\"b@example.org\",\"password\":\"secret1\",\"role\":7}"), "role");
        assertInvalid(http().json("POST", "/api/v1/users", root,
                "{\"username\":\"bob\",\"email\":\"b@example.org\",\"password\":\"secret1\",\"role\":2,\"videoQuota\":\"lots\"}"), "videoQuota");
        assertTrue("nothing half-written", users.findByUsername("bob").isEmpty());

        String alice = login("alice", "alice-pass");
        JsonNode aliceMe = http().get("/api/v1/users/me", alice).json();
        assertEquals(1048576, aliceMe.path("videoQuota").asLong());
        assertProblem(http().get("/api/v1/users", alice), 403, null);
        assertProblem(http().get("/api/v1/users"), 401, null);
        JsonNode list = http().get("/api/v1/users?count=10&sort=username", root).json();
        assertTrue(list.path("total").asLong() >= 2);

        assertEquals(204, http().json("PUT", "/api/v1/users/" + aliceId, root, "{\"videoQuota\":2097152,\"role\":1}").status());
        assertEquals(2097152, http().get("/api/v1/users/" + aliceId, root).json().path("videoQuota").asLong());
        assertEquals(1, http().get("/api/v1/users/" + aliceId, root).json().path("role").path("id").asInt());
        assertProblem(http().get("/api/v1/users/999999", root), 404, null);

        assertEquals(204, http().json("POST", "/api/v1/users/" + aliceId + "/block", root, "{\"reason\":\"spam\"}").status());
        assertProblem(http().get("/api/v1/users/me", alice), 401, "invalid_token");

        // PeerTube's search (username or email, any case) and blocked filters
        JsonNode found = http().get("/api/v1/users?search=LIC", root).json();
        assertEquals(found.toString(), 1, found.path("total").asInt());
        assertEquals("alice", found.path("data").path(0).path("username").asText());
        assertEquals(1, http().get("/api/v1/users?search=alice%40example", root).json().path("total").asInt());
        assertEquals("a LIKE wildcard is a plain character", 0,
                http().get("/api/v1/users?search=a%25e", root).json().path("total").asInt());
        JsonNode blockedOnes = http().get("/api/v1/users?blocked=true", root).json();
        assertEquals(blockedOnes.toString(), 1, blockedOnes.path("total").asInt());
        assertEquals("alice", blockedOnes.path("data").path(0).path("username").asText());
        assertEquals(0, http().get("/api/v1/users?blocked=false&search=alice", root).json().path("total").asInt());
        assertInvalid(http().get("/api/v1/users?blocked=maybe", root), "blocked");
        assertInvalid(http().get("/api/v1/users?search=" + "x".repeat(101), root), "search");
        assertProblem(tokenRequest("grant_type=password&username=alice&password=alice-pass"), 400, "invalid_grant");
        assertEquals(204, http().json("POST", "/api/v1/users/" + aliceId + "/unblock", root, null).status());
        login("alice", "alice-pass");
    }

    @Test
    public void usersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        String root = login("root", Distribution.ROOT_PASSWORD);
        assertEquals(200, http().json("POST", "/api/v1/users", root,
                "{\"username\":\"carol\",\"email\":\"carol@example.org\",\"password\":\"carol-pass\",\"role\":2}").status());
        String carol = login("carol", "carol-pass");
        assertProblem(http().json("PUT", "/api/v1/users/me", carol,
                "{\"password\":\"new-carol-pass\",\"currentPassword\":\"wrong\"}"), 401, null);
        assertInvalid(http().json("PUT", "/api/v1/users/me", carol, "{\"nsfwPolicy\":\"sometimes\"}"), "nsfwPolicy");
        assertEquals(204, http().json("PUT", "/api/v1/users/me", carol,
                "{\"password\":\"new-carol-pass\",\"currentPassword\":\"carol-pass\",\"nsfwPolicy\":\"blur\"}").status());
        assertProblem(tokenRequest("grant_type=password&username=carol&password=carol-pass"), 400, "invalid_grant");
        String again = login("carol", "new-carol-pass");
        assertEquals("blur", http().get("/api/v1/users/me", again).json().path("nsfwPolicy").asText());
    }

    @Test
    public void subscriptionsFollowLocalChannelsAndListTheirVideos() throws Exception {
        String root = login("root", Distribution.ROOT_PASSWORD);
        assertEquals(200, http().json("POST", "/api/v1/users", root,
                "{\"username\":\"frank\",\"email\":\"frank@example.org\",\"password\":\"frank-pass\",\"role\":2}").status());
        String frank = login("frank", "frank-pass");
        User rootUser = users.findByUsername("root").orElseThrow();
        long rootChannel = channels.channelsOf(rootUser.accountId()).get(0).id();
        videos.create(NewVideo.published(rootChannel, "for subscribers"));

        assertProblem(http().json("POST", "/api/v1/users/me/subscriptions", null, "{\"uri\":\"root_channel\"}"), 401, null);
        assertProblem(http().json("POST", "/api/v1/users/me/subscriptions", frank, "{\"uri\":\"nobody_channel\"}"), 404, null);
        assertInvalid(http().json("POST", "/api/v1/users/me/subscriptions", frank, "{}"), "uri");
        assertEquals(204, http().json("POST", "/api/v1/users/me/subscriptions", frank,
                "{\"uri\":\"root_channel@localhost:" + PORT + "\"}").status());

        JsonNode subs = http().get("/api/v1/users/me/subscriptions", frank).json();
        assertEquals(1, subs.path("total").asInt());
        assertEquals("root_channel", subs.path("data").get(0).path("name").asText());
        assertTrue(http().get("/api/v1/users/me/subscriptions/exist?uris=root_channel", frank).json()
                .path("root_channel").asBoolean());
        JsonNode feed = http().get("/api/v1/users/me/subscriptions/videos", frank).json();
        assertTrue(feed.toString(), feed.toString().contains("for subscribers"));

        assertEquals(204, http().json("DELETE", "/api/v1/users/me/subscriptions/root_channel", frank, null).status());
        assertProblem(http().json("DELETE", "/api/v1/users/me/subscriptions/root_channel", frank, null), 404, null);
        assertEquals(0, http().get("/api/v1/users/me/subscriptions/videos", frank).json().path("total").asInt());
    }

    @Test
    public void ownersEditAndDeleteTheirVideosAndOthersCannot() throws Exception {
        String root = login("root", Distribution.ROOT_PASSWORD);
        for (String name : new String[] {"gina", "hugo"}) {
            assertEquals(200, http().json("POST", "/api/v1/users", root, "{\"username\":\"" + name
                    + "\",\"email\":\"" + name + "@example.org\",\"password\":\"" + name + "-pass\",\"role\":2}").status());
        }
        String gina = login("gina", "gina-pass");
        String hugo = login("hugo", "hugo-pass");
        User ginaUser = users.findByUsername("gina").orElseThrow();
        String uuid = videos.create(NewVideo.published(channels.channelsOf(ginaUser.accountId()).get(0).id(), "gina's clip")).uuid();
        String path = "/api/v1/videos/" + uuid;

        assertProblem(http().json("PUT", path, null, "{\"name\":\"new name\"}"), 401, null);
        assertProblem(http().json("PUT", path, hugo, "{\"name\":\"stolen\"}"), 403, null);
        assertInvalid(http().json("PUT", path, gina, "{\"name\":\"ab\"}"), "name");
        assertInvalid(http().json("PUT", path, gina, "{\"category\":99}"), "category");
        assertInvalid(http().json("PUT", path, gina, "{\"privacy\":9}"), "privacy");
        assertInvalid(http().json("PUT", path, gina, "{\"tags\":[\"a1\",\"b2\",\"c3\",\"d4\",\"e5\",\"f6\"]}"), "tags");
        assertInvalid(http().json("PUT", path, gina, "{\"nsfw\":\"maybe\"}"), "nsfw");
        assertEquals("gina's clip", http().get(path).json().path("name").asText());
        // anonymous lists come from the response cache, which forgets them when a video is written
        String list = "/api/v1/accounts/gina/videos";
        assertEquals("gina's clip", http().get(list).json().path("data").get(0).path("name").asText());
        Http.Answer again = http().get(list);
        assertTrue(again.header("X-Vidiverse-Cache"), java.util.Set.of("hit", "stale")
                .contains(again.header("X-Vidiverse-Cache")));
        assertEquals(204, http().json("PUT", path, gina, "{\"name\":\"Renamed clip\"}").status());
        Http.Answer afterEdit = http().get(list);
        assertEquals("miss", afterEdit.header("X-Vidiverse-Cache"));
        assertEquals("Renamed clip", afterEdit.json().path("data").get(0).path("name").asText());
        assertEquals("a logged-in client is never served from it", null, http().get(list, gina)
                .header("X-Vidiverse-Cache"));

        assertEquals(204, http().json("PUT", path, gina, "{\"name\":\"Mountain walk\",\"tags\":[\"hiking\",\"alps\"],"
                + "\"category\":6,\"language\":\"fr\",\"description\":\"A long walk\",\"privacy\":3}").status());
        assertProblem(http().get(path), 401, null);
        assertProblem(http().get(path, hugo), 403, null);
        JsonNode edited = http().get(path, gina).json();
        assertEquals("Mountain walk", edited.path("name").asText());
        assertEquals("hiking", edited.path("tags").get(0).asText());
        assertEquals("Travels", edited.path("category").path("label").asText());
        assertEquals(3, edited.path("privacy").path("id").asInt());
        assertEquals(200, http().get(path, root).status());

        assertProblem(http().json("DELETE", path, hugo, null), 403, null);
        assertEquals(204, http().json("DELETE", path, gina, null).status());
        assertProblem(http().get(path, gina), 404, null);
    }

    @Test
    public void registrationFollowsTheSignupSetting() throws Exception {
        http().awaitOk("/api/v1/config");
        assertProblem(http().json("POST", "/api/v1/users/register", null,
                "{\"username\":\"dave\",\"email\":\"dave@example.org\",\"password\":\"dave-pass\"}"), 403, null);
        assertTrue(users.findByUsername("dave").isEmpty());
    }

    @Test
    public void shellManagesUsers() throws Exception {
        http().awaitOk("/api/v1/config");
        String out = Shell.run(sessions, "vid:user-add --role moderator erin erin@example.org erin-pass");
        assertTrue(out, out.contains("Created user erin"));
        assertTrue(Shell.run(sessions, "vid:user-list").contains("erin@example.org"));
        assertTrue(Shell.run(sessions, "vid:user-role erin user").contains("erin is now user"));
        Shell.run(sessions, "vid:password-reset erin erin-new-pass");
        login("erin", "erin-new-pass");
        assertEquals(2, users.findByUsername("erin").orElseThrow().role().id());
    }

    private static void assertProblem(Http.Answer answer, int status, String code) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
        if (code != null) {
            assertEquals(answer.body(), code, answer.json().path("code").asText());
        }
    }

    private static void assertInvalid(Http.Answer answer, String param) {
        assertProblem(answer, 400, null);
        assertTrue(answer.body(), answer.json().path("invalid-params").has(param));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
