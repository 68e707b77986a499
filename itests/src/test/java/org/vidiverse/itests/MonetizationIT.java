package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample monetization plugin hot-deployed into a running instance: a video tagged {@code supporters-only} keeps
 * its metadata public but its files go only to its owner, moderators and the supporters its channel's owner names
 * through the plugin's REST endpoint; support links show on the video and the channel; removing the jar opens the
 * video again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MonetizationIT {
    private static final int PORT = 9194;
    private static final String PID = "org.vidiverse.sample.supporters";
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private static final String PASSWORD = "a-long-password-1";
    private static final String ROUTER = "/plugins/supporters/router/channels/";

    @Inject
    BundleContext context;
    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    MediaStorage storage;
    @Inject
    ConfigurationAdmin configs;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT,
                CoreOptions.systemProperty("vidiverse.monetizationPluginJar")
                        .value(System.getProperty("vidiverse.monetizationPluginJar")),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption
                        .editConfigurationFilePut("etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    private Http http() {
        return new Http(PORT);
    }

    @Test
    public void supportersOnlyVideoServesItsFilesToSupportersUntilThePluginLeaves() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        Channel channel = channels.channelsOf(alice.accountId()).get(0);
        String tipUrl = "https://tips.example/" + channel.name();
        configure(channel.name() + "|Tip jar|" + tipUrl, channel.name() + "|$wallet.example/" + alice.username());
        Video video = videos.create(new NewVideo(channel.id(), "For supporters", null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 10, null, null, null, List.of("music", "supporters-only"), false, true, true,
                false));
        String filename = UUID.randomUUID() + "-720.mp4";
        Path file = storage.webVideos().resolve(filename);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        VideoFile webVideo = videos.addFile(video.id(), 720, 8, 30, ".mp4", filename);
        String path = "/static/web-videos/" + filename;
        String download = "/download/web-videos/" + filename;
        Path playlist = storage.hls(video.uuid()).resolve("master.m3u8");
        Files.createDirectories(playlist.getParent());
        Files.writeString(playlist, "#EXTM3U\n");
        String hls = "/static/streaming-playlists/hls/" + video.uuid() + "/master.m3u8";
        String torrentName = UUID.randomUUID() + "-720.torrent";
        Files.createDirectories(storage.torrents());
        Files.writeString(storage.torrents().resolve(torrentName), "d8:announce0:e");
        videos.setTorrent(webVideo.id(), torrentName, "0123456789abcdef0123456789abcdef01234567");
        String torrent = "/lazy-static/torrents/" + torrentName;
        String root = http().login("root", Distribution.ROOT_PASSWORD);
        String aliceToken = http().login(alice.username(), PASSWORD);
        String bobToken = http().login(bob.username(), PASSWORD);

        Await.until("the file is served", QUICKLY, () -> status(path, null) == 200);
        assertTrue(api("/api/v1/videos/" + video.uuid(), null).path("supportLinks").isEmpty());

        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "monetization-supporters.jar");
        Files.copy(Path.of(System.getProperty("vidiverse.monetizationPluginJar")), deployed,
                StandardCopyOption.REPLACE_EXISTING);
        Await.until("the plugin gates the video", QUICKLY, () -> status(path, null) == 403);
        String supportersOfAlice = ROUTER + channel.name() + "/supporters";
        // the REST endpoint is rebuilt when the plugin's resource arrives: wait until it is there
        Await.until("the plugin's endpoint is published", QUICKLY,
                () -> call("GET", supportersOfAlice, aliceToken).status() == 200);

        Http.Answer refused = file(path, null);
        assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
        JsonNode problem = refused.json();
        assertEquals(403, problem.path("status").asInt());
        assertTrue(problem.toString(), problem.path("detail").asText().contains(tipUrl));
        assertEquals(tipUrl, problem.path("supportUrl").asText());
        for (String other : List.of(download, hls, torrent)) {
            assertEquals(other, 403, status(other, null));
            assertEquals(other, 403, status(other, bobToken));
            assertEquals(other, 200, status(other, aliceToken));
        }
        assertEquals(403, status(path, bobToken));
        assertEquals(200, status(path, aliceToken));
        assertTrue(file(path, aliceToken).header("Cache-Control").startsWith("private"));
        assertEquals(200, status(path, root));
        assertEquals("the stills stay open", 404, status("/lazy-static/thumbnails/" + video.uuid() + ".jpg", null));

        // the metadata stays public, with the links and why the files are refused
        JsonNode details = api("/api/v1/videos/" + video.uuid(), null);
        assertEquals("Tip jar", details.path("supportLinks").path(0).path("label").asText());
        assertEquals("link", details.path("supportLinks").path(0).path("kind").asText());
        assertEquals(tipUrl, details.path("supportLinks").path(0).path("target").asText());
        assertEquals("payment-pointer", details.path("supportLinks").path(1).path("kind").asText());
        assertEquals("$wallet.example/" + alice.username(), details.path("supportLinks").path(1).path("target").asText());
        assertFalse(details.path("access").path("allowed").asBoolean(true));
        assertEquals(tipUrl, details.path("access").path("supportUrl").asText());
        assertTrue(api("/api/v1/videos/" + video.uuid(), aliceToken).path("access").path("allowed")
                .asBoolean());
        JsonNode channelJson = api("/api/v1/video-channels/" + channel.name(), null);
        assertEquals(tipUrl, channelJson.path("supportLinks").path(0).path("target").asText());

        // the owner names bob a supporter, then takes it back
        String bobSupporter = ROUTER + channel.name() + "/supporters/" + bob.username();
        assertEquals(204, call("PUT", bobSupporter, aliceToken).status());
        assertEquals(200, status(path, bobToken));

        // supporters are kept when the plugin restarts
        Bundle plugin = bundle("org.vidiverse.sample.monetization.supporters");
        plugin.stop();
        Await.until("the video opens while the plugin is stopped", QUICKLY, () -> status(path, null) == 200);
        plugin.start();
        Await.until("the plugin gates the video again", QUICKLY, () -> status(path, null) == 403);
        Await.until("the plugin's endpoint is back", QUICKLY,
                () -> call("GET", supportersOfAlice, aliceToken).status() == 200);
        assertEquals("bob is still a supporter", 200, status(path, bobToken));
        assertEquals(200, status(hls, bobToken));
        assertTrue(api("/api/v1/videos/" + video.uuid(), bobToken).path("access").path("allowed")
                .asBoolean());
        JsonNode list = api(supportersOfAlice, aliceToken);
        assertEquals(1, list.path("total").asInt());
        assertEquals(bob.username(), list.path("data").path(0).path("username").asText());
        assertEquals(403, status(path, null));
        assertEquals(204, call("DELETE", bobSupporter, aliceToken).status());
        assertEquals("bob after the revocation; supporters: " + api(supportersOfAlice, aliceToken), 403,
                status(path, bobToken));

        // bad inputs
        assertProblem(404, call("PUT", ROUTER + "no_such_channel_x/supporters/" + bob.username(), aliceToken));
        assertProblem(404, call("PUT", ROUTER + channel.name() + "/supporters/no_such_user_x", aliceToken));
        assertProblem(403, call("PUT", bobSupporter, bobToken));
        assertProblem(403, call("GET", supportersOfAlice, bobToken));
        assertProblem(401, call("PUT", bobSupporter, null));
        assertEquals(403, status(path, bobToken));

        // without the plugin the video is open again, with no links
        Files.delete(deployed);
        Await.until("the video opens again", QUICKLY, () -> status(path, null) == 200);
        assertEquals(200, status(path, bobToken));
        // the REST endpoint is rebuilt when the plugin's resource leaves: wait for its answer
        Await.until("the video's links are gone", QUICKLY, () -> {
            Http.Answer answer = file("/api/v1/videos/" + video.uuid(), null);
            return answer.status() == 200 && answer.json().path("supportLinks").isEmpty();
        });
        JsonNode after = api("/api/v1/videos/" + video.uuid(), null);
        assertTrue(after.path("access").isMissingNode());
    }

    /**
     * The JSON of a 200 answer: the REST endpoint is rebuilt shortly after the plugin's resource comes or goes, and
     * a request in that moment may find no route.
     */
    private JsonNode api(String path, String token) throws InterruptedException {
        Http.Answer[] last = new Http.Answer[1];
        Await.until(path + " answers", QUICKLY, () -> {
            last[0] = file(path, token);
            return last[0].status() == 200 && last[0].contentType().startsWith("application/json");
        });
        return last[0].json();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }

    private static void assertProblem(int status, Http.Answer answer) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
        assertEquals(status, answer.json().path("status").asInt());
    }

    private Http.Answer file(String path, String token) {
        try {
            return token == null ? http().get(path) : http().get(path, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path, String token) {
        return file(path, token).status();
    }

    private Http.Answer call(String method, String path, String token) {
        try {
            return http().json(method, path, token, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void configure(String... links) throws Exception {
        org.osgi.service.cm.Configuration config = configs.getConfiguration(PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("links", links);
        config.update(props);
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
}
