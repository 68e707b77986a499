package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vidiverse.api.plugin.InstalledPlugin;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginSetting;

/**
 * Plugins in PeerTube's shapes ({@code PeerTubePlugin}, {@code RegisteredServerSettings}), with what Vidiverse adds:
 * the bundle state, whether the plugin manager installed it, its source and its extension point contributions with
 * their health.
 */
final class PluginJson {
    /** PeerTube's plugin types: 1 plugin, 2 theme. Vidiverse has no themes. */
    static final int TYPE_PLUGIN = 1;

    private PluginJson() {
    }

    static Map<String, Object> plugin(InstalledPlugin plugin, Map<String, Object> settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", plugin.name());
        json.put("npmName", "peertube-plugin-" + plugin.name());
        json.put("type", TYPE_PLUGIN);
        json.put("latestVersion", plugin.version());
        json.put("version", plugin.version());
        json.put("enabled", "ACTIVE".equals(plugin.state()));
        json.put("uninstalled", plugin.uninstalled());
        // Vidiverse plugins are bound to the API packages they import, not to an engine version
        json.put("peertubeEngine", "*");
        json.put("description", plugin.description() == null ? "" : plugin.description());
        json.put("homepage", plugin.homepage() == null ? "" : plugin.homepage());
        json.put("settings", settings);
        json.put("createdAt", Json.date(plugin.installedAt() != null ? plugin.installedAt() : plugin.updatedAt()));
        json.put("updatedAt", Json.date(plugin.updatedAt()));
        json.put("state", plugin.state());
        json.put("managed", plugin.managed());
        json.put("source", plugin.source());
        json.put("settingPids", plugin.settingPids());
        json.put("contributions", plugin.contributions().stream().map(PluginJson::contribution).toList());
        return json;
    }

    static Map<String, Object> contribution(PluginInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", info.name());
        json.put("extensionPoint", info.extensionPoint().name());
        json.put("ranking", info.ranking());
        json.put("state", info.state().name());
        json.put("failures", info.failures());
        json.put("lastFailure", info.lastFailure());
        return json;
    }

    /** One setting as PeerTube's admin client renders it, plus its metatype details. */
    static Map<String, Object> registered(PluginSetting setting) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", setting.key());
        json.put("label", setting.label());
        json.put("type", peerTubeType(setting));
        json.put("descriptionHTML", setting.description() == null ? null : escape(setting.description()));
        json.put("default", setting.multiple() ? setting.defaults()
                : setting.defaults().isEmpty() ? null : setting.defaults().get(0));
        json.put("private", setting.type() == PluginSetting.Type.PASSWORD);
        if (!setting.options().isEmpty()) {
            json.put("options", setting.options().stream()
                    .map(o -> Map.of("label", o.label(), "value", o.value())).toList());
        }
        json.put("valueType", setting.type().name());
        json.put("multiple", setting.multiple());
        json.put("required", setting.required());
        json.put("pid", setting.pid());
        return json;
    }

    private static String peerTubeType(PluginSetting setting) {
        if (!setting.options().isEmpty()) {
            return "select";
        }
        return switch (setting.type()) {
            case BOOLEAN -> "input-checkbox";
            case PASSWORD -> "input-password";
            default -> setting.multiple() ? "input-textarea" : "input";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static List<Map<String, Object>> registered(List<PluginSetting> settings) {
        return settings.stream().map(PluginJson::registered).toList();
    }
}
