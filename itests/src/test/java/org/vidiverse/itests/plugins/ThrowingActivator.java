package org.vidiverse.itests.plugins;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Packed by PluginsIT into a bundle whose activator throws: the plugin manager must refuse it and take it out. */
public class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("this plugin always fails to start");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
