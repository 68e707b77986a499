package org.vidiverse.platform.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.osgi.framework.Bundle;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginInstallException.Reason;

/**
 * Plugins that are features of the instance's features repositories, installed and uninstalled through Karaf's
 * features service without refreshing any bundle ({@code NoAutoRefreshBundles}), as {@code feature:install -r}.
 */
final class FeaturePlugins {
    private static final EnumSet<Option> NO_REFRESH = EnumSet.of(Option.NoAutoRefreshBundles);

    private final FeaturesService features;

    FeaturePlugins(FeaturesService features) {
        this.features = features;
    }

    /** The feature, or a {@code SOURCE_UNREADABLE} refusal when no repository has it. */
    Feature find(String name, String version) {
        Feature feature;
        try {
            feature = version == null ? features.getFeature(name) : features.getFeature(name, version);
        } catch (Exception e) {
            throw new PluginInstallException(Reason.SOURCE_UNREADABLE, "Cannot read the feature " + name + ": "
                    + e.getMessage(), e);
        }
        if (feature == null) {
            throw new PluginInstallException(Reason.SOURCE_UNREADABLE, "No feature " + name
                    + (version == null ? "" : " " + version) + " in the features repositories (see feature:list)");
        }
        return feature;
    }

    /** The feature, or {@code null} when the repositories no longer have it. */
    Feature findQuietly(String name, String version) {
        try {
            return features.getFeature(name, version);
        } catch (Exception e) {
            return null;
        }
    }

    boolean installed(Feature feature) {
        return features.isInstalled(feature);
    }

    void install(Feature feature) {
        try {
            features.installFeature(feature.getName(), feature.getVersion(), NO_REFRESH);
        } catch (Exception e) {
            if (installed(feature)) {
                uninstall(feature);
            }
            throw new PluginInstallException(Reason.UNRESOLVED, "The feature " + feature.getName() + " "
                    + feature.getVersion() + " cannot be installed: " + e.getMessage(), e);
        }
    }

    void uninstall(Feature feature) {
        try {
            features.uninstallFeature(feature.getName(), feature.getVersion(), NO_REFRESH);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot uninstall the feature " + feature.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The running bundles the feature itself lists (not those of the features it depends on). */
    static List<Bundle> bundlesOf(Feature feature, Bundle[] running) {
        Set<String> locations = feature.getBundles().stream().map(BundleInfo::getLocation).map(String::trim)
                .collect(Collectors.toSet());
        return Arrays.stream(running).filter(b -> locations.contains(b.getLocation())).toList();
    }
}
