package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginRegistry;

@Service
@Command(scope = "vid", name = "plugins", description = "Lists plugin contributions with their extension point, state and failures")
public class PluginsCommand implements Action {
    @Reference
    PluginRegistry plugins;

    @Option(name = "-a", aliases = "--all", description = "Include disabled contributions")
    boolean all;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Extension point");
        table.column("Bundle");
        table.column("Version");
        table.column("Ranking");
        table.column("State");
        table.column("Failures");
        table.column("Last failure");
        for (PluginInfo p : plugins.list()) {
            if (all || p.state() == PluginInfo.State.ACTIVE) {
                table.addRow().addContent(p.name(), p.extensionPoint(), p.bundleSymbolicName(), p.bundleVersion(),
                        p.ranking(), p.state(), p.failures(), p.lastFailure() == null ? "" : p.lastFailure());
            }
        }
        table.print(System.out);
        return null;
    }
}
