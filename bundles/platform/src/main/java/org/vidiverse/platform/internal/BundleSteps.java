package org.vidiverse.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginInstallException.Reason;
import org.vidiverse.api.plugin.PluginSource;

/**
 * The framework side of installing a plugin jar: install it, start it and check its components, take it out again,
 * put a previous version back. Nothing here refreshes a bundle.
 */
final class BundleSteps {
    private static final Logger LOG = LoggerFactory.getLogger(BundleSteps.class);

    private final BundleContext context;
    private final ServiceComponentRuntime components;

    BundleSteps(BundleContext context, ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    /** Installs the kept jar as a bundle; a refusal by the framework is {@code NOT_A_BUNDLE}. */
    Bundle install(Path kept, PluginSource source) {
        try (InputStream in = Files.newInputStream(kept)) {
            return context.installBundle(locationOf(kept), in);
        } catch (IOException | BundleException e) {
            throw new PluginInstallException(Reason.NOT_A_BUNDLE, "The framework refused " + source + ": "
                    + e.getMessage(), e);
        }
    }

    /** Starts the bundle and uses its components once; any failure is a {@link PluginInstallException}. */
    void startAndCheck(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR || bundle.getState() == Bundle.INSTALLED) {
                throw new PluginInstallException(Reason.UNRESOLVED, bundle.getSymbolicName() + " cannot run on this "
                        + "instance: " + e.getMessage(), e);
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginInstallException(Reason.ACTIVATION_FAILED, bundle.getSymbolicName()
                    + " failed to start: " + cause, e);
        } catch (IllegalStateException e) {
            throw new PluginInstallException(Reason.ACTIVATION_FAILED, bundle.getSymbolicName()
                    + " was uninstalled while starting", e);
        }
        List<String> failures = ComponentHealth.activationFailures(components, context, bundle);
        if (!failures.isEmpty()) {
            throw new PluginInstallException(Reason.ACTIVATION_FAILED, bundle.getSymbolicName() + " failed to "
                    + "activate: " + String.join("; ", failures));
        }
    }

    /** Uninstalls a bundle the manager just installed, without refreshing anything. */
    void takeOut(Bundle bundle) {
        try {
            bundle.uninstall();
            LOG.info("Plugin {} taken out again", bundle.getSymbolicName());
        } catch (BundleException | IllegalStateException e) {
            LOG.error("Plugin {} could not be taken out again: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }

    /** Puts the kept (previous) jar back into the bundle after a failed update. */
    void restore(Bundle bundle, Path kept) {
        try (InputStream in = Files.newInputStream(kept)) {
            bundle.update(in);
            bundle.start();
        } catch (IOException | BundleException | IllegalStateException e) {
            LOG.error("Plugin {} could not be restored from {}: {}", bundle.getSymbolicName(), kept, e.getMessage());
        }
    }

    /** The location of a plugin bundle: its kept jar. */
    static String locationOf(Path kept) {
        return kept.toUri().toString();
    }
}
