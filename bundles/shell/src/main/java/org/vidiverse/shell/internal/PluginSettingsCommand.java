package org.vidiverse.shell.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.plugin.InvalidPluginSettingsException;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginManager;
import org.vidiverse.api.plugin.PluginSetting;

@Service
@Command(scope = "vid", name = "plugin-settings", description = "Shows a plugin's settings (from its metatype) or "
        + "sets some: key=value, lists as key=a,b,c; applied at runtime and kept across restarts")
public class PluginSettingsCommand implements Action {
    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "name", required = true, description = "the plugin's bundle symbolic name")
    String name;

    @Argument(index = 1, name = "key=value", multiValued = true, description = "settings to change")
    List<String> assignments;

    @Override
    public Object execute() {
        try {
            List<PluginSetting> settings = plugins.registeredSettings(name);
            if (assignments != null && !assignments.isEmpty()) {
                plugins.updateSettings(name, parse(settings));
            }
            print(settings, plugins.settings(name));
        } catch (PluginInstallException e) {
            System.err.println(e.getMessage());
        } catch (InvalidPluginSettingsException e) {
            e.problems().forEach((key, message) -> System.err.println("Not changed: " + key + ": " + message));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }

    private Map<String, Object> parse(List<PluginSetting> settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Write settings as key=value, not '" + assignment + "'");
            }
            String key = assignment.substring(0, eq).trim();
            String value = assignment.substring(eq + 1);
            boolean multiple = settings.stream().anyMatch(s -> s.key().equals(key) && s.multiple());
            values.put(key, multiple ? value.isBlank() ? List.of()
                    : Arrays.stream(value.split(",")).map(String::trim).toList() : value);
        }
        return values;
    }

    private static void print(List<PluginSetting> settings, Map<String, Object> values) {
        if (settings.isEmpty()) {
            System.out.println("This plugin declares no settings (no metatype)");
            return;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Key", "Value", "Type", "Options", "PID", "Description"}) {
            table.column(column);
        }
        for (PluginSetting s : settings) {
            Object value = values.get(s.key());
            String shown = s.type() == PluginSetting.Type.PASSWORD && value != null ? "********"
                    : value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : value == null ? "" : value.toString();
            table.addRow().addContent(s.key(), shown, s.type().name().toLowerCase(java.util.Locale.ROOT)
                            + (s.multiple() ? "[]" : ""),
                    String.join("|", s.options().stream().map(PluginSetting.Option::value).toList()), s.pid(),
                    s.description() == null ? "" : s.description());
        }
        table.print(System.out);
    }
}
