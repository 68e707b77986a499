package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.vidiverse.api.auth.AuthProvider;
import org.vidiverse.api.auth.Credentials;
import org.vidiverse.api.codec.Codec;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/** The distribution as a PeerTube client meets it: features, bundles, the first admin, REST shapes and errors. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {
    private static final int PORT = 9180;

    @Inject
    BundleContext context;
    @Inject
    FeaturesService features;
    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    AuthProvider localAuth;
    @Inject
    SessionFactory sessions;
    @Inject
    Codec codec;


    @Configuration
    public Option[] config() {
        return Distribution.options(PORT);
    }

    @Test
    public void everyFeatureIsInstalledAndEveryBundleActive() throws Exception {
        for (String feature : List.of("vidiverse-core", "vidiverse-thirdparty", "vidiverse-persistence",
                "vidiverse-jaxrs", "vidiverse-api", "vidiverse-codec-ffmpeg")) {
            assertTrue(feature + " installed", features.isInstalled(features.getFeatures(feature)[0]));
        }
        List<String> ours = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().startsWith("org.vidiverse.") && !bundle.getSymbolicName().contains(".sample.")) {
                ours.add(bundle.getSymbolicName());
                assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
            }
        }
        assertTrue(ours.toString(), ours.containsAll(List.of("org.vidiverse.api", "org.vidiverse.storage",
                "org.vidiverse.platform", "org.vidiverse.moderation", "org.vidiverse.auth", "org.vidiverse.rest",
                "org.vidiverse.shell", "org.vidiverse.codec.ffmpeg", "org.vidiverse.streaming")));
        assertEquals("REST answers", 200, http().awaitOk("/api/v1/config").status());
    }

    @Test
    public void defaultCodecIsTheBundledFfmpegAndTranscodesInTheDistribution() throws Exception {
        assertEquals("ffmpeg", codec.name());
        assertTrue("bundled FFmpeg extracted and runs in the container", codec.available());
        Path work = Files.createTempDirectory("codec-it");
        Path wav = Files.write(work.resolve("tone.wav"), wav(2, 440));

        MediaInfo info = codec.probe(wav);
        assertEquals(2.0, info.durationSeconds(), 0.05);
        assertEquals("pcm_s16le", info.audioCodec());
        assertFalse(info.hasVideo());

        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(wav, work.resolve("out"),
                List.of(new Rendition(720, 30, 0)), true, true, 4, null), null);
        assertEquals(List.of("mp4", "hls-playlist", "hls-fmp4", "hls-master"),
                outputs.stream().map(TranscodeOutput::kind).toList());
        assertEquals("aac", codec.probe(outputs.get(0).file()).audioCodec());
    }

    /** A mono 16-bit 44.1 kHz WAV of a sine. */
    private static byte[] wav(int seconds, double hertz) {
        int rate = 44_100;
        int samples = seconds * rate;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * hertz * i / rate) * 8000));
        }
        return b.array();
    }

    @Test
    public void rootAdministratorExistsWithThePasswordFromTheEnvironment() throws Exception {
        User root = users.findByUsername("root").orElseThrow();
        assertEquals(UserRole.ADMINISTRATOR, root.role());
        assertTrue(localAuth.authenticate(new Credentials("root", Distribution.ROOT_PASSWORD, "127.0.0.1")).isPresent());
        assertFalse(localAuth.authenticate(new Credentials("root", "wrong", "127.0.0.1")).isPresent());
        assertEquals("root_channel", channels.channelsOf(root.accountId()).get(0).name());
    }

    @Test
    public void configHasTheFieldsPeerTubeClientsRead() throws Exception {
        Http.Answer answer = http().awaitOk("/api/v1/config");
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/json"));
        JsonNode config = answer.json();
        assertEquals("Vidiverse", config.path("instance").path("name").asText());
        assertEquals("6.3.0", config.path("serverVersion").asText());
        assertFalse(config.path("signup").path("allowed").asBoolean(true));
        assertEquals(-1, config.path("user").path("videoQuota").asLong());
        assertTrue(config.path("video").path("file").path("extensions").isArray());
        assertTrue(config.path("transcoding").path("enabledResolutions").size() > 0);
    }

    @Test
    public void videosArePagedSortedAndFoundByIdUuidAndShortUuid() throws Exception {
        long channel = rootChannel();
        Video b = videos.create(NewVideo.published(channel, "paging b"));
        Video a = videos.create(NewVideo.published(channel, "paging a"));
        videos.create(new NewVideo(channel, "paging private", null, null, VideoPrivacy.PRIVATE, VideoState.PUBLISHED,
                0, null, null, null, List.of(), false, true, true, false));

        JsonNode all = http().awaitOk("/api/v1/videos?count=100").json();
        long publicCount = all.path("total").asLong();
        for (JsonNode v : all.path("data")) {
            assertEquals("only public videos are listed", 1, v.path("privacy").path("id").asInt());
        }
        JsonNode page = http().get("/api/v1/videos?start=0&count=1&sort=name").json();
        assertEquals(publicCount, page.path("total").asLong());
        assertEquals(1, page.path("data").size());
        assertEquals("paging a", page.path("data").get(0).path("name").asText());
        JsonNode newest = http().get("/api/v1/videos?count=1&sort=-publishedAt").json().path("data").get(0);
        assertEquals(a.uuid(), newest.path("uuid").asText());

        for (String id : List.of(String.valueOf(b.id()), b.uuid(), b.shortUuid())) {
            Http.Answer answer = http().get("/api/v1/videos/" + id);
            assertEquals(id, 200, answer.status());
            JsonNode video = answer.json();
            assertEquals(b.uuid(), video.path("uuid").asText());
            assertEquals(b.shortUuid(), video.path("shortUUID").asText());
            assertEquals("http://localhost:" + PORT + "/videos/watch/" + b.uuid(), video.path("url").asText());
            assertEquals("root_channel", video.path("channel").path("name").asText());
            assertEquals("root", video.path("account").path("name").asText());
            assertEquals("Published", video.path("state").path("label").asText());
            assertTrue(video.path("files").isArray());
            assertTrue(video.path("streamingPlaylists").isArray());
        }
    }

    @Test
    public void badPagingIsA400ProblemAndUnknownVideoA404() throws Exception {
        for (String query : List.of("count=101", "count=-1", "count=abc", "start=-5", "start=x", "sort=password",
                "sort=-nope")) {
            Http.Answer answer = http().get("/api/v1/videos?" + query);
            assertEquals(query, 400, answer.status());
            assertProblem(answer, 400);
        }
        assertProblem(http().get("/api/v1/videos/999999999"), 404);
        assertProblem(http().get("/api/v1/videos/0b6fd1b0-1f3c-4d44-9f1e-6a4bb7cde001"), 404);
        assertProblem(http().get("/api/v1/videos/bad*id"), 400);
        assertProblem(http().get("/api/v1/no-such-endpoint"), 404);
    }

    @Test
    public void privateVideoIsNotShownToAnonymousClients() throws Exception {
        Video hidden = videos.create(new NewVideo(rootChannel(), "secret", null, null, VideoPrivacy.PRIVATE,
                VideoState.PUBLISHED, 0, null, null, null, List.of(), false, true, true, false));
        Http.Answer answer = http().get("/api/v1/videos/" + hidden.uuid());
        assertProblem(answer, 401);
        assertFalse(answer.body().contains("secret"));
    }

    @Test
    public void shellShowsInfoAndPlugins() throws Exception {
        http().awaitOk("/api/v1/config");
        String info = Shell.run(sessions, "vid:info");
        assertTrue(info, info.contains("Apache Derby"));
        assertTrue(info, info.contains("http://localhost:" + PORT));
        assertTrue(info, info.matches("(?s).*users\\s+\\d+.*"));
        String plugins = Shell.run(sessions, "vid:plugins");
        assertTrue(plugins, plugins.contains("local"));
        assertTrue(plugins, plugins.contains("AUTH_PROVIDER"));
    }

    /** Made in the container only: the test class is also instantiated on the driver side. */
    private Http http() {
        return Http.forThisContainer();
    }

    private long rootChannel() {
        User root = users.findByUsername("root").orElseThrow();
        return channels.channelsOf(root.accountId()).get(0).id();
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
        JsonNode problem = answer.json();
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("detail").asText().isEmpty());
        assertFalse("no stack trace on the wire", answer.body().contains("at org."));
    }
}
