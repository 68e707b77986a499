package org.vidiverse.api.plugin;

import java.util.Map;

/** Plugin settings that do not match the plugin's metatype; nothing was written. */
public class InvalidPluginSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> problems;

    /** @param problems message per setting key, in the order they are to be reported */
    public InvalidPluginSettingsException(Map<String, String> problems) {
        super("Invalid plugin settings: " + problems);
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    /** Message per offending setting key. */
    public Map<String, String> problems() {
        return problems;
    }
}
