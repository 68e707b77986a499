package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address): {@code capacity} tokens, one more every {@code refillMillis}. The
 * least recently seen keys are forgotten past {@code maxKeys}, so that many addresses cannot fill the heap; a
 * forgotten key starts again with a full bucket.
 */
final class TokenBuckets {
    private final int capacity;
    private final long refillMillis;
    private final LongSupplier clock;
    private final Map<String, long[]> buckets;   // key -> {tokens, time of the last refill}

    TokenBuckets(int capacity, long refillMillis, int maxKeys, LongSupplier clock) {
        this.capacity = capacity;
        this.refillMillis = refillMillis;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token from {@code key}'s bucket; {@code false} when it is empty. */
    synchronized boolean take(String key) {
        long now = clock.getAsLong();
        long[] bucket = buckets.computeIfAbsent(key, k -> new long[] {capacity, now});
        long refills = (now - bucket[1]) / refillMillis;
        if (refills > 0) {
            bucket[0] = Math.min(capacity, bucket[0] + refills);
            bucket[1] += refills * refillMillis;
        }
        if (bucket[0] == 0) {
            return false;
        }
        bucket[0]--;
        return true;
    }
}
