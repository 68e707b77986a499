package org.vidiverse.api.plugin;

import java.util.Map;

/**
 * How the core names a plugin contribution without calling into plugin code: the service property
 * {@value #NAME_PROPERTY} when set, else the DS component name, else the implementation's simple class name.
 */
public final class PluginNames {
    /** Service property a plugin may set to choose the name admins see. */
    public static final String NAME_PROPERTY = "vidiverse.plugin.name";

    private PluginNames() {
    }

    public static String of(Object service, Map<String, ?> properties) {
        Object explicit = properties.get(NAME_PROPERTY);
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit.toString();
        }
        Object component = properties.get("component.name");
        if (component != null) {
            String name = component.toString();
            return name.substring(name.lastIndexOf('.') + 1);
        }
        return service.getClass().getSimpleName();
    }

    /** The {@code service.ranking} of a contribution, 0 when absent or not an integer. */
    public static int rankingOf(Map<String, ?> properties) {
        Object ranking = properties.get("service.ranking");
        return ranking instanceof Integer i ? i : 0;
    }
}
