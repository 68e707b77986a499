package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationService;
import org.vidiverse.api.monetization.SupportLink;

public class MonetizedMediaResolverTest {
    private static final String UUID = "aaaaaaaa-1111-4111-8111-11111111111b";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Fixtures fx;
    private final List<AccessRequest> asked = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;
    private volatile String supporter = "nobody";
    private MediaResolver resolver;

    /** Allows the supporter only. */
    private final MonetizationService monetization = new MonetizationService() {
        @Override public boolean active() { return active; }
        @Override public AccessDecision checkAccess(AccessRequest request) {
            asked.add(request);
            return supporter.equals(request.username()) ? AccessDecision.allow()
                    : AccessDecision.deny("Support \"the channel\" to watch", "https://example.org/support");
        }
        @Override public List<SupportLink> supportLinks(long channelId) { return List.of(); }
    };

    @Before
    public void files() throws Exception {
        Path root = temp.newFolder("media").toPath();
        fx = new Fixtures(root);
        resolver = new MediaResolver(fx.storage, fx.videoStore(), fx.logins(), new RecentLookups(), monetization);
        fx.video(1, UUID, "Gated", VideoPrivacy.PUBLIC);
        fx.file(10, 1, 720, "gated-720.mp4", false, "gated-720.torrent");
        fx.file(11, 1, 720, "gated-720-fragmented.mp4", true, null);
        MediaStorage s = fx.storage;
        for (Path p : List.of(s.webVideos().resolve("gated-720.mp4"), s.hls(UUID).resolve("master.m3u8"),
                s.hls(UUID).resolve("gated-720-fragmented.mp4"), s.torrents().resolve("gated-720.torrent"),
                s.thumbnails().resolve(UUID + ".jpg"))) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, p.getFileName().toString());
        }
    }

    private MediaResolver.Target resolve(MediaRoute route, String token, String... names) throws HttpProblem {
        return resolver.resolve(route, List.of(names), token == null ? null : "Bearer " + token);
    }

    @Test
    public void everyFileOfAGatedVideoIsRefusedWithTheProvidersMessageAndLink() {
        for (String token : new String[] {null, Fixtures.OTHER_TOKEN}) {
            for (HttpProblem problem : List.of(
                    assertThrows(HttpProblem.class, () -> resolve(MediaRoute.WEB_VIDEOS, token, "gated-720.mp4")),
                    assertThrows(HttpProblem.class, () -> resolve(MediaRoute.DOWNLOAD_WEB_VIDEOS, token,
                            "gated-720.mp4")),
                    assertThrows(HttpProblem.class, () -> resolve(MediaRoute.HLS, token, UUID, "master.m3u8")),
                    assertThrows(HttpProblem.class, () -> resolve(MediaRoute.DOWNLOAD_HLS, token,
                            "gated-720-fragmented.mp4")),
                    assertThrows(HttpProblem.class, () -> resolve(MediaRoute.TORRENTS, token,
                            "gated-720.torrent")))) {
                assertEquals(403, problem.status());
                assertEquals("Support \"the channel\" to watch", problem.getMessage());
                assertEquals("https://example.org/support", problem.supportUrl());
            }
        }
        AccessRequest last = asked.get(asked.size() - 1);
        assertEquals(UUID, last.videoUuid());
        assertEquals("other", last.username());
        assertEquals(Fixtures.OWNER_ACCOUNT, last.channelId());   // the fixtures' channel ref is the account's
    }

    @Test
    public void anonymousCallersAreAskedAboutWithoutAName() {
        assertThrows(HttpProblem.class, () -> resolve(MediaRoute.WEB_VIDEOS, null, "gated-720.mp4"));
        assertNull(asked.get(0).username());
    }

    @Test
    public void theOwnerAndModeratorsPassWithoutAskingAndGetPrivateAnswers() throws Exception {
        assertFalse(resolve(MediaRoute.WEB_VIDEOS, Fixtures.OWNER_TOKEN, "gated-720.mp4").open());
        assertFalse(resolve(MediaRoute.HLS, Fixtures.MODERATOR_TOKEN, UUID, "master.m3u8").open());
        assertTrue(asked.isEmpty());
    }

    @Test
    public void anAllowedSupporterGetsThePrivateFile() throws Exception {
        supporter = "other";
        assertFalse(resolve(MediaRoute.WEB_VIDEOS, Fixtures.OTHER_TOKEN, "gated-720.mp4").open());
    }

    @Test
    public void stillsStayOpen() throws Exception {
        assertTrue(resolve(MediaRoute.THUMBNAILS, null, UUID + ".jpg").open());
        assertTrue(asked.isEmpty());
    }

    @Test
    public void withoutProvidersNothingIsAskedAndNoTokenIsChecked() throws Exception {
        active = false;
        assertTrue(resolve(MediaRoute.WEB_VIDEOS, "a-token-nobody-checks", "gated-720.mp4").open());
        assertTrue(asked.isEmpty());
    }

    @Test
    public void aRefusalsProblemJsonCarriesTheSupportUrl() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Support us\","
                + "\"error\":\"Support us\",\"supportUrl\":\"https://x/\\\"y\"}",
                Problems.json(403, "Support us", "https://x/\"y"));
        assertEquals(Problems.json(404, "gone"), Problems.json(404, "gone", null));
    }
}
