package org.vidiverse.api.monetization;

import java.util.List;

/**
 * The core's view of every active {@link MonetizationProvider}: the streaming bundle asks it before serving a
 * video's files, the REST API for the links it shows. Each call into a provider goes through the
 * {@link org.vidiverse.api.plugin.PluginGuard} within {@link MonetizationProvider#TIMEOUT_MS}; a provider disabled
 * after repeated failures is skipped.
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface MonetizationService {

    /**
     * Whether any provider is there. Callers check it first so that an instance without monetization plugins does
     * no extra work (no token check, no lookup) on its serving path.
     */
    boolean active();

    /**
     * Asks every provider; the first refusal wins. A provider that throws, times out or answers {@code null}
     * refuses (gated content fails closed). Allows when there is no provider. The caller decides who passes
     * without asking (the core: the video's owner and moderators).
     */
    AccessDecision checkAccess(AccessRequest request);

    /** Every provider's links for a channel, in provider order; a failing provider contributes none. */
    List<SupportLink> supportLinks(long channelId);
}
