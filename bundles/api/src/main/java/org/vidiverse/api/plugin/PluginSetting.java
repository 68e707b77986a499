package org.vidiverse.api.plugin;

import java.util.List;
import java.util.Objects;

/**
 * One setting of a plugin, read from its metatype (an {@code AttributeDefinition} of one of its PIDs).
 *
 * @param key          the setting's name in the settings map: the attribute id, or {@code pid/id} when the plugin
 *                     has several PIDs
 * @param pid          the configuration PID it is stored under
 * @param id           the attribute id within that PID
 * @param label        the attribute's name
 * @param description  the attribute's description, or {@code null}
 * @param type         its value type
 * @param multiple     whether it takes a list of values (metatype cardinality other than 0)
 * @param required     whether a value must be given
 * @param defaults     default values (one for a single value), possibly none
 * @param options      the values it is limited to, possibly none (any value of the type)
 */
public record PluginSetting(String key, String pid, String id, String label, String description, Type type,
                            boolean multiple, boolean required, List<String> defaults, List<Option> options) {

    /** The value types of OSGi metatype, as settings use them. */
    public enum Type {
        STRING, PASSWORD, BOOLEAN, INTEGER, LONG, SHORT, BYTE, CHARACTER, DOUBLE, FLOAT
    }

    /** A value a setting may take, with its label. */
    public record Option(String value, String label) {
    }

    public PluginSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        defaults = List.copyOf(defaults);
        options = List.copyOf(options);
    }
}
