package org.vidiverse.api.plugin;

import java.util.List;

/** Lists every plugin contribution the core currently tracks, with its health. */
@org.osgi.annotation.versioning.ProviderType
public interface PluginRegistry {

    /** Contributions in extension-point order, then by ranking (highest first). */
    List<PluginInfo> list();

    /** Contributions to one extension point. */
    default List<PluginInfo> list(ExtensionPoint point) {
        return list().stream().filter(p -> p.extensionPoint() == point).toList();
    }
}
