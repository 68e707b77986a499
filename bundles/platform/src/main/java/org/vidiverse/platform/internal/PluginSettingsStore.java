package org.vidiverse.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.config.core.ConfigRepository;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.plugin.PluginSetting;

/**
 * Reads and writes plugin settings. Values are checked against the metatype first ({@link SettingValues}), then
 * written through Karaf's config repository as {@code etc/<pid>.cfg}: ConfigAdmin hands them to the plugin at once,
 * and the file keeps them when the bundle cache (where ConfigAdmin keeps its own copy) is emptied.
 */
final class PluginSettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(PluginSettingsStore.class);
    /** Properties ConfigAdmin and file install keep on a configuration, which are no settings. */
    private static final Set<String> FRAMEWORK_PROPERTIES = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename");

    private final ConfigRepository configurations;

    PluginSettingsStore(ConfigRepository configurations) {
        this.configurations = configurations;
    }

    /** Current values by setting key: the stored value, else the default. */
    Map<String, Object> current(List<PluginSetting> settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PluginSetting setting : settings) {
            Dictionary<String, Object> stored = stored(setting.pid());
            values.put(setting.key(), SettingValues.shown(setting, stored == null ? null : stored.get(setting.id())));
        }
        return values;
    }

    /** Validates {@code values} (all or nothing), then stores them; other settings keep their values. */
    void store(String plugin, List<PluginSetting> settings, Map<String, ?> values) {
        Map<PluginSetting, Object> typed = SettingValues.parse(settings, values);
        Map<String, Map<String, Object>> byPid = new LinkedHashMap<>();
        typed.forEach((setting, value) -> {
            Map<String, Object> props = byPid.computeIfAbsent(setting.pid(), this::storedCopy);
            if (value == null) {
                props.remove(setting.id());
            } else {
                props.put(setting.id(), value);
            }
        });
        for (Map.Entry<String, Map<String, Object>> pid : byPid.entrySet()) {
            try {
                configurations.update(pid.getKey(), pid.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the settings of " + pid.getKey(), e);
            }
            LOG.info("Settings of plugin {} changed: {} (PID {})", plugin, pid.getValue().keySet(), pid.getKey());
        }
    }

    private Map<String, Object> storedCopy(String pid) {
        Map<String, Object> copy = new LinkedHashMap<>();
        Dictionary<String, Object> stored = stored(pid);
        if (stored != null) {
            for (String key : Collections.list(stored.keys())) {
                if (!FRAMEWORK_PROPERTIES.contains(key)) {
                    copy.put(key, stored.get(key));
                }
            }
        }
        return copy;
    }

    private Dictionary<String, Object> stored(String pid) {
        try {
            Configuration[] found = configurations.getConfigAdmin().listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read the configuration " + pid, e);
        }
    }
}
