package org.vidiverse.api.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs, updates and removes plugin bundles in the running instance, and reads and writes their settings.
 *
 * <p>Nothing the manager does refreshes other bundles: the core keeps running. An install either ends with the
 * plugin's bundle active and every one of its components activated (or waiting for configuration or services), or
 * fails with a {@link PluginInstallException} and leaves nothing installed. Installed jars are kept in the
 * instance's data folder, so plugins survive restarts, including a restart with an emptied bundle cache.
 *
 * <p>A plugin's name is its bundle's symbolic name. Methods taking a name also accept PeerTube's npm form
 * {@code peertube-plugin-<name>}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PluginManager {

    /**
     * Plugins of this instance: those installed through the manager (with {@code uninstalled} ones when asked), and
     * every other bundle that contributes to an extension point. Sorted by name.
     */
    List<InstalledPlugin> list(boolean includeUninstalled);

    /** The plugin named so (symbolic name or {@code peertube-plugin-<name>}), if known. */
    Optional<InstalledPlugin> find(String name);

    /**
     * Installs and starts a new plugin.
     *
     * @throws PluginInstallException when the source is unreadable, not a bundle, already installed, unresolvable
     *                                or fails on activation; nothing is left installed then
     */
    InstalledPlugin install(PluginSource source);

    /**
     * Replaces an installed plugin by another version of it, in place (same bundle, no refresh of others).
     *
     * @param name   the plugin to update, or {@code null} to take it from the new jar's symbolic name
     * @param source the new version; for Maven coordinates, the artifact of the given version
     * @throws PluginInstallException when the new version cannot be used; the previous version is running again
     */
    InstalledPlugin update(String name, PluginSource source);

    /**
     * Stops and uninstalls a plugin installed through the manager, deletes its kept jar and remembers it as
     * uninstalled. Its settings stay in the configuration store.
     *
     * @throws PluginInstallException {@code NOT_INSTALLED} when no such plugin is installed, {@code NOT_MANAGED} when
     *                                the manager did not install it
     */
    void uninstall(String name);

    /** The settings the plugin's metatype declares, in its order; empty when it declares none. */
    List<PluginSetting> registeredSettings(String name);

    /** Current values by setting key: the stored value, else the default. Passwords are included. */
    Map<String, Object> settings(String name);

    /**
     * Validates {@code values} (by setting key) against the metatype and stores them; the plugin sees them through
     * its {@code @Modified} method. Keys not given keep their value.
     *
     * @throws InvalidPluginSettingsException naming every bad value; nothing is stored then
     */
    Map<String, Object> updateSettings(String name, Map<String, ?> values);
}
