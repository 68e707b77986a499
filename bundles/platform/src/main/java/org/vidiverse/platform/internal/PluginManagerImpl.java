package org.vidiverse.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.karaf.config.core.ConfigRepository;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.plugin.InstalledPlugin;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginInstallException.Reason;
import org.vidiverse.api.plugin.PluginManager;
import org.vidiverse.api.plugin.PluginRegistry;
import org.vidiverse.api.plugin.PluginSetting;
import org.vidiverse.api.plugin.PluginSource;

/**
 * Installs plugin bundles into the running framework without refreshing anything, checks that they resolve and
 * that their components activate, and takes them out again when they do not. Jars are kept in the plugin folder
 * ({@code <karaf.data>/plugins} by default) with a record of them, so a restart, even one with an emptied bundle
 * cache, finds the same plugins. Plugins can also be features of the features repositories, installed with
 * Karaf's features service without refreshes. One operation at a time.
 */
@Component(service = PluginManager.class, configurationPid = PluginManagerImpl.PID, immediate = true)
@Designate(ocd = PluginManagerConfig.class)
public final class PluginManagerImpl implements PluginManager {
    public static final String PID = "org.vidiverse.plugins.manager";
    /** PeerTube's clients name plugins {@code peertube-plugin-<name>}. */
    static final String NPM_PREFIX = "peertube-plugin-";
    private static final Logger LOG = LoggerFactory.getLogger(PluginManagerImpl.class);

    private final BundleContext context;
    private final PluginRegistry registry;
    private final ServiceComponentRuntime components;
    private final BundleSteps steps;
    private final MetaTypeService metatypes;
    private final PluginSettingsStore settingsStore;
    private final FeaturePlugins features;
    private final Object operations = new Object();
    private volatile PluginRecords records;
    private volatile boolean allowServerPaths;

    @Activate
    public PluginManagerImpl(BundleContext context, PluginManagerConfig config, @Reference PluginRegistry registry,
                             @Reference ServiceComponentRuntime components, @Reference MetaTypeService metatypes,
                             @Reference ConfigRepository configurations, @Reference FeaturesService features) {
        this.context = context;
        this.registry = registry;
        this.components = components;
        this.steps = new BundleSteps(context, components);
        this.metatypes = metatypes;
        this.settingsStore = new PluginSettingsStore(configurations);
        this.features = new FeaturePlugins(features);
        modified(config);
        reinstallMissingBundles();
    }

    @Modified
    void modified(PluginManagerConfig config) {
        String folder = config.pluginFolder() == null ? "" : config.pluginFolder().trim();
        records = new PluginRecords(folder.isEmpty()
                ? Path.of(System.getProperty("karaf.data", "data"), "plugins").toAbsolutePath()
                : Path.of(folder).toAbsolutePath());
        allowServerPaths = config.allowServerPaths();
    }

    /** After a restart with an emptied bundle cache, the plugins recorded come back from their kept jars. */
    private void reinstallMissingBundles() {
        synchronized (operations) {
            for (PluginRecords.Entry entry : records.all().values()) {
                if (entry.uninstalled() || entry.isFeature() || bundleNamed(entry.name()).isPresent()) {
                    continue;
                }
                Path jar = records.folder().resolve(entry.file());
                try (InputStream in = Files.newInputStream(jar)) {
                    Bundle bundle = context.installBundle(BundleSteps.locationOf(jar), in);
                    bundle.start();
                    LOG.info("Plugin {} {} installed again from {}", entry.name(), bundle.getVersion(), jar);
                } catch (IOException | BundleException | RuntimeException e) {
                    LOG.error("Plugin {} could not be installed again from {}: {}", entry.name(), jar, e.getMessage());
                }
            }
            for (PluginRecords.Entry entry : records.all().values()) {
                Feature feature = entry.isFeature() && !entry.uninstalled()
                        ? features.findQuietly(entry.name(), entry.version()) : null;
                if (feature != null && !features.installed(feature)) {
                    try {
                        features.install(feature);
                        LOG.info("Plugin feature {} {} installed again", entry.name(), entry.version());
                    } catch (RuntimeException e) {
                        LOG.error("Plugin feature {} could not be installed again: {}", entry.name(), e.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public List<InstalledPlugin> list(boolean includeUninstalled) {
        Map<String, PluginRecords.Entry> recorded = records.all();
        List<PluginInfo> contributions = registry.list();
        Map<String, InstalledPlugin> plugins = new LinkedHashMap<>();
        Bundle[] running = context.getBundles();
        Set<Bundle> ofFeatures = new HashSet<>();
        for (PluginRecords.Entry entry : recorded.values()) {
            Feature feature = entry.isFeature() && !entry.uninstalled()
                    ? features.findQuietly(entry.name(), entry.version()) : null;
            if (feature != null && features.installed(feature)) {
                List<Bundle> bundles = FeaturePlugins.bundlesOf(feature, running);
                ofFeatures.addAll(bundles);
                plugins.put(entry.name(), describeFeature(entry, feature, bundles, contributions));
            }
        }
        for (Bundle bundle : running) {
            if (ofFeatures.contains(bundle)) {
                continue;
            }
            String name = bundle.getSymbolicName();
            PluginRecords.Entry entry = recorded.get(name);
            boolean managed = entry != null && !entry.uninstalled() && !entry.isFeature();
            if (name != null && (managed || contributions.stream().anyMatch(c -> name.equals(c.bundleSymbolicName())))) {
                plugins.putIfAbsent(name, describe(bundle, managed ? entry : null, contributions));
            }
        }
        if (includeUninstalled) {
            for (PluginRecords.Entry entry : recorded.values()) {
                if ((entry.uninstalled() || entry.isFeature()) && !plugins.containsKey(entry.name())) {
                    plugins.put(entry.name(), new InstalledPlugin(entry.name(), entry.version(), null, null,
                            "UNINSTALLED", false, true, entry.source(), entry.installedAt(), entry.updatedAt(),
                            List.of(), List.of()));
                }
            }
        }
        return plugins.values().stream().sorted(Comparator.comparing(InstalledPlugin::name)).toList();
    }

    @Override
    public Optional<InstalledPlugin> find(String name) {
        String wanted = nameOf(name);
        return list(true).stream().filter(p -> p.name().equals(wanted)).findFirst();
    }

    @Override
    public InstalledPlugin install(PluginSource source) {
        if (source.feature() != null) {
            return installFeature(source);
        }
        synchronized (operations) {
            Path incoming = fetch(source);
            try {
                BundleJar jar = BundleJar.read(incoming, source.toString());
                if (bundleNamed(jar.symbolicName()).isPresent()) {
                    throw new PluginInstallException(Reason.ALREADY_INSTALLED, "A bundle named " + jar.symbolicName()
                            + " is already installed; update it instead");
                }
                Path kept = records.folder().resolve(jar.symbolicName() + ".jar");
                move(incoming, kept);
                Bundle bundle;
                try {
                    bundle = steps.install(kept, source);
                } catch (PluginInstallException e) {
                    deleteQuietly(kept);
                    throw e;
                }
                try {
                    steps.startAndCheck(bundle);
                } catch (PluginInstallException e) {
                    steps.takeOut(bundle);
                    deleteQuietly(kept);
                    throw e;
                }
                Instant now = Instant.now();
                Instant firstInstalled = records.get(jar.symbolicName()).map(PluginRecords.Entry::installedAt)
                        .orElse(null);
                records.put(new PluginRecords.Entry(jar.symbolicName(), kept.getFileName().toString(),
                        source.toString(), bundle.getVersion().toString(), firstInstalled == null ? now : firstInstalled,
                        now, false));
                LOG.info("Plugin {} {} installed from {}", jar.symbolicName(), bundle.getVersion(), source);
                return describe(bundle, records.get(jar.symbolicName()).orElseThrow(), registry.list());
            } finally {
                deleteQuietly(incoming);
            }
        }
    }

    private InstalledPlugin installFeature(PluginSource source) {
        synchronized (operations) {
            Feature feature = features.find(source.featureName(), source.featureVersion());
            if (features.installed(feature)) {
                throw new PluginInstallException(Reason.ALREADY_INSTALLED, "The feature " + feature.getName() + " "
                        + feature.getVersion() + " is already installed");
            }
            Set<Long> before = Arrays.stream(context.getBundles()).map(Bundle::getBundleId)
                    .collect(Collectors.toSet());
            features.install(feature);
            List<String> failures = new ArrayList<>();
            for (Bundle bundle : context.getBundles()) {
                if (before.contains(bundle.getBundleId())) {
                    continue;
                }
                if (bundle.getState() != Bundle.ACTIVE && bundle.getHeaders().get("Fragment-Host") == null) {
                    failures.add(bundle.getSymbolicName() + " is " + stateOf(bundle) + ", not active");
                } else {
                    failures.addAll(ComponentHealth.activationFailures(components, context, bundle));
                }
            }
            if (!failures.isEmpty()) {
                features.uninstall(feature);
                throw new PluginInstallException(Reason.ACTIVATION_FAILED, "The feature " + feature.getName()
                        + " failed to activate: " + String.join("; ", failures));
            }
            Instant now = Instant.now();
            Instant firstInstalled = records.get(feature.getName()).map(PluginRecords.Entry::installedAt).orElse(now);
            PluginRecords.Entry entry = new PluginRecords.Entry(feature.getName(), "", PluginSource.FEATURE_PREFIX
                    + feature.getName() + "/" + feature.getVersion(), feature.getVersion(), firstInstalled, now, false);
            records.put(entry);
            LOG.info("Plugin feature {} {} installed", feature.getName(), feature.getVersion());
            return describeFeature(entry, feature, FeaturePlugins.bundlesOf(feature, context.getBundles()),
                    registry.list());
        }
    }

    @Override
    public InstalledPlugin update(String name, PluginSource source) {
        if (source.feature() != null || name != null && records.get(nameOf(name)).map(PluginRecords.Entry::isFeature)
                .orElse(false)) {
            throw new PluginInstallException(Reason.UNSUPPORTED, "Features are not updated in place: uninstall the "
                    + "feature, then install its new version");
        }
        synchronized (operations) {
            Path incoming = fetch(source);
            try {
                BundleJar jar = BundleJar.read(incoming, source.toString());
                String target = name == null || name.isBlank() ? jar.symbolicName() : nameOf(name);
                if (!jar.symbolicName().equals(target)) {
                    throw new PluginInstallException(Reason.NAME_MISMATCH, source + " is the bundle "
                            + jar.symbolicName() + ", not " + target);
                }
                PluginRecords.Entry entry = managedEntry(target);
                Bundle bundle = bundleNamed(target).orElseThrow(() -> notInstalled(target));
                Path kept = records.folder().resolve(entry.file());
                String previousVersion = bundle.getVersion().toString();
                try (InputStream in = Files.newInputStream(incoming)) {
                    bundle.update(in);
                } catch (IOException | BundleException e) {
                    throw new PluginInstallException(Reason.SOURCE_UNREADABLE, "Cannot update " + target + " from "
                            + source + ": " + e.getMessage(), e);
                }
                try {
                    steps.startAndCheck(bundle);
                } catch (PluginInstallException e) {
                    steps.restore(bundle, kept);
                    throw new PluginInstallException(e.reason(), e.getMessage() + "; version " + previousVersion
                            + " runs again", e);
                }
                move(incoming, kept);
                records.put(new PluginRecords.Entry(target, entry.file(), source.toString(),
                        bundle.getVersion().toString(), entry.installedAt(), Instant.now(), false));
                LOG.info("Plugin {} updated from {} to {} ({})", target, previousVersion, bundle.getVersion(), source);
                return describe(bundle, records.get(target).orElseThrow(), registry.list());
            } finally {
                deleteQuietly(incoming);
            }
        }
    }

    @Override
    public void uninstall(String name) {
        synchronized (operations) {
            String target = nameOf(name);
            PluginRecords.Entry entry = managedEntry(target);
            if (entry.isFeature()) {
                Feature feature = features.findQuietly(entry.name(), entry.version());
                if (feature != null && features.installed(feature)) {
                    features.uninstall(feature);
                }
                records.put(new PluginRecords.Entry(target, entry.file(), entry.source(), entry.version(),
                        entry.installedAt(), Instant.now(), true));
                LOG.info("Plugin feature {} uninstalled", target);
                return;
            }
            Optional<Bundle> bundle = bundleNamed(target);
            if (bundle.isPresent()) {
                try {
                    bundle.get().uninstall();
                } catch (BundleException e) {
                    throw new PluginInstallException(Reason.ACTIVATION_FAILED, "Cannot uninstall " + target + ": "
                            + e.getMessage(), e);
                }
            }
            deleteQuietly(records.folder().resolve(entry.file()));
            records.put(new PluginRecords.Entry(target, entry.file(), entry.source(), entry.version(),
                    entry.installedAt(), Instant.now(), true));
            LOG.info("Plugin {} uninstalled", target);
        }
    }

    @Override
    public List<PluginSetting> registeredSettings(String name) {
        return SettingsCatalog.of(metatypes, pluginBundles(name));
    }

    @Override
    public Map<String, Object> settings(String name) {
        return settingsStore.current(registeredSettings(name));
    }

    @Override
    public Map<String, Object> updateSettings(String name, Map<String, ?> values) {
        List<PluginSetting> settings = registeredSettings(name);
        settingsStore.store(nameOf(name), settings, values);
        return settingsStore.current(settings);
    }

    // --- steps

    /** Copies the source into the plugin folder, so what is checked is what gets installed. */
    private Path fetch(PluginSource source) {
        Path folder = records.folder();
        Path incoming = folder.resolve(".incoming-" + UUID.randomUUID() + ".jar");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin folder " + folder, e);
        }
        if (source.jar() != null) {
            if (!allowServerPaths && !source.jar().toAbsolutePath().startsWith(folder)) {
                throw new PluginInstallException(Reason.SOURCE_UNREADABLE, "Installing from a path on the server is "
                        + "turned off (allowServerPaths in " + PID + "); upload the jar instead");
            }
            if (!Files.isRegularFile(source.jar())) {
                throw new PluginInstallException(Reason.SOURCE_UNREADABLE, "No file at " + source.jar());
            }
        }
        try (InputStream in = source.jar() != null ? Files.newInputStream(source.jar())
                : new URL(source.mavenUrl()).openStream()) {
            Files.copy(in, incoming);
            return incoming;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(incoming);
            throw new PluginInstallException(Reason.SOURCE_UNREADABLE, "Cannot read " + source + ": " + e, e);
        }
    }

    // --- helpers

    private InstalledPlugin describe(Bundle bundle, PluginRecords.Entry entry, List<PluginInfo> contributions) {
        String name = bundle.getSymbolicName();
        Instant modified = Instant.ofEpochMilli(bundle.getLastModified());
        return new InstalledPlugin(name, bundle.getVersion().toString(), bundle.getHeaders().get("Bundle-Description"),
                bundle.getHeaders().get("Bundle-DocURL"), stateOf(bundle), entry != null, false,
                entry != null ? entry.source() : bundle.getLocation(),
                entry != null ? entry.installedAt() : null, entry != null ? entry.updatedAt() : modified,
                SettingsCatalog.pids(metatypes, bundle),
                contributions.stream().filter(c -> name.equals(c.bundleSymbolicName())).toList());
    }

    private InstalledPlugin describeFeature(PluginRecords.Entry entry, Feature feature, List<Bundle> bundles,
                                            List<PluginInfo> contributions) {
        String state = bundles.stream().filter(b -> b.getState() != Bundle.ACTIVE).findFirst()
                .map(PluginManagerImpl::stateOf).orElse("ACTIVE");
        Set<String> names = bundles.stream().map(Bundle::getSymbolicName).collect(Collectors.toSet());
        return new InstalledPlugin(entry.name(), feature.getVersion(), feature.getDescription(), null, state, true,
                false, entry.source(), entry.installedAt(), entry.updatedAt(), SettingsCatalog.pids(metatypes, bundles),
                contributions.stream().filter(c -> names.contains(c.bundleSymbolicName())).toList());
    }

    static String stateOf(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /** A plugin name as clients send it: the symbolic name, or PeerTube's {@code peertube-plugin-<name>}. */
    static String nameOf(String name) {
        String trimmed = name == null ? "" : name.trim();
        return trimmed.startsWith(NPM_PREFIX) ? trimmed.substring(NPM_PREFIX.length()) : trimmed;
    }

    /** The bundle of an installed plugin, or the bundles of an installed plugin feature. */
    private List<Bundle> pluginBundles(String name) {
        String wanted = nameOf(name);
        InstalledPlugin plugin = list(false).stream().filter(p -> p.name().equals(wanted)).findFirst()
                .orElseThrow(() -> notInstalled(wanted));
        Optional<PluginRecords.Entry> entry = records.get(plugin.name()).filter(PluginRecords.Entry::isFeature);
        if (entry.isPresent()) {
            Feature feature = features.find(entry.get().name(), entry.get().version());
            return FeaturePlugins.bundlesOf(feature, context.getBundles());
        }
        return List.of(bundleNamed(plugin.name()).orElseThrow(() -> notInstalled(wanted)));
    }

    private PluginRecords.Entry managedEntry(String name) {
        Optional<PluginRecords.Entry> entry = records.get(name).filter(e -> !e.uninstalled());
        if (entry.isPresent()) {
            return entry.get();
        }
        if (bundleNamed(name).isPresent()) {
            throw new PluginInstallException(Reason.NOT_MANAGED, name + " was not installed through the plugin "
                    + "manager: remove it from deploy/, with feature:uninstall, or not at all if it is part of the core");
        }
        throw notInstalled(name);
    }

    private static PluginInstallException notInstalled(String name) {
        return new PluginInstallException(Reason.NOT_INSTALLED, "No plugin named " + name + " is installed");
    }

    private Optional<Bundle> bundleNamed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the plugin jar at " + to, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
