package org.vidiverse.auth.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.Test;

public class AttemptLimiterTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T00:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    public void limitHoldsWithinTheWindowAndLiftsAfterIt() {
        ManualClock clock = new ManualClock();
        AttemptLimiter limiter = new AttemptLimiter(3, 60_000, 100, clock);
        assertTrue(limiter.tryAcquire("1.2.3.4"));
        assertTrue(limiter.tryAcquire("1.2.3.4"));
        assertTrue(limiter.tryAcquire("1.2.3.4"));
        assertFalse(limiter.tryAcquire("1.2.3.4"));
        assertTrue("other keys are not affected", limiter.tryAcquire("5.6.7.8"));
        clock.advance(Duration.ofSeconds(61));
        assertTrue(limiter.tryAcquire("1.2.3.4"));
    }

    @Test
    public void resetForgetsAKey() {
        AttemptLimiter limiter = new AttemptLimiter(1, 60_000, 100, new ManualClock());
        limiter.record("alice");
        assertFalse(limiter.allowed("alice"));
        limiter.reset("alice");
        assertTrue(limiter.allowed("alice"));
    }

    @Test
    public void memoryStaysBoundedUnderAFloodOfKeys() throws Exception {
        AttemptLimiter limiter = new AttemptLimiter(5, 60_000, 1_000, new ManualClock());
        for (int i = 0; i < 50_000; i++) {
            limiter.record("10.0." + (i / 256) + "." + (i % 256));
        }
        java.lang.reflect.Field events = AttemptLimiter.class.getDeclaredField("events");
        events.setAccessible(true);
        assertTrue(((java.util.Map<?, ?>) events.get(limiter)).size() <= 1_000);
    }
}
