package org.vidiverse.api.federation;

/**
 * Decides per remote instance or actor. Register as an OSGi service; every policy is asked and the strictest
 * answer wins (DENY over QUARANTINE over ALLOW).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface FederationPolicy {
    long TIMEOUT_MS = 1_000;

    String name();

    FederationDecision decide(RemoteOrigin origin);
}
