package org.vidiverse.sample.quarantine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.federation.FederationDecision;
import org.vidiverse.api.federation.FederationPolicy;
import org.vidiverse.api.federation.RemoteOrigin;

/**
 * Quarantines every remote instance a moderator has not approved: the core then stores its videos and comments
 * held for review (and its follows of this instance wait) instead of showing them. Approving an instance (adding
 * it to {@code approvedHosts}, through the plugin's settings) lets its new content in at once and, with
 * {@code releaseOnApproval}, releases what it sent while quarantined.
 */
@Component(service = FederationPolicy.class, configurationPid = QuarantinePolicy.PID,
        property = {"vidiverse.plugin.name=quarantine", "service.ranking:Integer=100"})
@Designate(ocd = QuarantineConfig.class)
public final class QuarantinePolicy implements FederationPolicy {
    static final String PID = "org.vidiverse.sample.quarantine";
    private static final Logger LOG = LoggerFactory.getLogger(QuarantinePolicy.class);

    private final HeldContent held;
    private volatile Set<String> approved = Set.of();

    @Activate
    public QuarantinePolicy(@Reference HeldContent held, QuarantineConfig config) {
        this.held = held;
        this.approved = hosts(config.approvedHosts());
    }

    @Modified
    void modified(QuarantineConfig config) {
        Set<String> before = approved;
        Set<String> after = hosts(config.approvedHosts());
        approved = after;
        if (config.releaseOnApproval()) {
            Set<String> newlyApproved = new HashSet<>(after);
            newlyApproved.removeAll(before);
            for (String host : newlyApproved) {
                int released = held.release(host);
                LOG.info("Instance {} approved: released {} held videos and comments", host, released);
            }
        }
    }

    @Override
    public String name() {
        return "quarantine";
    }

    @Override
    public FederationDecision decide(RemoteOrigin origin) {
        return approved.contains(origin.host().toLowerCase(Locale.ROOT)) ? FederationDecision.ALLOW
                : FederationDecision.QUARANTINE;
    }

    static Set<String> hosts(String[] entries) {
        return Arrays.stream(entries == null ? new String[0] : entries)
                .flatMap(e -> Arrays.stream(e.split(",")))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
