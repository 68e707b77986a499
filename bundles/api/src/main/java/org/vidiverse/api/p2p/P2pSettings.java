package org.vidiverse.api.p2p;

/**
 * Whether this instance's tracker runs and whether its web players share segments peer to peer, as the admin set
 * them (ConfigAdmin PID {@code org.vidiverse.tracker}); clients read them in {@code GET /api/v1/config}
 * ({@code tracker.enabled}, {@code defaults.p2p.webapp.enabled}). A user may still turn P2P off for themselves
 * ({@code p2pEnabled} of the user). Without this service there is no tracker, so no P2P either.
 */
@org.osgi.annotation.versioning.ProviderType
public interface P2pSettings {
    boolean trackerEnabled();

    /** P2P in the web player; never true while the tracker is off. */
    boolean p2pEnabled();
}
