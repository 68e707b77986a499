package org.vidiverse.storage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Video;

/**
 * Videos as listings and searches return them, by id, shared by both. A page of 25 videos loaded through the
 * persistence provider costs 20 to 40 ms of CPU (each video with its channel, account, actor and server, then its
 * tags); the same page from here costs a map lookup per video. Entries follow the rules of {@link ReadCache}: any
 * committed video or channel write ({@link VideoChanges}) makes them all unusable, and none is older than
 * {@value #MAX_AGE_MILLIS} ms, which bounds how stale counters (views, likes) and other nodes' writes can be.
 */
@Component(service = VideoCache.class)
public final class VideoCache {
    static final long MAX_AGE_MILLIS = 10_000;
    /** About 5,000 videos with their descriptions: tens of megabytes at most. */
    static final int MAX_ENTRIES = 5_000;

    private record Entry(Video video, long generation, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    private final VideoChanges changes;

    @Activate
    public VideoCache(@Reference VideoChanges changes) {
        this.changes = changes;
    }

    /**
     * The videos of {@code ids} in that order, those not remembered read by {@code load} (which may skip ids of
     * videos deleted meanwhile).
     */
    List<Video> videos(List<Long> ids, Function<List<Long>, List<Video>> load) {
        long generation = changes.generation();   // before reading: a write committed meanwhile voids what is read
        long now = System.nanoTime();
        Map<Long, Video> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Entry e = entries.get(id);
            if (e != null && e.generation() == generation && now - e.expiresAtNanos() < 0) {
                found.put(id, e.video());
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            if (entries.size() + missing.size() > MAX_ENTRIES) {
                entries.clear();
            }
            long expires = now + MAX_AGE_MILLIS * 1_000_000L;
            for (Video v : load.apply(missing)) {
                found.put(v.id(), v);
                entries.put(v.id(), new Entry(v, generation, expires));
            }
        }
        List<Video> page = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Video v = found.get(id);
            if (v != null) {
                page.add(v);
            }
        }
        return page;
    }
}
