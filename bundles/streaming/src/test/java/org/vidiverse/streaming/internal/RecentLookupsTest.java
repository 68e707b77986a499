package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.model.VideoPrivacy;

public class RecentLookupsTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final AtomicLong now = new AtomicLong(1_000);
    private final RecentLookups recent = new RecentLookups(now::get);

    @Test
    public void foundValuesAreKeptForTheTtl() {
        AtomicInteger calls = new AtomicInteger();
        java.util.function.Supplier<Optional<String>> lookup = () -> {
            calls.incrementAndGet();
            return Optional.of("v");
        };
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of("v"), recent.get("k", lookup));
        }
        assertEquals(1, calls.get());
        now.addAndGet(RecentLookups.TTL_MS - 1);
        recent.get("k", lookup);
        assertEquals(1, calls.get());
        now.addAndGet(1);
        recent.get("k", lookup);
        assertEquals("looked up again once the TTL is over", 2, calls.get());
    }

    @Test
    public void missesAreNeverKept() {
        AtomicInteger calls = new AtomicInteger();
        recent.get("k", () -> {
            calls.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(Optional.of("now"), recent.get("k", () -> {
            calls.incrementAndGet();
            return Optional.of("now");
        }));
        assertEquals(2, calls.get());
    }

    @Test
    public void aVideoMadePrivateStopsBeingServedWithinTheTtl() throws Exception {
        Fixtures fx = new Fixtures(temp.newFolder("media").toPath());
        fx.video(1, "aaaaaaaa-1111-4111-8111-11111111111b", "v", VideoPrivacy.PUBLIC);
        fx.file(10, 1, 720, "v-720.mp4", false, null);
        Files.createDirectories(fx.storage.webVideos());
        Files.writeString(fx.storage.webVideos().resolve("v-720.mp4"), "x");
        MediaResolver resolver = new MediaResolver(fx.storage, fx.videoStore(), fx.logins(), recent);
        assertTrue(resolver.resolve(MediaRoute.WEB_VIDEOS, List.of("v-720.mp4"), null).open());

        fx.video(1, "aaaaaaaa-1111-4111-8111-11111111111b", "v", VideoPrivacy.PRIVATE);
        assertTrue("still remembered as public", resolver.resolve(MediaRoute.WEB_VIDEOS, List.of("v-720.mp4"), null)
                .open());
        now.addAndGet(RecentLookups.TTL_MS);
        HttpProblem refused = org.junit.Assert.assertThrows(HttpProblem.class,
                () -> resolver.resolve(MediaRoute.WEB_VIDEOS, List.of("v-720.mp4"), null));
        assertEquals(403, refused.status());
    }
}
