package org.vidiverse.federation.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.store.AccountBlockStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.InstanceStore;

/**
 * Whether this instance talks to a remote host or actor: the federation mode (open, allowlist, denylist), the
 * instance's server and account blocks, then every federation-policy plugin; the strictest answer wins and a
 * failing plugin counts as DENY. Asked before anything is fetched from or sent to a host: an actor this instance has
 * never stored cannot be on its block list, so checking it needs no fetch either.
 */
@Component(service = FederationGate.class, configurationPid = FederationConfig.PID)
@Designate(ocd = FederationConfig.class)
public final class FederationGate {
    private static final Logger LOG = LoggerFactory.getLogger(FederationGate.class);

    private final InstanceStore instances;
    private final PluginGuard guard;
    private final ActorStore actors;
    private final AccountBlockStore blocks;
    private volatile Long instanceAccountId;
    private final CopyOnWriteArrayList<FederationPolicy> policies = new CopyOnWriteArrayList<>();
    private volatile FederationConfig config;
    private volatile Set<String> listedHosts;

    @Activate
    public FederationGate(@Reference InstanceStore instances, @Reference PluginGuard guard,
                          @Reference ActorStore actors, @Reference AccountBlockStore blocks, FederationConfig config) {
        this.instances = instances;
        this.guard = guard;
        this.actors = actors;
        this.blocks = blocks;
        modified(config);
    }

    @Modified
    void modified(FederationConfig config) {
        this.config = config;
        this.listedHosts = Arrays.stream(config.hosts()).map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addPolicy(FederationPolicy policy) {
        policies.add(policy);
    }

    void removePolicy(FederationPolicy policy) {
        policies.remove(policy);
    }

    public FederationConfig config() {
        return config;
    }

    /** The decision for content or traffic from or to {@code origin}. */
    public FederationDecision decide(RemoteOrigin origin) {
        String host = origin.host().toLowerCase(Locale.ROOT);
        if (!reachable(host) || origin.actorUrl() != null && blocked(origin.actorUrl())) {
            return FederationDecision.DENY;
        }
        FederationDecision strictest = FederationDecision.ALLOW;
        for (FederationPolicy policy : policies) {
            FederationDecision decision;
            try {
                decision = guard.call(policy, policyName(policy), () -> policy.decide(origin),
                        FederationPolicy.TIMEOUT_MS);
            } catch (PluginCallException e) {
                LOG.warn("Federation policy {} failed on {}; denying: {}", policyName(policy), host, e.getMessage());
                return FederationDecision.DENY;
            }
            if (decision == null || decision == FederationDecision.DENY) {
                return FederationDecision.DENY;
            }
            if (decision == FederationDecision.QUARANTINE) {
                strictest = FederationDecision.QUARANTINE;
            }
        }
        return strictest;
    }

    /** Whether the host may be talked to at all (mode and blocks only, no plugins): for deliveries. */
    public boolean reachable(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return modeAllows(h) && !instances.find(h).map(i -> i.blocked()).orElse(false);
    }

    /**
     * Whether the instance blocked the account at {@code actorUrl}, or, for a channel, the account that owns it.
     * Actors never stored here are not blocked.
     */
    public boolean blocked(String actorUrl) {
        int hash = actorUrl.indexOf('#');
        Optional<Actor> actor = actors.findByUrl(hash < 0 ? actorUrl : actorUrl.substring(0, hash));
        return actor.isPresent() && blocked(actor.get());
    }

    public boolean blocked(Actor actor) {
        long by = instanceAccountId();
        return blocks.isBlocked(by, actor.id()) || actor.ownerId() != null && blocks.isBlocked(by, actor.ownerId());
    }

    private long instanceAccountId() {
        Long id = instanceAccountId;
        if (id == null) {
            id = actors.instanceActor().id();
            instanceAccountId = id;
        }
        return id;
    }

    private boolean modeAllows(String host) {
        return switch (config.mode().trim().toLowerCase(Locale.ROOT)) {
            case "allowlist" -> listedHosts.contains(host);
            case "denylist" -> !listedHosts.contains(host);
            default -> true;
        };
    }

    private static String policyName(FederationPolicy policy) {
        try {
            return policy.name();
        } catch (RuntimeException e) {
            return policy.getClass().getName();
        }
    }
}
