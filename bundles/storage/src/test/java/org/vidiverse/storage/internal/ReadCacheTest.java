package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class ReadCacheTest {
    private final AtomicLong counts = new AtomicLong();
    private final VideoChanges changes = new VideoChanges();

    private Long count(long value) {
        counts.incrementAndGet();
        return value;
    }

    @Test
    public void remembersATotalUntilTheNextWrite() {
        ReadCache<Long> totals = new ReadCache<>(changes, 60_000, 100);
        assertEquals(5L, (long) totals.get("public", () -> count(5)));
        assertEquals(5L, (long) totals.get("public", () -> count(6)));
        assertEquals(1, counts.get());
        changes.changed();
        assertEquals(6L, (long) totals.get("public", () -> count(6)));
        assertEquals(2, counts.get());
    }

    @Test
    public void keepsFiltersApart() {
        ReadCache<Long> totals = new ReadCache<>(changes, 60_000, 100);
        assertEquals(5L, (long) totals.get("public", () -> count(5)));
        assertEquals(9L, (long) totals.get("channel 3", () -> count(9)));
        assertEquals(5L, (long) totals.get("public", () -> count(7)));
    }

    @Test
    public void aWriteDuringTheCountIsNeverHiddenByIt() {
        ReadCache<Long> totals = new ReadCache<>(changes, 60_000, 100);
        // the count read the table before a concurrent writer committed and invalidated
        assertEquals(5L, (long) totals.get("public", () -> {
            changes.changed();
            return count(5);
        }));
        assertEquals(6L, (long) totals.get("public", () -> count(6)));
    }

    @Test
    public void forgetsTotalsOlderThanTheLimit() throws InterruptedException {
        ReadCache<Long> totals = new ReadCache<>(changes, 20, 100);
        assertEquals(5L, (long) totals.get("public", () -> count(5)));
        Thread.sleep(40);
        assertEquals(6L, (long) totals.get("public", () -> count(6)));
    }

    @Test
    public void concurrentRequestsShareOneCount() throws Exception {
        ReadCache<Long> totals = new ReadCache<>(changes, 60_000, 100);
        java.util.concurrent.CountDownLatch counting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Future<Long> first = pool.submit(() -> totals.get("public", () -> {
                counting.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return count(7);
            }));
            counting.await();
            java.util.List<java.util.concurrent.Future<Long>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> totals.get("public", () -> count(99))));
            }
            Thread.sleep(100);
            release.countDown();
            assertEquals(7L, (long) first.get());
            for (java.util.concurrent.Future<Long> f : others) {
                assertEquals(7L, (long) f.get());
            }
            assertEquals(1, counts.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aFailedCountIsNotRemembered() {
        ReadCache<Long> totals = new ReadCache<>(changes, 60_000, 100);
        org.junit.Assert.assertThrows(IllegalStateException.class, () -> totals.get("public", () -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(3L, (long) totals.get("public", () -> count(3)));
    }
}
