package org.vidiverse.platform.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.auth.AuthProvider;
import org.vidiverse.api.codec.Codec;
import org.vidiverse.api.federation.FederationPolicy;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.monetization.MonetizationProvider;
import org.vidiverse.api.plugin.ExtensionPoint;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginNames;
import org.vidiverse.api.plugin.PluginRegistry;

/**
 * Tracks every plugin contribution to every extension point and guards calls into them: a bounded pool of
 * threads runs each call so that a slow plugin costs its caller no more than the timeout, failures are counted,
 * and a contribution failing too often in a row is disabled.
 */
@Component(service = {PluginGuard.class, PluginRegistry.class}, configurationPid = PluginPlatform.PID)
@Designate(ocd = GuardConfig.class)
public final class PluginPlatform implements PluginGuard, PluginRegistry {
    public static final String PID = "org.vidiverse.plugins";
    private static final Logger LOG = LoggerFactory.getLogger(PluginPlatform.class);
    private static final Comparator<Contribution> ORDER = Comparator.<Contribution, Integer>comparing(c -> c.point.ordinal())
            .thenComparing(c -> -c.ranking).thenComparing(c -> c.name);

    // keyed by identity: plugin objects may override equals
    private final Map<Object, Contribution> contributions = new IdentityHashMap<>();
    private final ThreadPoolExecutor executor;
    private volatile int maxConsecutiveFailures;

    @Activate
    public PluginPlatform(GuardConfig config) {
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(0, Math.max(1, config.maxConcurrentCalls()), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "vidiverse-plugin-call-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        modified(config);
    }

    @Modified
    void modified(GuardConfig config) {
        maxConsecutiveFailures = config.maxConsecutiveFailures();
        executor.setMaximumPoolSize(Math.max(1, config.maxConcurrentCalls()));
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public <T> T call(Object plugin, String pluginName, Callable<T> call, long timeoutMs) throws PluginCallException {
        Contribution contribution = contribution(plugin);
        if (contribution != null && contribution.disabled()) {
            throw new PluginCallException(pluginName, "disabled after repeated failures", null);
        }
        Future<T> future;
        try {
            future = executor.submit(call);
        } catch (RejectedExecutionException e) {
            throw new PluginCallException(pluginName, "too many plugin calls at once", e);
        }
        try {
            T result = future.get(timeoutMs, TimeUnit.MILLISECONDS);
            if (contribution != null) {
                contribution.succeeded();
            }
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failure(contribution, pluginName, "no answer within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw failure(contribution, pluginName, "threw " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(pluginName, "caller interrupted", e);
        }
    }

    private PluginCallException failure(Contribution contribution, String pluginName, String message, Throwable cause) {
        LOG.warn("Plugin {} failed: {}", pluginName, message);
        if (contribution != null) {
            int inARow = contribution.failed(message);
            int limit = maxConsecutiveFailures;
            if (limit > 0 && inARow >= limit && !contribution.disabled()) {
                contribution.disable();
                LOG.error("Plugin {} disabled after {} failures in a row; reinstall it to enable it again",
                        pluginName, inARow);
            }
        }
        return new PluginCallException(pluginName, message, cause);
    }

    @Override
    public boolean isDisabled(Object plugin) {
        Contribution contribution = contribution(plugin);
        return contribution != null && contribution.disabled();
    }

    @Override
    public List<PluginInfo> list() {
        synchronized (contributions) {
            return contributions.values().stream().sorted(ORDER).map(Contribution::info).toList();
        }
    }

    private Contribution contribution(Object plugin) {
        synchronized (contributions) {
            return contributions.get(plugin);
        }
    }

    void track(ExtensionPoint point, ServiceReference<?> ref, Object service) {
        track(point, service, PropertiesOf.reference(ref), ref.getBundle().getSymbolicName(),
                ref.getBundle().getVersion().toString());
    }

    void track(ExtensionPoint point, Object service, Map<String, Object> props, String bundle, String version) {
        Contribution contribution = new Contribution(PluginNames.of(service, props), point, bundle, version,
                PluginNames.rankingOf(props));
        synchronized (contributions) {
            contributions.put(service, contribution);
        }
        LOG.info("Plugin {} joined {} (bundle {} {})", contribution.name, point, bundle, version);
    }

    void untrack(Object service) {
        Contribution removed;
        synchronized (contributions) {
            removed = contributions.remove(service);
        }
        if (removed != null) {
            LOG.info("Plugin {} left {}", removed.name, removed.point);
        }
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addModerationPolicy(ServiceReference<ModerationPolicy> ref, ModerationPolicy service) {
        track(ExtensionPoint.MODERATION_POLICY, ref, service);
    }

    void removeModerationPolicy(ModerationPolicy service) {
        untrack(service);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addAuthProvider(ServiceReference<AuthProvider> ref, AuthProvider service) {
        track(ExtensionPoint.AUTH_PROVIDER, ref, service);
    }

    void removeAuthProvider(AuthProvider service) {
        untrack(service);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addMonetizationProvider(ServiceReference<MonetizationProvider> ref, MonetizationProvider service) {
        track(ExtensionPoint.MONETIZATION_PROVIDER, ref, service);
    }

    void removeMonetizationProvider(MonetizationProvider service) {
        untrack(service);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addCodec(ServiceReference<Codec> ref, Codec service) {
        track(ExtensionPoint.CODEC, ref, service);
    }

    void removeCodec(Codec service) {
        untrack(service);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addFederationPolicy(ServiceReference<FederationPolicy> ref, FederationPolicy service) {
        track(ExtensionPoint.FEDERATION_POLICY, ref, service);
    }

    void removeFederationPolicy(FederationPolicy service) {
        untrack(service);
    }
}
