package org.vidiverse.api.plugin;

import java.util.concurrent.Callable;

/**
 * The one way the core calls into plugin code: with a time limit, catching whatever the plugin throws, counting
 * failures per contribution and disabling a contribution that keeps failing. The caller decides what a failure
 * means (moderation: reject).
 */
@org.osgi.annotation.versioning.ProviderType
public interface PluginGuard {

    /**
     * Runs {@code call} for the contribution {@code plugin} (the service object) within {@code timeoutMs}.
     *
     * @throws PluginCallException if the plugin threw, was too slow, or is disabled
     */
    <T> T call(Object plugin, String pluginName, Callable<T> call, long timeoutMs) throws PluginCallException;

    /** Whether the contribution has been disabled after repeated failures. */
    boolean isDisabled(Object plugin);
}
