package org.vidiverse.auth.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a sliding window (e.g. token requests per address). Memory stays bounded: keys whose
 * events have all left the window are dropped, and past {@code maxKeys} the oldest keys are forgotten first.
 */
final class AttemptLimiter {
    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    AttemptLimiter(int limit, long windowMillis, int maxKeys, Clock clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Whether {@code key} is under the limit now (does not record anything). */
    boolean allowed(String key) {
        Deque<Long> times = events.get(key);
        if (times == null) {
            return true;
        }
        synchronized (times) {
            prune(times, clock.millis());
            return times.size() < limit;
        }
    }

    /** Records one event for {@code key}. */
    void record(String key) {
        long now = clock.millis();
        if (events.size() >= maxKeys) {
            evict(now);
        }
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    /** Records one event and answers whether it was still within the limit. */
    boolean tryAcquire(String key) {
        boolean ok = allowed(key);
        record(key);
        return ok;
    }

    void reset(String key) {
        events.remove(key);
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.pollFirst();
        }
    }

    private void evict(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                prune(times, now);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
        // still full: forget arbitrary keys rather than grow without bound under a flood of addresses
        Iterator<String> keys = events.keySet().iterator();
        while (events.size() >= maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
