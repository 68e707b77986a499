package org.vidiverse.shell.internal;

import java.io.PrintStream;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.plugin.PluginInfo;
import org.vidiverse.api.plugin.PluginRegistry;
import org.vidiverse.api.store.StorageInfo;

@Service
@Command(scope = "vid", name = "info", description = "Shows the instance's version, database, row counts and active plugins")
public class InfoCommand implements Action {
    @Reference
    InstanceSettings settings;
    @Reference
    StorageInfo storage;
    @Reference
    PluginRegistry plugins;
    @Reference
    BundleContext context;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        out.println("Vidiverse " + context.getBundle().getVersion());
        out.println("Instance:  " + settings.name() + " at " + settings.publicUrl());
        out.println("Database:  " + storage.database() + " (" + storage.url() + ", schema " + storage.schemaVersion() + ")");
        out.println("Rows:");
        for (Map.Entry<String, Long> count : storage.counts().entrySet()) {
            out.printf("  %-12s %d%n", count.getKey(), count.getValue());
        }
        out.println("Active plugins:");
        long active = plugins.list().stream().filter(p -> p.state() == PluginInfo.State.ACTIVE)
                .peek(p -> out.printf("  %-30s %s (%s %s)%n", p.name(), p.extensionPoint(), p.bundleSymbolicName(),
                        p.bundleVersion()))
                .count();
        if (active == 0) {
            out.println("  none");
        }
        return null;
    }
}
