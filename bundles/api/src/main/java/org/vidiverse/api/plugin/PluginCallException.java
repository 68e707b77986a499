package org.vidiverse.api.plugin;

/** A call into plugin code failed: it threw, timed out, or the plugin is disabled. */
public class PluginCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pluginName;

    public PluginCallException(String pluginName, String message, Throwable cause) {
        super("plugin " + pluginName + ": " + message, cause);
        this.pluginName = pluginName;
    }

    public String pluginName() {
        return pluginName;
    }
}
