package org.vidiverse.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.VideoStore;

public class VideoHeadTest {
    private static final String PUBLIC = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String PRIVATE = "0a1b2c3d-0000-4000-8000-000000000002";

    private static Video video(String uuid, String shortUuid, String name, VideoPrivacy privacy) {
        ActorRef channel = new ActorRef(1, "root_channel", "Root", "localhost:9000", "http://localhost:9000/video-channels/root_channel");
        ActorRef account = new ActorRef(2, "root", "Root", "localhost:9000", "http://localhost:9000/accounts/root");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Video(1, uuid, shortUuid, name, "A <b>clip</b> & more", null, privacy, VideoState.PUBLISHED, 5,
                null, null, null, List.of(), false, true, true, false, 0, 0, 0, 0, true,
                "http://localhost:9000/videos/watch/" + uuid, channel, account, now, now, now, null, null, null, false);
    }

    private final Map<String, Video> byUuid = Map.of(
            PUBLIC, video(PUBLIC, "pub1", "Cats \"&\" <dogs>", VideoPrivacy.PUBLIC),
            PRIVATE, video(PRIVATE, "priv2", "Secret plans", VideoPrivacy.PRIVATE));

    private final VideoStore store = (VideoStore) Proxy.newProxyInstance(VideoStore.class.getClassLoader(),
            new Class<?>[] {VideoStore.class}, (proxy, method, args) -> switch (method.getName()) {
                case "findByUuid" -> Optional.ofNullable(byUuid.get((String) args[0]));
                case "findByShortUuid" -> byUuid.values().stream()
                        .filter(v -> v.shortUuid().equals(args[0])).findFirst();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final VideoHead head = new VideoHead(() -> "https://video.example.org", store);

    @Test
    public void aPublicVideoPageHasEscapedOpenGraphAndOembedDiscovery() {
        String tags = head.tags("/w/pub1");
        assertTrue(tags, tags.contains("<meta property=\"og:title\" content=\"Cats &quot;&amp;&quot; &lt;dogs&gt;\">"));
        assertTrue(tags, tags.contains("<meta property=\"og:url\" content=\"https://video.example.org/w/pub1\">"));
        assertTrue(tags, tags.contains("<link rel=\"alternate\" type=\"application/json+oembed\" "
                + "href=\"https://video.example.org/services/oembed?url=https%3A%2F%2Fvideo.example.org%2Fw%2Fpub1\""));
        assertTrue(tags, tags.contains("og:image\" content=\"https://video.example.org/lazy-static/previews/" + PUBLIC));
        assertFalse("no raw markup from the description", tags.contains("<b>"));
        assertEquals("the watch, ActivityPub and embed URLs describe the same video", tags, head.tags("/videos/watch/" + PUBLIC));
        assertEquals(tags, head.tags("/videos/embed/" + PUBLIC.toUpperCase()));
    }

    @Test
    public void privateUnknownAndOtherPagesHaveNoTags() {
        assertEquals("", head.tags("/w/priv2"));
        assertEquals("", head.tags("/videos/embed/" + PRIVATE));
        assertEquals("", head.tags("/w/nothing"));
        assertEquals("", head.tags("/w/pub1/extra"));
        assertEquals("", head.tags("/login"));
        assertEquals("", new VideoHead(() -> "https://video.example.org", null).tags("/w/pub1"));
    }
}
