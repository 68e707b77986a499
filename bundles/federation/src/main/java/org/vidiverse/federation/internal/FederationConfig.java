package org.vidiverse.federation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@code org.vidiverse.federation}; every value can change while the instance runs. */
@ObjectClassDefinition(name = "Vidiverse federation",
        description = "Whom this instance federates with, and how it talks to other instances")
public @interface FederationConfig {
    String PID = "org.vidiverse.federation";

    @AttributeDefinition(description = "open: every instance not blocked; allowlist: only the listed hosts; "
            + "denylist: every instance but the listed hosts",
            options = {@Option(label = "open", value = "open"), @Option(label = "allowlist", value = "allowlist"),
                    @Option(label = "denylist", value = "denylist")})
    String mode() default "open";

    @AttributeDefinition(description = "Hosts (host or host:port) of the allowlist or denylist")
    String[] hosts() default {};

    @AttributeDefinition(description = "Accept instances that follow this one at once (otherwise they wait for "
            + "an admin); follows of channels and accounts are always accepted")
    boolean autoAcceptFollowers() default true;

    @AttributeDefinition(description = "Scheme used to reach other instances by handle or host (http only for "
            + "tests and local setups)")
    String remoteScheme() default "https";

    @AttributeDefinition(description = "Let remote fetches and deliveries reach loopback addresses "
            + "(tests and several instances on one machine only)")
    boolean allowLoopback() default false;

    @AttributeDefinition(description = "Let remote fetches and deliveries reach private network addresses")
    boolean allowPrivateAddresses() default false;

    @AttributeDefinition(description = "Deliveries this node sends at the same time")
    int deliveryConcurrency() default 4;

    @AttributeDefinition(description = "Attempts of a delivery before it is dead-lettered (failed jobs)")
    int deliveryAttempts() default 11;

    @AttributeDefinition(description = "Seconds before the first retry of a failed delivery; doubled each attempt "
            + "(90 s and 11 attempts retry for about a day)")
    int deliveryRetryBaseSeconds() default 90;

    @AttributeDefinition(description = "How far (seconds) a signed request's Date may be from now")
    int signatureWindowSeconds() default 3600;

    @AttributeDefinition(description = "Largest activity accepted at an inbox, in bytes")
    int maxInboxBytes() default 1024 * 1024;

    @AttributeDefinition(description = "Largest remote document fetched, in bytes")
    int maxFetchBytes() default 4 * 1024 * 1024;

    @AttributeDefinition(description = "Seconds a remote fetch or delivery may take")
    int requestTimeoutSeconds() default 15;

    @AttributeDefinition(description = "Hours before a remote actor is fetched again when it is used")
    int actorRefreshHours() default 24;
}
