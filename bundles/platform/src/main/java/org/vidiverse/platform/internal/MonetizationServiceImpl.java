package org.vidiverse.platform.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.monetization.AccessDecision;
import org.vidiverse.api.monetization.AccessRequest;
import org.vidiverse.api.monetization.MonetizationProvider;
import org.vidiverse.api.monetization.MonetizationService;
import org.vidiverse.api.monetization.SupportLink;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.plugin.PluginNames;

/**
 * Asks every monetization provider, highest {@code service.ranking} first, through the plugin guard. Access fails
 * closed (a provider that throws, is late or answers nothing refuses); links fail open (such a provider adds none).
 * Providers disabled by the guard are skipped.
 */
@Component(service = MonetizationService.class)
public final class MonetizationServiceImpl implements MonetizationService {
    private static final Logger LOG = LoggerFactory.getLogger(MonetizationServiceImpl.class);
    private static final Comparator<Ranked> HIGHEST_FIRST =
            Comparator.comparingInt(Ranked::ranking).reversed().thenComparing(Ranked::name);

    record Ranked(MonetizationProvider provider, String name, int ranking) {
    }

    private final PluginGuard guard;
    /** Replaced whole on every change, so a reader needs no lock and sees one consistent list. */
    private volatile List<Ranked> providers = List.of();

    @Activate
    public MonetizationServiceImpl(@Reference PluginGuard guard) {
        this.guard = guard;
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    synchronized void addProvider(MonetizationProvider provider, Map<String, Object> props) {
        List<Ranked> next = new ArrayList<>(providers);
        next.add(new Ranked(provider, PluginNames.of(provider, props), PluginNames.rankingOf(props)));
        next.sort(HIGHEST_FIRST);
        providers = List.copyOf(next);
    }

    synchronized void removeProvider(MonetizationProvider provider) {
        providers = providers.stream().filter(r -> r.provider() != provider).toList();
    }

    @Override
    public boolean active() {
        return !providers.isEmpty();
    }

    @Override
    public AccessDecision checkAccess(AccessRequest request) {
        for (Ranked ranked : providers) {
            if (guard.isDisabled(ranked.provider())) {
                continue;
            }
            AccessDecision decision = ask(ranked, request);
            if (!decision.allowed()) {
                LOG.debug("{} refused {} to {}: {}", ranked.name(), request.videoUuid(), request.username(),
                        decision.message());
                return decision;
            }
        }
        return AccessDecision.allow();
    }

    private AccessDecision ask(Ranked ranked, AccessRequest request) {
        try {
            AccessDecision decision = guard.call(ranked.provider(), ranked.name(),
                    () -> ranked.provider().checkAccess(request), MonetizationProvider.TIMEOUT_MS);
            return decision != null ? decision
                    : AccessDecision.deny("The monetization plugin " + ranked.name() + " gave no answer", null);
        } catch (PluginCallException e) {
            return AccessDecision.deny("The monetization plugin " + ranked.name()
                    + " could not check access to this video; try again later", null);
        }
    }

    @Override
    public List<SupportLink> supportLinks(long channelId) {
        List<Ranked> current = providers;
        if (current.isEmpty()) {
            return List.of();
        }
        List<SupportLink> links = new ArrayList<>();
        for (Ranked ranked : current) {
            if (guard.isDisabled(ranked.provider())) {
                continue;
            }
            try {
                List<SupportLink> some = guard.call(ranked.provider(), ranked.name(),
                        () -> ranked.provider().supportLinks(channelId), MonetizationProvider.TIMEOUT_MS);
                if (some != null) {
                    some.stream().filter(l -> l != null).forEach(links::add);
                }
            } catch (PluginCallException e) {
                LOG.debug("No support links from {} for channel {}: {}", ranked.name(), channelId, e.getMessage());
            }
        }
        return List.copyOf(links);
    }
}
