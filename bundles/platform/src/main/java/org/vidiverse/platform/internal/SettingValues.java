package org.vidiverse.platform.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.vidiverse.api.plugin.InvalidPluginSettingsException;
import org.vidiverse.api.plugin.PluginSetting;

/**
 * Turns setting values sent by a client (JSON strings, numbers, booleans, lists) into the typed values a plugin's
 * configuration holds, checking each against its metatype: the type, the allowed options, and that a required
 * setting gets a value. Stored values go the other way, into JSON-friendly values.
 */
final class SettingValues {
    private SettingValues() {
    }

    /**
     * @return the typed value per setting given (arrays of wrappers for multi-valued settings)
     * @throws InvalidPluginSettingsException naming every unknown key and bad value
     */
    static Map<PluginSetting, Object> parse(List<PluginSetting> settings, Map<String, ?> values) {
        Map<String, PluginSetting> byKey = settings.stream()
                .collect(Collectors.toMap(PluginSetting::key, s -> s, (a, b) -> a, LinkedHashMap::new));
        Map<String, String> problems = new TreeMap<>();
        Map<PluginSetting, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> given : values.entrySet()) {
            PluginSetting setting = byKey.get(given.getKey());
            if (setting == null) {
                problems.put(given.getKey(), byKey.isEmpty() ? "this plugin has no settings"
                        : "unknown setting; known: " + String.join(", ", byKey.keySet()));
                continue;
            }
            try {
                typed.put(setting, typed(setting, given.getValue()));
            } catch (IllegalArgumentException e) {
                problems.put(given.getKey(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginSettingsException(problems);
        }
        return typed;
    }

    static Object typed(PluginSetting setting, Object value) {
        List<String> raws = raws(setting, value);
        // a required multi-valued setting may be an empty list (metatype marks attributes required by default)
        if (setting.required() && !setting.multiple() && (raws.isEmpty() || raws.get(0).isBlank())) {
            throw new IllegalArgumentException(setting.key() + " is required");
        }
        Set<String> allowed = setting.options().stream().map(PluginSetting.Option::value).collect(Collectors.toSet());
        Class<?> elementType = javaType(setting.type());
        Object array = Array.newInstance(elementType, raws.size());
        for (int i = 0; i < raws.size(); i++) {
            String raw = raws.get(i);
            if (!allowed.isEmpty() && !allowed.contains(raw)) {
                throw new IllegalArgumentException(setting.key() + " must be one of " + String.join(", ",
                        setting.options().stream().map(PluginSetting.Option::value).toList()) + ", not '" + raw + "'");
            }
            Array.set(array, i, convert(setting, raw));
        }
        if (setting.multiple()) {
            return array;
        }
        return raws.isEmpty() ? null : Array.get(array, 0);
    }

    private static List<String> raws(PluginSetting setting, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            if (!setting.multiple()) {
                throw new IllegalArgumentException(setting.key() + " takes one value, not a list");
            }
            List<String> raws = new ArrayList<>();
            for (Object item : value instanceof Collection<?> c ? c : arrayItems(value)) {
                if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    throw new IllegalArgumentException(setting.key() + " must be a list of plain values");
                }
                raws.add(item == null ? "" : item.toString());
            }
            return raws;
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException(setting.key() + " must be a plain value, not an object");
        }
        return List.of(value.toString());
    }

    private static List<Object> arrayItems(Object array) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            items.add(Array.get(array, i));
        }
        return items;
    }

    private static Object convert(PluginSetting setting, String raw) {
        String text = raw.trim();
        try {
            return switch (setting.type()) {
                case STRING, PASSWORD -> raw;
                case BOOLEAN -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(setting.key() + " must be true or false, not '" + raw + "'");
                    }
                    yield Boolean.valueOf(text);
                }
                case INTEGER -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case SHORT -> Short.valueOf(text);
                case BYTE -> Byte.valueOf(text);
                case DOUBLE -> finite(setting, Double.valueOf(text));
                case FLOAT -> (float) finite(setting, Double.valueOf(text));
                case CHARACTER -> {
                    if (raw.length() != 1) {
                        throw new IllegalArgumentException(setting.key() + " must be one character");
                    }
                    yield raw.charAt(0);
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " must be " + article(setting.type()) + " number ("
                    + setting.type().name().toLowerCase(java.util.Locale.ROOT) + "), not '" + raw + "'");
        }
    }

    private static double finite(PluginSetting setting, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(setting.key() + " must be a finite number");
        }
        return value;
    }

    private static String article(PluginSetting.Type type) {
        return type == PluginSetting.Type.INTEGER ? "an" : "a";
    }

    static Class<?> javaType(PluginSetting.Type type) {
        return switch (type) {
            case STRING, PASSWORD -> String.class;
            case BOOLEAN -> Boolean.class;
            case INTEGER -> Integer.class;
            case LONG -> Long.class;
            case SHORT -> Short.class;
            case BYTE -> Byte.class;
            case DOUBLE -> Double.class;
            case FLOAT -> Float.class;
            case CHARACTER -> Character.class;
        };
    }

    /** A stored value (or the default when none is stored) as JSON-friendly data: lists for multi-valued ones. */
    static Object shown(PluginSetting setting, Object stored) {
        Object value = stored;
        if (value == null) {
            if (setting.defaults().isEmpty() && !setting.multiple()) {
                return null;
            }
            value = typed(withoutRequirement(setting), setting.multiple() ? setting.defaults()
                    : setting.defaults().get(0));
        }
        if (value.getClass().isArray()) {
            List<Object> items = arrayItems(value);
            return setting.multiple() ? items : items.isEmpty() ? null : items.get(0);
        }
        if (value instanceof Collection<?> c) {
            return setting.multiple() ? List.copyOf(c) : c.stream().findFirst().orElse(null);
        }
        return setting.multiple() ? List.of(value) : value;
    }

    private static PluginSetting withoutRequirement(PluginSetting s) {
        return new PluginSetting(s.key(), s.pid(), s.id(), s.label(), s.description(), s.type(), s.multiple(), false,
                s.defaults(), List.of());
    }
}
