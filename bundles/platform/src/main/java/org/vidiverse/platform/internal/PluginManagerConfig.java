package org.vidiverse.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Vidiverse plugin manager",
        description = "Where plugins installed at runtime (REST, vid:plugin-install) are kept")
public @interface PluginManagerConfig {

    @AttributeDefinition(name = "Plugin folder", required = false, description = "Folder keeping the jars of plugins "
            + "installed through the manager and plugins.properties, the record of them; empty for plugins/ in the "
            + "instance's data folder (karaf.data). Move its content along when changing it")
    String pluginFolder() default "";

    @AttributeDefinition(name = "Install from server paths", description = "Whether admins may install a jar by "
            + "its path on the server (PeerTube's install with path); uploads and Maven coordinates stay allowed")
    boolean allowServerPaths() default true;
}
