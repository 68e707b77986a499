package org.vidiverse.streaming.internal.tracker;

import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Which info hashes this instance hosts, so that the tracker relays for its own videos only. The set comes from a
 * scan of the local videos, remembered for {@code ttlMillis}; an unknown hash triggers a new scan (a video published
 * a moment ago) but at most once per {@code minRescanMillis}, so a stream of made-up hashes cannot make the tracker
 * scan the database again and again.
 */
final class HostedSwarms {
    private record Snapshot(Set<String> hashes, long at, long generation) {
    }

    private final Supplier<Set<String>> scan;
    private final LongSupplier clock;
    private final LongSupplier generation;
    private final long ttlMillis;
    private final long minRescanMillis;
    private volatile Snapshot current;

    /**
     * @param generation a number that moves when videos change (a video published or deleted): an unknown hash
     *                   is looked for again at once when it moved since the last scan
     */
    HostedSwarms(Supplier<Set<String>> scan, LongSupplier generation, LongSupplier clock, long ttlMillis,
                 long minRescanMillis) {
        this.scan = scan;
        this.generation = generation;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.minRescanMillis = minRescanMillis;
    }

    /** @param infoHash a binary info hash */
    boolean hosts(String infoHash) {
        long now = clock.getAsLong();
        Snapshot s = current;
        if (s == null || now - s.at() >= ttlMillis) {
            s = rescan(now, ttlMillis);
        }
        if (s.hashes().contains(infoHash)) {
            return true;
        }
        return rescan(now, minRescanMillis).hashes().contains(infoHash);
    }

    /**
     * Scans again unless the last scan is younger than {@code minAge} and no video changed since (another thread
     * may just have made one).
     */
    private synchronized Snapshot rescan(long now, long minAge) {
        Snapshot s = current;
        long gen = generation.getAsLong();
        if (s != null && now - s.at() < minAge && s.generation() == gen) {
            return s;
        }
        Snapshot fresh = new Snapshot(Set.copyOf(scan.get()), now, gen);
        current = fresh;
        return fresh;
    }
}
