package org.vidiverse.streaming.internal.tracker;

/** The tracker's limits and timings, read from {@link TrackerConfig}. */
record Limits(boolean enabled, int intervalSeconds, int maxSwarmsPerPeer, int maxOffersPerAnnounce,
              int maxPeersPerAnnounce, int maxMessageBytes, int maxMessagesPer10Seconds) {

    static Limits of(TrackerConfig c) {
        return new Limits(c.enabled(), Math.max(10, c.announceIntervalSeconds()), Math.max(1, c.maxSwarmsPerPeer()),
                Math.max(0, c.maxOffersPerAnnounce()), Math.max(0, c.maxPeersPerAnnounce()),
                Math.max(1024, c.maxMessageBytes()), Math.max(1, c.maxMessagesPer10Seconds()));
    }

    static Limits defaults() {
        return new Limits(true, 120, 10, 10, 50, 65536, 100);
    }

    /** Peers that have not announced for this long are dropped: two missed intervals. */
    long expiryMillis() {
        return 2_000L * intervalSeconds + 10_000L;
    }
}
