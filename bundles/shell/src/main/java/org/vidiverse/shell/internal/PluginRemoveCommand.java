package org.vidiverse.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginManager;

@Service
@Command(scope = "vid", name = "plugin-remove", description = "Uninstalls a plugin installed with vid:plugin-install "
        + "or the REST API (its settings are kept)")
public class PluginRemoveCommand implements Action {
    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "name", required = true, description = "the plugin's bundle symbolic name")
    String name;

    @Override
    public Object execute() {
        try {
            plugins.uninstall(name);
            System.out.println("Removed " + name);
        } catch (PluginInstallException e) {
            System.err.println("Not removed: " + e.getMessage());
        }
        return null;
    }
}
