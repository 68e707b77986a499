package org.vidiverse.federation.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link FederationConfig} with its defaults, some of them overridden, as ConfigAdmin would hand it over. */
final class TestConfigs {
    private TestConfigs() {
    }

    static FederationConfig federation(Map<String, Object> overrides) {
        return (FederationConfig) Proxy.newProxyInstance(FederationConfig.class.getClassLoader(),
                new Class<?>[] {FederationConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return FederationConfig.class;
                    }
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    Object value = method.getDefaultValue();
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }
}
