package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.streaming.internal.MediaResolver.Target;

public class MediaResolverTest {
    private static final String PUBLIC_UUID = "aaaaaaaa-1111-4111-8111-11111111111b";
    private static final String PRIVATE_UUID = "22222222-2222-4222-8222-222222222222";
    private static final String INTERNAL_UUID = "33333333-3333-4333-8333-333333333333";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Fixtures fx;
    private MediaResolver resolver;
    private Path root;

    @Before
    public void files() throws Exception {
        root = temp.newFolder("media").toPath();
        fx = new Fixtures(root);
        resolver = fx.resolver();
        fx.video(1, PUBLIC_UUID, "Public: a/b", VideoPrivacy.PUBLIC);
        fx.video(2, PRIVATE_UUID, "Private", VideoPrivacy.PRIVATE);
        fx.video(3, INTERNAL_UUID, "Internal", VideoPrivacy.INTERNAL);
        fx.file(10, 1, 720, "pub-720.mp4", false, "pub-720.torrent");
        fx.file(20, 2, 480, "priv-480.mp4", false, "priv-480.torrent");
        fx.file(21, 2, 480, "priv-480-fragmented.mp4", true, null);
        fx.file(30, 3, 360, "int-360.mp4", false, null);
        MediaStorage s = fx.storage;
        for (Path p : List.of(s.webVideos().resolve("pub-720.mp4"), s.webVideos().resolve("priv-480.mp4"),
                s.webVideos().resolve("int-360.mp4"), s.hls(PRIVATE_UUID).resolve("priv-480-fragmented.mp4"),
                s.hls(PUBLIC_UUID).resolve("master.m3u8"), s.torrents().resolve("pub-720.torrent"),
                s.torrents().resolve("priv-480.torrent"), s.thumbnails().resolve(PRIVATE_UUID + ".jpg"),
                s.thumbnails().resolve("random.jpg"), s.webVideos().resolve("orphan.mp4"))) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, p.getFileName().toString());
        }
    }

    private Target resolve(MediaRoute route, String token, String... names) throws HttpProblem {
        return resolver.resolve(route, List.of(names), token == null ? null : "Bearer " + token);
    }

    private int status(MediaRoute route, String token, String... names) {
        return assertThrows(HttpProblem.class, () -> resolve(route, token, names)).status();
    }

    @Test
    public void publicFilesAreOpenToAnyone() throws Exception {
        Target t = resolve(MediaRoute.WEB_VIDEOS, null, "pub-720.mp4");
        assertEquals(root.toRealPath().resolve("web-videos/pub-720.mp4"), t.file());
        assertTrue(t.open());
        assertNull(t.downloadName());
        assertTrue(resolve(MediaRoute.HLS, null, PUBLIC_UUID, "master.m3u8").open());
        assertTrue(resolve(MediaRoute.TORRENTS, "not-a-token", "pub-720.torrent").open());
    }

    @Test
    public void privateAndInternalFilesNeedTheOwnerOrAModerator() throws Exception {
        for (String token : new String[] {null, "not-a-token", Fixtures.OTHER_TOKEN}) {
            assertEquals(403, status(MediaRoute.WEB_VIDEOS, token, "priv-480.mp4"));
            assertEquals(403, status(MediaRoute.WEB_VIDEOS, token, "int-360.mp4"));
            assertEquals(403, status(MediaRoute.HLS, token, PRIVATE_UUID, "priv-480-fragmented.mp4"));
            assertEquals(403, status(MediaRoute.TORRENTS, token, "priv-480.torrent"));
            assertEquals(403, status(MediaRoute.DOWNLOAD_HLS, token, "priv-480-fragmented.mp4"));
            assertEquals(403, status(MediaRoute.THUMBNAILS, token, PRIVATE_UUID + ".jpg"));
        }
        assertEquals("only Bearer tokens count", 403, assertThrows(HttpProblem.class, () -> resolver.resolve(
                MediaRoute.WEB_VIDEOS, List.of("priv-480.mp4"), "Basic " + Fixtures.OWNER_TOKEN)).status());
        for (String token : new String[] {Fixtures.OWNER_TOKEN, Fixtures.MODERATOR_TOKEN}) {
            Target t = resolve(MediaRoute.WEB_VIDEOS, token, "priv-480.mp4");
            assertFalse("served, but not to shared caches", t.open());
            assertFalse(resolve(MediaRoute.HLS, token, PRIVATE_UUID, "priv-480-fragmented.mp4").open());
            assertFalse(resolve(MediaRoute.WEB_VIDEOS, token, "int-360.mp4").open());
        }
    }

    @Test
    public void filesWithoutAVideoAreNotServed() {
        assertEquals(404, status(MediaRoute.WEB_VIDEOS, null, "orphan.mp4"));
        assertEquals(404, status(MediaRoute.WEB_VIDEOS, null, "missing.mp4"));
        assertEquals(404, status(MediaRoute.HLS, null, "44444444-4444-4444-8444-444444444444", "master.m3u8"));
        assertEquals("the folder must be a lower-case uuid", 404,
                status(MediaRoute.HLS, null, PUBLIC_UUID.toUpperCase(), "master.m3u8"));
        assertEquals("an HLS file is not a web video", 404,
                status(MediaRoute.WEB_VIDEOS, Fixtures.OWNER_TOKEN, "priv-480-fragmented.mp4"));
        assertEquals("a web video is not an HLS download", 404,
                status(MediaRoute.DOWNLOAD_HLS, null, "pub-720.mp4"));
    }

    @Test
    public void aRecordedFileMissingOnDiskIs404() throws Exception {
        Files.delete(fx.storage.webVideos().resolve("pub-720.mp4"));
        assertEquals(404, status(MediaRoute.WEB_VIDEOS, null, "pub-720.mp4"));
        assertEquals("a folder is no file", 404, status(MediaRoute.HLS, null, PUBLIC_UUID, "."));
    }

    @Test
    public void thumbnailsAreOpenUnlessNamedAfterAVideoThatIsNot() throws Exception {
        assertTrue(resolve(MediaRoute.THUMBNAILS, null, "random.jpg").open());
        assertFalse(resolve(MediaRoute.THUMBNAILS, Fixtures.OWNER_TOKEN, PRIVATE_UUID + ".jpg").open());
        assertEquals(404, status(MediaRoute.PREVIEWS, null, "random.jpg"));
    }

    @Test
    public void downloadsHaveAReadableName() throws Exception {
        Target web = resolve(MediaRoute.DOWNLOAD_WEB_VIDEOS, null, "pub-720.mp4");
        assertEquals("Public a b-720p.mp4", web.downloadName());
        Target hls = resolve(MediaRoute.DOWNLOAD_HLS, Fixtures.OWNER_TOKEN, "priv-480-fragmented.mp4");
        assertEquals(fx.storage.hls(PRIVATE_UUID).resolve("priv-480-fragmented.mp4").toRealPath(), hls.file());
        assertEquals("Private-480p.mp4", hls.downloadName());
    }

    @Test
    public void symbolicLinksOutOfTheRootAreNotFollowed() throws Exception {
        Path secret = temp.newFile("secret.mp4").toPath();
        Files.writeString(secret, "secret");
        Files.delete(fx.storage.webVideos().resolve("pub-720.mp4"));
        Files.createSymbolicLink(fx.storage.webVideos().resolve("pub-720.mp4"), secret);
        assertEquals(404, status(MediaRoute.WEB_VIDEOS, null, "pub-720.mp4"));

        Path outside = temp.newFolder("elsewhere").toPath();
        Files.writeString(outside.resolve("master.m3u8"), "#EXTM3U");
        Path hls = fx.storage.hls(PUBLIC_UUID);
        Files.delete(hls.resolve("master.m3u8"));
        Files.delete(hls);
        Files.createSymbolicLink(hls, outside);
        assertEquals(404, status(MediaRoute.HLS, null, PUBLIC_UUID, "master.m3u8"));
    }

    @Test
    public void aRootThatIsItselfALinkStillServes() throws Exception {
        Path link = temp.getRoot().toPath().resolve("media-link");
        Files.createSymbolicLink(link, root);
        Fixtures linked = new Fixtures(link);
        linked.videos.putAll(fx.videos);
        linked.files.putAll(fx.files);
        Target t = linked.resolver().resolve(MediaRoute.WEB_VIDEOS, List.of("pub-720.mp4"), null);
        assertEquals(root.toRealPath().resolve("web-videos/pub-720.mp4"), t.file());
    }
}
