package org.vidiverse.api.monetization;

import java.util.List;

/**
 * Support links and access gating. Register as an OSGi service. Every provider is asked (highest
 * {@code service.ranking} first); a video's files are served only when every provider allows it. The core does not
 * ask for the video's owner and moderators: they always get the files. Calls are guarded: a provider that throws or
 * takes longer than {@link #TIMEOUT_MS} refuses access and adds no links. Calls come on every file request (HLS
 * segments included), so answer from memory where possible.
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
