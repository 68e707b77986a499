package org.vidiverse.api.plugin;

import java.util.Objects;

/**
 * One contribution of a plugin to an extension point, as admins see it.
 *
 * @param name        the contribution's name (e.g. the policy's name)
 * @param extensionPoint which SPI it implements
 * @param bundleSymbolicName the bundle that registered it
 * @param bundleVersion its version
 * @param ranking     its {@code service.ranking}
 * @param state       ACTIVE, or DISABLED after too many failures
 * @param failures    failed calls since it was registered (exceptions and timeouts)
 * @param lastFailure the message of the last failure, or {@code null}
 */
public record PluginInfo(String name, ExtensionPoint extensionPoint, String bundleSymbolicName, String bundleVersion,
                         int ranking, State state, long failures, String lastFailure) {

    /** Whether the core still calls the contribution. */
    public enum State {
        ACTIVE,
        DISABLED
    }

    public PluginInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extensionPoint, "extensionPoint");
    }
}
