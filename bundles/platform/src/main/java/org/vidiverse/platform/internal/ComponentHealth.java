package org.vidiverse.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether the Declarative Services components of a freshly started plugin bundle came up. A component that
 * provides a service is activated lazily, on first use: the check uses each such service once, so that a
 * component throwing in its constructor or {@code @Activate} method is caught at install time, not at the first
 * upload. Components waiting for configuration or for other services are not failures.
 */
final class ComponentHealth {
    private ComponentHealth() {
    }

    /** One line per component that failed to activate; empty when every component is fine. */
    static List<String> activationFailures(ServiceComponentRuntime scr, BundleContext context, Bundle bundle) {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.SATISFIED) {
                    useItsServicesOnce(context, configuration.id);
                }
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failures.add("component " + description.name + " failed to activate: "
                            + firstLine(configuration.failure));
                }
            }
        }
        return failures;
    }

    private static void useItsServicesOnce(BundleContext context, long componentId) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences((String) null, "(component.id=" + componentId + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            try {
                if (context.getService(ref) != null) {
                    context.ungetService(ref);
                }
            } catch (RuntimeException e) {
                // the runtime records the failure in the component's state, read right after
            }
        }
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "(no detail; see the log)";
        }
        String line = failure.strip().lines().findFirst().orElse(failure);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
