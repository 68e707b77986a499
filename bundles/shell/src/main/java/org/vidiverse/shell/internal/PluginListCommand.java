package org.vidiverse.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.plugin.InstalledPlugin;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginManager;

@Service
@Command(scope = "vid", name = "plugin-list", description = "Lists plugins with their bundle state and, under each, "
        + "its extension point contributions with state, failures and the last failure")
public class PluginListCommand implements Action {
    @Reference
    PluginManager plugins;

    @Option(name = "-u", aliases = "--uninstalled", description = "Include plugins uninstalled through the manager")
    boolean uninstalled;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Plugin", "Version", "State", "Installed by", "Contribution",
                "Extension point", "Ranking", "Health", "Failures", "Last failure"}) {
            table.column(column);
        }
        for (InstalledPlugin plugin : plugins.list(uninstalled)) {
            String by = plugin.uninstalled() ? "uninstalled" : plugin.managed() ? "plugin manager" : "other";
            String state = plugin.state().toLowerCase(Locale.ROOT);
            if (plugin.contributions().isEmpty()) {
                table.addRow().addContent(plugin.name(), plugin.version(), state, by, "", "", "", "", "", "");
            }
            boolean first = true;
            for (PluginInfo c : plugin.contributions()) {
                table.addRow().addContent(first ? plugin.name() : "", first ? plugin.version() : "",
                        first ? state : "", first ? by : "", c.name(), c.extensionPoint(), c.ranking(), c.state(),
                        c.failures(), c.lastFailure() == null ? "" : c.lastFailure());
                first = false;
            }
        }
        table.print(System.out);
        return null;
    }
}
