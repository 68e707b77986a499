package org.vidiverse.platform.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.vidiverse.api.plugin.ExtensionPoint;
import org.vidiverse.api.plugin.PluginInfo;

/** One tracked plugin service and its health; updated from any thread. */
final class Contribution {
    final String name;
    final ExtensionPoint point;
    final String bundleSymbolicName;
    final String bundleVersion;
    final int ranking;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile String lastFailure;
    private volatile boolean disabled;

    Contribution(String name, ExtensionPoint point, String bundleSymbolicName, String bundleVersion, int ranking) {
        this.name = name;
        this.point = point;
        this.bundleSymbolicName = bundleSymbolicName;
        this.bundleVersion = bundleVersion;
        this.ranking = ranking;
    }

    void succeeded() {
        consecutiveFailures.set(0);
    }

    /** Records a failure; returns the number of failures in a row. */
    int failed(String message) {
        failures.incrementAndGet();
        lastFailure = message;
        return consecutiveFailures.incrementAndGet();
    }

    void disable() {
        disabled = true;
    }

    boolean disabled() {
        return disabled;
    }

    PluginInfo info() {
        return new PluginInfo(name, point, bundleSymbolicName, bundleVersion, ranking,
                disabled ? PluginInfo.State.DISABLED : PluginInfo.State.ACTIVE, failures.get(), lastFailure);
    }
}
