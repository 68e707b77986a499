package org.vidiverse.api.plugin;

import org.vidiverse.api.auth.AuthProvider;
import org.vidiverse.api.codec.Codec;
import org.vidiverse.api.federation.FederationPolicy;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.monetization.MonetizationProvider;

/** The extension points, each with its service interface and the time a call into it may take. */
public enum ExtensionPoint {
    MODERATION_POLICY(ModerationPolicy.class, ModerationPolicy.TIMEOUT_MS),
    AUTH_PROVIDER(AuthProvider.class, AuthProvider.TIMEOUT_MS),
    MONETIZATION_PROVIDER(MonetizationProvider.class, MonetizationProvider.TIMEOUT_MS),
    CODEC(Codec.class, Codec.PROBE_TIMEOUT_MS),
    FEDERATION_POLICY(FederationPolicy.class, FederationPolicy.TIMEOUT_MS);

    private final Class<?> serviceType;
    private final long timeoutMs;

    ExtensionPoint(Class<?> serviceType, long timeoutMs) {
        this.serviceType = serviceType;
        this.timeoutMs = timeoutMs;
    }

    public Class<?> serviceType() { return serviceType; }

    public long timeoutMs() { return timeoutMs; }
}
