package org.vidiverse.api.monetization;

import java.util.List;

/**
 * Support links and access gating. Register as an OSGi service. Every provider is asked; a video is served only
 * when every provider allows it.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface MonetizationProvider {
    long TIMEOUT_MS = 1_000;

    String name();

    /** Links to show for a channel (and its videos). */
    List<SupportLink> supportLinks(long channelId);

    /** Whether the viewer may have the video's files; allow when the video is not gated by this provider. */
    AccessDecision checkAccess(AccessRequest request);
}
