package org.vidiverse.shell.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.vidiverse.api.plugin.InstalledPlugin;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginManager;
import org.vidiverse.api.plugin.PluginSource;

@Service
@Command(scope = "vid", name = "plugin-install", description = "Installs a plugin bundle from a jar on this server or "
        + "from Maven coordinates, or a plugin feature, without refreshing the core; -u replaces the installed version")
public class PluginInstallCommand implements Action {
    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "source", required = true, description = "a jar path, groupId:artifactId:version, "
            + "mvn:groupId/artifactId/version, or feature:name[/version] of the features repositories")
    String source;

    @Option(name = "-u", aliases = "--update", description = "Update the installed plugin of the same name in place")
    boolean update;

    @Override
    public Object execute() {
        PluginSource from;
        try {
            from = PluginSource.looksLikeFeature(source) ? PluginSource.feature(source)
                    : PluginSource.looksLikeMaven(source) ? PluginSource.maven(source)
                    : PluginSource.jar(Path.of(source).toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        try {
            InstalledPlugin plugin = update ? plugins.update(null, from) : plugins.install(from);
            System.out.println((update ? "Updated " : "Installed ") + plugin.name() + " " + plugin.version() + " ("
                    + plugin.state().toLowerCase(java.util.Locale.ROOT) + ", " + plugin.contributions().size()
                    + " contribution(s))");
        } catch (PluginInstallException e) {
            System.err.println("Not installed (" + e.reason().name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + e.getMessage());
        }
        return null;
    }
}
