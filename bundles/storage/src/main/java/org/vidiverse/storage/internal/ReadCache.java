package org.vidiverse.storage.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Remembers answers of expensive reads between writes: the {@code total} of a listing (counting the public videos
 * scans every matching index entry, about 50 ms for 100,000 videos on Derby) or the ranked ids of a search, both
 * paid by every page request although they only change when a video is written. Every video write bumps
 * {@link VideoChanges} after its commit, which makes every remembered answer unusable; the age limit bounds how
 * stale an answer can be when another node sharing the database writes, or when it depends on counters (views,
 * likes) that change without a video write.
 *
 * <p>One read runs per key at a time: requests arriving while it runs wait for its result instead of running it
 * too, which under load would multiply the very scans this class saves.
 */
final class ReadCache<V> {
    private record Entry<V>(V value, long generation, long expiresAtNanos) {
    }

    /**
     * How long a request waits for another's read before reading itself: a caller inside a transaction that wrote
     * videos could otherwise wait for a read that waits for that transaction's row locks.
     */
    private static final long WAIT_MILLIS = 2_000;

    private final ConcurrentHashMap<String, CompletableFuture<Entry<V>>> entries = new ConcurrentHashMap<>();
    private final VideoChanges changes;
    private final long maxAgeNanos;
    private final int maxEntries;

    ReadCache(VideoChanges changes, long maxAgeMillis, int maxEntries) {
        this.changes = changes;
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
        this.maxEntries = maxEntries;
    }

    /** The answer for {@code key}, read by {@code read} when unknown, too old or older than the last write. */
    V get(String key, Supplier<V> read) {
        for (;;) {
            long current = changes.generation();
            CompletableFuture<Entry<V>> known = entries.get(key);
            if (known == null) {
                CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
                if (entries.putIfAbsent(key, mine) == null) {
                    return read(key, mine, current, read);
                }
                continue;
            }
            Entry<V> e = await(known);
            if (e == null) {   // the other read failed or takes too long: read without sharing
                return read.get();
            }
            if (e.generation() == current && System.nanoTime() - e.expiresAtNanos() < 0) {
                return e.value();
            }
            CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
            if (entries.replace(key, known, mine)) {
                return read(key, mine, current, read);
            }
        }
    }

    private V read(String key, CompletableFuture<Entry<V>> mine, long generationBefore, Supplier<V> read) {
        try {
            if (entries.size() > maxEntries) {
                entries.keySet().removeIf(k -> !k.equals(key));
            }
            V value = read.get();
            // a write committed during the read bumped the generation: this entry is then never served
            mine.complete(new Entry<>(value, generationBefore, System.nanoTime() + maxAgeNanos));
            return value;
        } catch (RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> Entry<V> await(CompletableFuture<Entry<V>> f) {
        try {
            return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
