package org.vidiverse.platform.internal;

import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.ServiceReference;

/** Copies a service reference's properties into a map. */
final class PropertiesOf {
    private PropertiesOf() {
    }

    static Map<String, Object> reference(ServiceReference<?> ref) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        return props;
    }
}
