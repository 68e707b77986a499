package org.vidiverse.rest.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers which client viewed which video in the last {@code windowMs}, so one client counts at most one view
 * per video per window. In memory and per instance, as PeerTube keeps its view dedupe in Redis with an expiry:
 * a restart forgets it, and nodes of a cluster each count once. Bounded: past {@code capacity} entries the oldest
 * ones are dropped (so under a flood a client may count again sooner, never more than once per request).
 */
final class RecentViews {
    private final long windowMs;
    private final int capacity;
    private final LongSupplier clock;
    /** Insertion order is time order: every accepted view is re-inserted with its time. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    RecentViews(long windowMs, int capacity, LongSupplier clock) {
        this.windowMs = windowMs;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Whether this view counts: {@code true} the first time a client views a video within the window. */
    synchronized boolean firstView(String client, long videoId) {
        long now = clock.getAsLong();
        expire(now);
        String key = videoId + "|" + client;
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        if (seen.size() > capacity) {
            Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void expire(long now) {
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue() < windowMs) {
                return;
            }
            it.remove();
        }
    }

    synchronized int size() {
        return seen.size();
    }
}
