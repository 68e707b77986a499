package org.vidiverse.sample.auth.ldap;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** {@link LdapAuthConfig} instances the way DS builds them: given properties, else the annotation's defaults. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** Service account, people and the standard admin/moderator groups in memberOf mode; override with pairs. */
    static LdapAuthConfig forDirectory(TestDirectory directory, Object... overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "url", directory.url(),
                "bindDn", TestDirectory.SERVICE_DN,
                "_bindPassword", TestDirectory.SERVICE_PASSWORD,
                "userBaseDn", TestDirectory.PEOPLE,
                "adminGroups", new String[] {TestDirectory.ADMINS},
                "moderatorGroups", new String[] {TestDirectory.MODERATORS}));
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put((String) overrides[i], overrides[i + 1]);
        }
        return of(properties);
    }

    static LdapAuthConfig of(Map<String, Object> properties) {
        return (LdapAuthConfig) Proxy.newProxyInstance(LdapAuthConfig.class.getClassLoader(),
                new Class<?>[] {LdapAuthConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> LdapAuthConfig.class;
                    case "toString" -> "LdapAuthConfig" + properties;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> properties.containsKey(method.getName())
                            ? properties.get(method.getName()) : method.getDefaultValue();
                });
    }
}
