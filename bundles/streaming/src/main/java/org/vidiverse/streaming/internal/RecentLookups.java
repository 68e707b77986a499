package org.vidiverse.streaming.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The videos and files found for recent requests, kept for {@link #TTL_MS} ms. A player asks for the same file many
 * times within seconds (ranges of an MP4, HLS segments as ranges of one fragmented MP4, playlists), and each lookup
 * is one or two database queries that cost more than sending a small range. Only found rows are kept: a file
 * recorded a moment after a 404 is served at once. A video made private stops being served within the TTL.
 */
final class RecentLookups {
    static final long TTL_MS = 2_000;
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Object value, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    RecentLookups() {
        this(() -> System.nanoTime() / 1_000_000);
    }

    RecentLookups(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    /** The remembered value of {@code key}, else {@code lookup}'s, remembered when present. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(String key, Supplier<Optional<T>> lookup) {
        long now = clock.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            return Optional.of((T) entry.value());
        }
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();   // crude, but bounded: at worst one lookup per entry again
            }
            entries.put(key, new Entry(found.get(), now + TTL_MS));
        } else if (entry != null) {
            entries.remove(key, entry);
        }
        return found;
    }
}
