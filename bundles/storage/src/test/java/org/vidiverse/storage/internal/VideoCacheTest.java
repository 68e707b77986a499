package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;

public class VideoCacheTest {
    private final VideoChanges changes = new VideoChanges();
    private final VideoCache cache = new VideoCache(changes);
    private final List<List<Long>> loads = new ArrayList<>();

    private List<Video> load(List<Long> ids) {
        loads.add(List.copyOf(ids));
        return ids.stream().filter(id -> id != 13).map(VideoCacheTest::video).toList();   // 13 was deleted
    }

    @Test
    public void loadsOnlyWhatItDoesNotRememberAndKeepsThePageOrder() {
        assertEquals(List.of(3L, 1L, 2L), ids(cache.videos(List.of(3L, 1L, 2L), this::load)));
        assertEquals(List.of(4L, 3L, 1L), ids(cache.videos(List.of(4L, 3L, 1L), this::load)));
        assertEquals(List.of(List.of(3L, 1L, 2L), List.of(4L)), loads);
    }

    @Test
    public void aWriteMakesEverythingStale() {
        cache.videos(List.of(1L, 2L), this::load);
        changes.changed();
        cache.videos(List.of(1L, 2L), this::load);
        assertEquals(2, loads.size());
    }

    @Test
    public void videosGoneMeanwhileAreLeftOut() {
        assertEquals(List.of(12L, 14L), ids(cache.videos(List.of(12L, 13L, 14L), this::load)));
        assertEquals(List.of(12L, 14L), ids(cache.videos(List.of(12L, 13L, 14L), this::load)));
        assertEquals("the missing one is asked for again", List.of(13L), loads.get(1));
    }

    private static List<Long> ids(List<Video> videos) {
        return videos.stream().map(Video::id).toList();
    }

    private static Video video(long id) {
        ActorRef actor = new ActorRef(1, "alice", "Alice", "example.org", "https://example.org/a/alice");
        String uuid = String.format("00000000-0000-4000-8000-%012d", id);
        return new Video(id, uuid, "s" + id, "video " + id, null, null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 60,
                null, null, null, List.of(), false, true, true, false, 0, 0, 0, 0, true,
                "https://example.org/videos/watch/" + uuid, actor, actor, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH,
                null);
    }
}
