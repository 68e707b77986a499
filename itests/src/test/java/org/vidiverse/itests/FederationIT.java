package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The instance as other ActivityPub servers meet it: discovery and actor documents, and its inbox taking signed
 * activities from a fake remote instance on loopback, in the order that keeps it safe: shape, federation policy
 * (before any fetch), signature, signer, replay; PeerTube-shaped videos stored and removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FederationIT {
    private static final int PORT = 9187;
    private static final int REMOTE_PORT = 9481;
    private static final int DENIED_PORT = 9482;
    private static final String BASE = "http://localhost:" + PORT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    org.vidiverse.api.plugin.PluginRegistry plugins;
    @Inject
    org.osgi.service.cm.ConfigurationAdmin configs;

    @Configuration
    public Option[] config() {
        String cfg = "etc/org.vidiverse.federation.cfg";
        return Distribution.options(PORT,
                editConfigurationFilePut(cfg, "allowLoopback", "true"),
                editConfigurationFilePut(cfg, "remoteScheme", "http"),
                editConfigurationFilePut(cfg, "mode", "denylist"),
                editConfigurationFilePut(cfg, "hosts", "localhost:" + DENIED_PORT),
                editConfigurationFilePut(cfg, "deliveryRetryBaseSeconds", "1"));
    }

    private static Http http() {
        return new Http(PORT);
    }

    private static String follow(String id, String actor, String object) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Follow\",\"id\":\"" + id
                + "\",\"actor\":\"" + actor + "\",\"object\":\"" + object + "\"}";
    }

    @Test
    public void discoveryAndActorsAnswerAsPeerTube() throws Exception {
        http().awaitOk("/api/v1/config");
        JsonNode finger = http().get("/.well-known/webfinger?resource=acct:root@localhost:" + PORT).json();
        assertEquals(BASE + "/accounts/root", finger.path("links").get(0).path("href").asText());
        assertEquals(404, http().get("/.well-known/webfinger?resource=acct:nobody@localhost:" + PORT).status());
        assertEquals(400, http().get("/.well-known/webfinger?resource=nonsense").status());
        assertEquals(BASE + "/nodeinfo/2.0.json",
                http().get("/.well-known/nodeinfo").json().path("links").get(0).path("href").asText());
        assertEquals("activitypub", http().get("/nodeinfo/2.0.json").json().path("protocols").get(0).asText());
        assertTrue(http().get("/.well-known/host-meta").body().contains("/.well-known/webfinger?resource={uri}"));

        Http.Answer person = http().bytes("GET", "/accounts/root", null, null, "Accept", "application/activity+json");
        assertTrue(person.contentType(), person.contentType().startsWith("application/activity+json"));
        JsonNode root = person.json();
        assertEquals("Person", root.path("type").asText());
        assertEquals(BASE + "/inbox", root.path("endpoints").path("sharedInbox").asText());
        assertEquals(BASE + "/accounts/root#main-key", root.path("publicKey").path("id").asText());
        assertTrue(root.path("publicKey").path("publicKeyPem").asText().startsWith("-----BEGIN PUBLIC KEY-----"));
        JsonNode channel = http().bytes("GET", "/video-channels/root_channel", null, null, "Accept",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"").json();
        assertEquals("Group", channel.path("type").asText());
        assertEquals(BASE + "/accounts/root", channel.path("attributedTo").get(0).path("id").asText());
        assertEquals("Application", http().bytes("GET", "/accounts/peertube", null, null, "Accept",
                "application/activity+json").json().path("type").asText());
        // a browser opening the actor's id is sent to the account's page of the web interface
        Http.Answer browser = http().bytes("GET", "/accounts/root", null, null, "Accept", "text/html");
        assertEquals(302, browser.status());
        assertEquals("/a/root", browser.header("Location"));
        assertTrue(http().bytes("GET", "/a/root", null, null, "Accept", "text/html").contentType()
                .startsWith("text/html"));
        JsonNode outbox = http().bytes("GET", "/accounts/root/outbox", null, null, "Accept",
                "application/activity+json").json();
        assertEquals("OrderedCollection", outbox.path("type").asText());
        // another test of this class may have given root a video: an empty collection has no first page (PeerTube)
        assertEquals(outbox.toString(), outbox.path("totalItems").asInt() == 0, outbox.path("first").isMissingNode());
        JsonNode page = http().bytes("GET", "/accounts/root/outbox?page=1", null, null, "Accept",
                "application/activity+json").json();
        assertEquals("OrderedCollectionPage", page.path("type").asText());
        assertEquals(400, http().get("/accounts/root/outbox?page=zero").status());
    }

    @Test
    public void badDeliveriesAreRefusedWithTheRightStatus() throws Exception {
        http().awaitOk("/api/v1/config");
        try (FakeRemoteInstance remote = new FakeRemoteInstance(REMOTE_PORT)) {
            String alice = remote.person("alice");
            String bob = remote.person("bob");
            String activity = follow(remote.base() + "/follows/" + UUID.randomUUID(), alice, BASE + "/accounts/root");
            byte[] bytes = activity.getBytes(StandardCharsets.UTF_8);

            assertEquals(400, http().bytes("POST", "/inbox", null, "[1,2]".getBytes(StandardCharsets.UTF_8),
                    "Content-Type", "application/activity+json").status());
            assertEquals(400, http().bytes("POST", "/inbox", null, "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type", "application/activity+json").status());
            assertEquals("unsigned", 401, http().bytes("POST", "/inbox", null, bytes,
                    "Content-Type", "application/activity+json").status());
            assertEquals("signed by another key", 401, remote.deliver(BASE + "/inbox", alice, bytes, Instant.now(),
                    bytes, FakeRemoteInstance.newKeyPair()).status());
            assertEquals("stale date", 401, remote.deliver(BASE + "/inbox", alice, bytes,
                    Instant.now().minusSeconds(3 * 3600), bytes, remote.keyOf(alice)).status());
            byte[] altered = activity.replace("/accounts/root", "/accounts/peertube").getBytes(StandardCharsets.UTF_8);
            assertEquals("body changed after signing", 401, remote.deliver(BASE + "/inbox", alice, bytes,
                    Instant.now(), altered, remote.keyOf(alice)).status());
            assertEquals("bob signing alice's follow", 403, remote.deliver(BASE + "/inbox", bob, activity).status());
            byte[] huge = ("{\"type\":\"Follow\",\"id\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            assertEquals(413, http().bytes("POST", "/inbox", null, huge, "Content-Type", "application/activity+json")
                    .status());
            assertTrue("nothing was accepted: " + remote.inbox, remote.inbox.isEmpty());
        }
    }

    @Test
    public void deniedHostIsRefusedBeforeAnythingIsFetched() throws Exception {
        http().awaitOk("/api/v1/config");
        try (FakeRemoteInstance denied = new FakeRemoteInstance(DENIED_PORT)) {
            String mallory = denied.person("mallory");
            Http.Answer answer = denied.deliver(BASE + "/inbox", mallory,
                    follow(denied.base() + "/follows/1", mallory, BASE + "/accounts/root"));
            assertEquals(answer.body(), 403, answer.status());
            assertEquals("the instance fetched from a denied host: " + denied.requests, 0, denied.requests.size());
        }
    }

    @Test
    public void signedFollowIsAcceptedOnceWithASignedAccept() throws Exception {
        http().awaitOk("/api/v1/config");
        try (FakeRemoteInstance remote = new FakeRemoteInstance(REMOTE_PORT)) {
            String carol = remote.person("carol");
            String followId = remote.base() + "/follows/" + UUID.randomUUID();
            String activity = follow(followId, carol, BASE + "/accounts/root");
            Http.Answer answer = remote.deliver(BASE + "/inbox", carol, activity);
            assertTrue(answer.status() + " " + answer.body(), answer.status() / 100 == 2);
            Await.until("an Accept reaches the follower", java.time.Duration.ofSeconds(30), () -> !remote.inbox.isEmpty());
            FakeRemoteInstance.Received accept = remote.inbox.get(0);
            assertEquals("Accept", accept.activity().path("type").asText());
            assertEquals(BASE + "/accounts/root", accept.activity().path("actor").asText());
            assertEquals(followId, accept.activity().path("object").path("id").asText());
            String rootKey = http().bytes("GET", "/accounts/root", null, null, "Accept", "application/activity+json")
                    .json().path("publicKey").path("publicKeyPem").asText();
            assertTrue("the Accept is signed by root's key", FakeRemoteInstance.signedBy(accept, "/inbox", rootKey));
            JsonNode followers = http().bytes("GET", "/accounts/root/followers?page=1", null, null, "Accept",
                    "application/activity+json").json();
            assertTrue(followers.toString(), followers.path("orderedItems").toString().contains(carol));

            assertTrue(remote.deliver(BASE + "/inbox", carol, activity).status() / 100 == 2);
            Thread.sleep(3_000);
            assertEquals("a replayed Follow is a no-op", 1, remote.inbox.size());
        }
    }

    @Test
    public void quarantinedInstanceIsHeardButItsVideosWaitUntilAModeratorApprovesTheInstance() throws Exception {
        http().awaitOk("/api/v1/config");
        int port = REMOTE_PORT + 20;
        String host = "localhost:" + port;
        configureQuarantine("");
        Path jar = Path.of(System.getProperty("karaf.base"), "deploy", "quarantine.jar");
        Files.copy(Path.of(System.getProperty("vidiverse.quarantinePluginJar")), jar,
                StandardCopyOption.REPLACE_EXISTING);
        try (FakeRemoteInstance remote = new FakeRemoteInstance(port)) {
            Await.until("the quarantine policy is active", Duration.ofSeconds(30), () -> plugins.list().stream()
                    .anyMatch(p -> p.name().equals("quarantine")));
            String root = remote.person("root");
            remote.channel("root_channel", root);
            String uuid = UUID.randomUUID().toString();
            String video;
            try (InputStream in = FederationIT.class.getResourceAsStream("/peertube-ap-video.json")) {
                JsonNode original = JSON.readTree(in);
                video = original.toString().replace(original.path("uuid").asText(), uuid)
                        .replace("http://127.0.0.1:9001", remote.base())
                        .replace("ws://127.0.0.1:9001", "ws://" + remote.host())
                        .replace("127.0.0.1%3A9001", "localhost%3A" + port);
            }
            JsonNode object = JSON.readTree(video);
            String create = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"id\":\""
                    + object.path("id").asText() + "/activity\",\"actor\":\"" + root + "\",\"to\":[\""
                    + "https://www.w3.org/ns/activitystreams#Public\"],\"object\":" + video + "}";
            Http.Answer created = remote.deliver(BASE + "/inbox", root, create);
            assertTrue(created.status() + " " + created.body(), created.status() / 100 == 2);

            String token = http().login("root", Distribution.ROOT_PASSWORD);
            assertEquals("held: hidden from visitors", 401, http().get("/api/v1/videos/" + uuid).status());
            assertTrue(http().get("/api/v1/videos/" + uuid, token).json().path("blacklisted").asBoolean());
            assertTrue(http().get("/api/v1/moderation/queue/videos", token).body().contains(uuid));

            configureQuarantine(host);   // the moderator approves the instance: what it sent is released
            Await.until("the video is released", Duration.ofSeconds(30), () -> {
                try {
                    return http().get("/api/v1/videos/" + uuid).status() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            assertTrue(http().get("/api/v1/videos?isLocal=false&count=100").body().contains(uuid));
        } finally {
            Files.deleteIfExists(jar);
            Await.until("the quarantine policy is gone", Duration.ofSeconds(30), () -> plugins.list().stream()
                    .noneMatch(p -> p.name().equals("quarantine")));
        }
    }

    private void configureQuarantine(String approvedHosts) throws Exception {
        org.osgi.service.cm.Configuration config = configs.getConfiguration("org.vidiverse.sample.quarantine", "?");
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("approvedHosts", approvedHosts);
        config.update(props);
    }

    @Test
    public void peerTubeVideoIsStoredUpdatedAndDeleted() throws Exception {
        http().awaitOk("/api/v1/config");
        try (FakeRemoteInstance remote = new FakeRemoteInstance(REMOTE_PORT)) {
            String root = remote.person("root");
            remote.channel("root_channel", root);
            String video;
            try (InputStream in = FederationIT.class.getResourceAsStream("/peertube-ap-video.json")) {
                video = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("http://127.0.0.1:9001",
                        remote.base()).replace("ws://127.0.0.1:9001", "ws://" + remote.host())
                        .replace("127.0.0.1%3A9001", "localhost%3A" + REMOTE_PORT);
            }
            JsonNode object = JSON.readTree(video);
            String uuid = object.path("uuid").asText();
            String create = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"id\":\""
                    + object.path("id").asText() + "/activity\",\"actor\":\"" + root + "\",\"to\":[\""
                    + "https://www.w3.org/ns/activitystreams#Public\"],\"object\":" + video + "}";
            Http.Answer created = remote.deliver(BASE + "/inbox", root, create);
            assertTrue(created.status() + " " + created.body(), created.status() / 100 == 2);

            JsonNode stored = http().get("/api/v1/videos/" + uuid).json();
            assertEquals(stored.toString(), "bench transcode run 2", stored.path("name").asText());
            assertFalse(stored.path("isLocal").asBoolean(true));
            assertEquals("localhost:" + REMOTE_PORT, stored.path("channel").path("host").asText());
            assertEquals(5, stored.path("files").size());
            assertTrue(stored.path("files").get(0).path("fileUrl").asText().startsWith(remote.base() + "/static/"));
            assertTrue(stored.path("streamingPlaylists").get(0).path("playlistUrl").asText()
                    .startsWith(remote.base() + "/static/streaming-playlists/hls/"));
            assertTrue(http().get("/api/v1/videos?isLocal=false").body().contains(uuid));

            String update = create.replace("\"type\":\"Create\"", "\"type\":\"Update\"")
                    .replace("/activity\"", "/activity/update-1\"").replace("bench transcode run 2", "Renamed remotely");
            assertTrue(remote.deliver(BASE + "/inbox", root, update).status() / 100 == 2);
            assertEquals("Renamed remotely", http().get("/api/v1/videos/" + uuid).json().path("name").asText());

            String stranger = remote.person("stranger");
            try (FakeRemoteInstance other = new FakeRemoteInstance(REMOTE_PORT + 10)) {
                String eve = other.person("eve");
                String foreignDelete = "{\"type\":\"Delete\",\"id\":\"" + other.base() + "/d/1\",\"actor\":\"" + eve
                        + "\",\"object\":\"" + object.path("id").asText() + "\"}";
                assertEquals(403, other.deliver(BASE + "/inbox", eve, foreignDelete).status());
            }
            String strangerDelete = "{\"type\":\"Delete\",\"id\":\"" + remote.base() + "/d/2\",\"actor\":\""
                    + stranger + "\",\"object\":\"" + object.path("id").asText() + "\"}";
            assertEquals("only the video's account or channel deletes it", 403,
                    remote.deliver(BASE + "/inbox", stranger, strangerDelete).status());
            String delete = strangerDelete.replace("/d/2", "/d/3").replace(stranger, root);
            assertTrue(remote.deliver(BASE + "/inbox", root, delete).status() / 100 == 2);
            assertEquals(404, http().get("/api/v1/videos/" + uuid).status());
        }
    }

    @Test
    public void aRemoteCommentOnALocalVideoIsForwardedToTheInstancesThatFollow() throws Exception {
        http().awaitOk("/api/v1/config");
        User root = users.findByUsername("root").orElseThrow();
        Video video = videos.create(new NewVideo(channels.channelsOf(root.accountId()).get(0).id(), "Talk of the town",
                null, null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 42, null, null, null, java.util.List.of(), false,
                true, true, false));
        try (FakeRemoteInstance follower = new FakeRemoteInstance(REMOTE_PORT + 2);
             FakeRemoteInstance commenter = new FakeRemoteInstance(REMOTE_PORT + 3)) {
            String fan = follower.person("fan");
            assertTrue(follower.deliver(BASE + "/inbox", fan, follow(follower.base() + "/follows/1", fan,
                    BASE + "/accounts/peertube")).status() / 100 == 2);
            Await.until("the follow is accepted", java.time.Duration.ofSeconds(30), () -> follower.inbox.size() == 1);

            String critic = commenter.person("critic");
            String noteId = commenter.base() + "/videos/watch/" + video.uuid() + "/comments/7";
            String create = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"id\":\""
                    + noteId + "/activity\",\"actor\":\"" + critic + "\",\"object\":{\"type\":\"Note\",\"id\":\""
                    + noteId + "\",\"content\":\"Well argued\",\"mediaType\":\"text/markdown\",\"inReplyTo\":\""
                    + video.url() + "\",\"published\":\"2026-11-24T10:00:00.000Z\",\"attributedTo\":\"" + critic
                    + "\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"]}}";
            Http.Answer answer = commenter.deliver(BASE + "/inbox", critic, create);
            assertTrue(answer.status() + " " + answer.body(), answer.status() / 100 == 2);
            assertTrue(http().get("/api/v1/videos/" + video.uuid() + "/comment-threads").body().contains("Well argued"));

            Await.until("the comment is forwarded to the follower", java.time.Duration.ofSeconds(30),
                    () -> follower.inbox.size() == 2);
            FakeRemoteInstance.Received forwarded = follower.inbox.get(1);
            assertEquals("Create", forwarded.activity().path("type").asText());
            assertEquals(critic, forwarded.activity().path("actor").asText());
            assertEquals(noteId, forwarded.activity().path("object").path("id").asText());
            String rootKey = http().bytes("GET", "/accounts/root", null, null, "Accept", "application/activity+json")
                    .json().path("publicKey").path("publicKeyPem").asText();
            assertTrue("forwarded under the video's account's signature",
                    FakeRemoteInstance.signedBy(forwarded, "/inbox", rootKey));
            assertTrue("not sent back to its author: " + commenter.inbox, commenter.inbox.isEmpty());
        }
    }

    @Test
    public void blockedServersAndAccountsAreRefusedBeforeAnyFetch() throws Exception {
        http().awaitOk("/api/v1/config");
        String token = http().login("root", Distribution.ROOT_PASSWORD);
        try (FakeRemoteInstance spammy = new FakeRemoteInstance(REMOTE_PORT + 4);
             FakeRemoteInstance mixed = new FakeRemoteInstance(REMOTE_PORT + 5)) {
            assertEquals(204, http().json("POST", "/api/v1/server/blocklist/servers", token,
                    "{\"host\":\"" + spammy.host() + "\"}").status());
            assertEquals(409, http().json("POST", "/api/v1/server/blocklist/servers", token,
                    "{\"host\":\"" + spammy.host() + "\"}").status());
            assertEquals(400, http().json("POST", "/api/v1/server/blocklist/servers", token,
                    "{\"host\":\"not a host/\"}").status());
            assertEquals(401, http().json("POST", "/api/v1/server/blocklist/servers", null,
                    "{\"host\":\"x.example\"}").status());
            assertTrue(http().get("/api/v1/server/blocklist/servers", token).body().contains(spammy.host()));
            String spammer = spammy.person("spammer");
            assertEquals(403, spammy.deliver(BASE + "/inbox", spammer,
                    follow(spammy.base() + "/follows/1", spammer, BASE + "/accounts/root")).status());
            assertEquals("nothing fetched from a blocked server: " + spammy.requests, 0, spammy.requests.size());

            String good = mixed.person("good");
            String bad = mixed.person("bad");
            assertTrue(mixed.deliver(BASE + "/inbox", bad, follow(mixed.base() + "/follows/1", bad,
                    BASE + "/accounts/root")).status() / 100 == 2);
            assertEquals(204, http().json("POST", "/api/v1/server/blocklist/accounts", token,
                    "{\"accountName\":\"bad@" + mixed.host() + "\"}").status());
            assertTrue(http().get("/api/v1/server/blocklist/accounts", token).body().contains("\"bad\""));
            int fetchesBefore = mixed.requests.size();
            assertEquals(403, mixed.deliver(BASE + "/inbox", bad, follow(mixed.base() + "/follows/2", bad,
                    BASE + "/accounts/root")).status());
            assertEquals("nothing fetched for a blocked account", fetchesBefore, mixed.requests.size());
            assertTrue("the server's other accounts are still heard", mixed.deliver(BASE + "/inbox", good,
                    follow(mixed.base() + "/follows/3", good, BASE + "/accounts/root")).status() / 100 == 2);

            assertEquals(204, http().json("DELETE", "/api/v1/server/blocklist/accounts/bad@" + mixed.host(), token,
                    null).status());
            assertEquals(204, http().json("DELETE", "/api/v1/server/blocklist/servers/" + spammy.host(), token,
                    null).status());
            assertEquals(404, http().json("DELETE", "/api/v1/server/blocklist/servers/" + spammy.host(), token,
                    null).status());
            assertTrue(spammy.deliver(BASE + "/inbox", spammer, follow(spammy.base() + "/follows/4", spammer,
                    BASE + "/accounts/root")).status() / 100 == 2);
        }
    }

    @Test
    public void abuseReportsTravelAsFlagsBothWays() throws Exception {
        http().awaitOk("/api/v1/config");
        String rootToken = http().login("root", Distribution.ROOT_PASSWORD);
        assertEquals(200, http().json("POST", "/api/v1/users", rootToken, "{\"username\":\"reporter\",\"email\":"
                + "\"reporter@example.org\",\"password\":\"reporter-pass\",\"role\":2}").status());
        String reporter = http().login("reporter", "reporter-pass");
        try (FakeRemoteInstance remote = new FakeRemoteInstance(REMOTE_PORT + 7)) {
            // a user here reports a video of the remote instance: a Flag from our instance actor goes there
            String owner = remote.person("owner");
            remote.channel("owner_channel", owner);
            String uuid = UUID.randomUUID().toString();
            String video;
            try (InputStream in = FederationIT.class.getResourceAsStream("/peertube-ap-video.json")) {
                String original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String originalUuid = JSON.readTree(original).path("uuid").asText();
                video = original.replace(originalUuid, uuid).replace("http://127.0.0.1:9001", remote.base())
                        .replace("ws://127.0.0.1:9001", "ws://" + remote.host())
                        .replace("127.0.0.1%3A9001", "localhost%3A" + (REMOTE_PORT + 7))
                        .replace("/accounts/root", "/accounts/owner").replace("/video-channels/root_channel",
                                "/video-channels/owner_channel");
            }
            String videoUrl = JSON.readTree(video).path("id").asText();
            String create = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"id\":\""
                    + videoUrl + "/activity\",\"actor\":\"" + owner + "\",\"to\":[\""
                    + "https://www.w3.org/ns/activitystreams#Public\"],\"object\":" + video + "}";
            Http.Answer created = remote.deliver(BASE + "/inbox", owner, create);
            assertTrue(created.status() + " " + created.body(), created.status() / 100 == 2);
            Http.Answer reported = http().json("POST", "/api/v1/abuses", reporter, "{\"reason\":\"Stolen footage\","
                    + "\"predefinedReasons\":[\"rights\"],\"video\":{\"id\":\"" + uuid + "\",\"startAt\":3,\"endAt\":8}}");
            assertEquals(reported.body(), 200, reported.status());
            Await.until("the Flag reaches the video's instance", java.time.Duration.ofSeconds(30),
                    () -> remote.inbox.stream().anyMatch(r -> "Flag".equals(r.activity().path("type").asText())));
            JsonNode flag = remote.inbox.stream().map(FakeRemoteInstance.Received::activity)
                    .filter(a -> "Flag".equals(a.path("type").asText())).findFirst().orElseThrow();
            assertEquals(BASE + "/accounts/peertube", flag.path("actor").asText());
            assertEquals(videoUrl, flag.path("object").asText());
            assertEquals("Stolen footage", flag.path("content").asText());
            assertEquals("rights", flag.path("tag").get(0).path("name").asText());
            assertEquals(3, flag.path("startAt").asInt());
            assertEquals(owner, flag.path("to").get(0).asText());
            assertTrue(flag.path("id").asText().startsWith(BASE + "/admin/abuses/"));

            // the remote instance reports a local video: an abuse by its instance actor, seen by moderators here
            User root = users.findByUsername("root").orElseThrow();
            Video local = videos.create(NewVideo.published(channels.channelsOf(root.accountId()).get(0).id(),
                    "Reported from afar"));
            String server = remote.application();
            String incoming = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Flag\","
                    + "\"id\":\"" + remote.base() + "/admin/abuses/41\",\"actor\":\"" + server + "\",\"to\":[\""
                    + BASE + "/accounts/root\"],\"cc\":[],\"content\":\"Hateful remarks\",\"mediaType\":"
                    + "\"text/markdown\",\"object\":\"" + local.url() + "\",\"tag\":[{\"type\":\"Hashtag\","
                    + "\"name\":\"hatefulOrAbusive\"}],\"startAt\":1,\"endAt\":2}";
            String foreign = incoming.replace("/abuses/41", "/abuses/42").replace(local.url(), videoUrl);
            assertEquals("a Flag of another instance's video", 403,
                    remote.deliver(BASE + "/inbox", server, foreign).status());
            String unknown = incoming.replace("/abuses/41", "/abuses/43")
                    .replace(local.url(), BASE + "/videos/watch/" + UUID.randomUUID());
            assertEquals(404, remote.deliver(BASE + "/inbox", server, unknown).status());
            Http.Answer accepted = remote.deliver(BASE + "/inbox", server, incoming);
            assertTrue(accepted.status() + " " + accepted.body(), accepted.status() / 100 == 2);

            JsonNode abuses = http().get("/api/v1/abuses?searchReporter=peertube@" + remote.host(), rootToken).json();
            assertEquals(abuses.toString(), 1, abuses.path("total").asInt());
            JsonNode abuse = abuses.path("data").get(0);
            assertEquals("Hateful remarks", abuse.path("reason").asText());
            assertEquals("hatefulOrAbusive", abuse.path("predefinedReasons").get(0).asText());
            assertEquals(remote.host(), abuse.path("reporterAccount").path("host").asText());
            assertEquals(local.uuid(), abuse.path("video").path("uuid").asText());
            assertEquals("root", abuse.path("flaggedAccount").path("name").asText());
            assertEquals("a remote report sends no Flag back", 1, remote.inbox.stream()
                    .filter(r -> "Flag".equals(r.activity().path("type").asText())).count());
        }
    }
}
