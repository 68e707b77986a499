package org.vidiverse.api.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A plugin bundle in the running instance, as admins see it.
 *
 * @param name          the bundle's symbolic name: what clients call the plugin (PeerTube's {@code npmName})
 * @param version       the bundle's version
 * @param description   the bundle's {@code Bundle-Description}, or {@code null}
 * @param homepage      the bundle's {@code Bundle-DocURL}, or {@code null}
 * @param state         the bundle's state: INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING or UNINSTALLED
 * @param managed       installed through the {@link PluginManager} (and so removable through it), as opposed to
 *                      a jar dropped into {@code deploy/}, a feature, or a bundle of the core
 * @param uninstalled   uninstalled through the manager; its settings are kept for a later install
 * @param source        where it was installed from (a path or a {@code mvn:} URL), or the bundle location
 * @param installedAt   when it was installed, or {@code null} when unknown
 * @param updatedAt     when it was last installed or updated, or {@code null} when unknown
 * @param settingPids   the configuration PIDs its metatype describes (its settings), possibly none
 * @param contributions what it adds to extension points, with the health of each
 */
public record InstalledPlugin(String name, String version, String description, String homepage, String state,
                              boolean managed, boolean uninstalled, String source, Instant installedAt,
                              Instant updatedAt, List<String> settingPids, List<PluginInfo> contributions) {

    public InstalledPlugin {
        Objects.requireNonNull(name, "name");
        settingPids = List.copyOf(settingPids);
        contributions = List.copyOf(contributions);
    }
}
