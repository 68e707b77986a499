package org.vidiverse.streaming.internal.tracker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class HostedSwarmsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger scans = new AtomicInteger();
    private final Set<String> stored = new HashSet<>(Set.of("a"));
    private final AtomicLong changes = new AtomicLong();
    private final HostedSwarms hosted = new HostedSwarms(() -> {
        scans.incrementAndGet();
        return stored;
    }, changes::get, now::get, 60_000, 2_000);

    @Test
    public void knownHashesAreAnsweredFromTheCache() {
        assertTrue(hosted.hosts("a"));
        assertTrue(hosted.hosts("a"));
        assertEquals(1, scans.get());
    }

    @Test
    public void unknownHashesRescanAtMostOncePerInterval() {
        assertFalse(hosted.hosts("x"));
        assertFalse(hosted.hosts("y"));
        assertFalse(hosted.hosts("z"));
        assertEquals(1, scans.get());
        stored.add("new");
        now.addAndGet(2_000);
        assertTrue("a video published since the last scan is found", hosted.hosts("new"));
        assertEquals(2, scans.get());
    }

    @Test
    public void aChangeOfTheVideosRescansAtOnce() {
        assertFalse(hosted.hosts("new"));
        stored.add("new");
        assertFalse("no change reported yet, and the last scan is recent", hosted.hosts("new"));
        changes.incrementAndGet();
        assertTrue(hosted.hosts("new"));
        assertFalse(hosted.hosts("other"));
        assertEquals("one scan per change", 2, scans.get());
    }

    @Test
    public void theCacheExpires() {
        hosted.hosts("a");
        stored.remove("a");
        now.addAndGet(60_000);
        assertFalse(hosted.hosts("a"));
    }
}
