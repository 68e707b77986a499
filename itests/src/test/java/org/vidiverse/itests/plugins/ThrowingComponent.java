package org.vidiverse.itests.plugins;

/**
 * Packed by PluginsIT into a bundle with a Declarative Services component (described by hand in the jar) that throws
 * in its constructor: the plugin manager must see the failed activation and take the bundle out.
 */
public class ThrowingComponent {
    public ThrowingComponent() {
        throw new IllegalStateException("this component always fails to activate");
    }
}
