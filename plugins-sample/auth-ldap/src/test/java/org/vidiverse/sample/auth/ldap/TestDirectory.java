package org.vidiverse.sample.auth.ldap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLSocketFactory;

/**
 * An UnboundID in-memory directory on a loopback ephemeral port: dc=example,dc=org with people, groups and a
 * service account.
 *
 * <p>The server runs from the full SDK jar in a class loader of its own (surefire passes its path and keeps it off
 * the test class path), so the plugin under test sees only the UnboundID packages that bnd copied into the bundle.
 * Hence the reflection.
 */
final class TestDirectory implements AutoCloseable {
    static final String BASE = "dc=example,dc=org";
    static final String PEOPLE = "ou=people," + BASE;
    static final String GROUPS = "ou=groups," + BASE;
    static final String SERVICE_DN = "cn=vidiverse,ou=services," + BASE;
    static final String SERVICE_PASSWORD = "service-secret";
    static final String ADMINS = "cn=admins," + GROUPS;
    static final String MODERATORS = "cn=moderators," + GROUPS;

    private static final ClassLoader FULL_SDK = fullSdk();
    private final Object server;

    private TestDirectory(Object server) {
        this.server = server;
    }

    /** The standard directory: alice (admin), bob (moderator), Carol.Smith (user), two entries sharing a mail. */
    static TestDirectory start() throws Exception {
        TestDirectory directory = empty();
        directory.add("dn: " + SERVICE_DN, "objectClass: person", "cn: vidiverse", "sn: service",
                "userPassword: " + SERVICE_PASSWORD);
        directory.person("alice", "alice@example.org", "Alice Liddell", "alice-pw", ADMINS);
        directory.person("bob", "bob@example.org", "Bob Builder", "bob-pw", MODERATORS);
        directory.person("Carol.Smith", "carol@example.org", "Carol Smith", "carol-pw", null);
        directory.person("dave", "shared@example.org", "Dave One", "dave-pw", null);
        directory.person("dave2", "shared@example.org", "Dave Two", "dave-pw", null);
        directory.add("dn: " + ADMINS, "objectClass: groupOfNames", "cn: admins", "member: uid=alice," + PEOPLE);
        directory.add("dn: " + MODERATORS, "objectClass: groupOfNames", "cn: moderators", "member: uid=bob," + PEOPLE);
        return directory;
    }

    /** Only the base and the organisational units: for tests that bring their own entries. */
    static TestDirectory empty() throws Exception {
        Class<?> configClass = sdk("com.unboundid.ldap.listener.InMemoryDirectoryServerConfig");
        Class<?> listenerClass = sdk("com.unboundid.ldap.listener.InMemoryListenerConfig");
        Class<?> schemaClass = sdk("com.unboundid.ldap.sdk.schema.Schema");
        Object config = configClass.getConstructor(String[].class).newInstance((Object) new String[] {BASE});
        configClass.getMethod("setSchema", schemaClass).invoke(config, (Object) null);  // memberOf is not standard
        Object listener = listenerClass.getMethod("createLDAPConfig", String.class, InetAddress.class, int.class,
                SSLSocketFactory.class).invoke(null, "ldap", InetAddress.getLoopbackAddress(), 0, null);
        Object listeners = java.lang.reflect.Array.newInstance(listenerClass, 1);
        java.lang.reflect.Array.set(listeners, 0, listener);
        configClass.getMethod("setListenerConfigs", listeners.getClass()).invoke(config, listeners);
        Object server = sdk("com.unboundid.ldap.listener.InMemoryDirectoryServer").getConstructor(configClass)
                .newInstance(config);
        TestDirectory directory = new TestDirectory(server);
        directory.add("dn: " + BASE, "objectClass: domain", "dc: example");
        for (String unit : new String[] {"people", "groups", "services"}) {
            directory.add("dn: ou=" + unit + "," + BASE, "objectClass: organizationalUnit", "ou: " + unit);
        }
        directory.call("startListening");
        return directory;
    }

    void person(String uid, String mail, String cn, String password, String memberOf) throws Exception {
        String dn = "uid=" + uid + "," + PEOPLE;
        if (memberOf == null) {
            add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "mail: " + mail, "cn: " + cn,
                    "sn: " + cn, "userPassword: " + password);
        } else {
            add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "mail: " + mail, "cn: " + cn,
                    "sn: " + cn, "userPassword: " + password, "memberOf: " + memberOf);
        }
    }

    void add(String... ldif) throws Exception {
        call("add", (Object) ldif);
    }

    void modify(String... ldif) throws Exception {
        call("modify", (Object) ldif);
    }

    String url() {
        try {
            return "ldap://127.0.0.1:" + call("getListenPort");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            call("shutDown", true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object call(String name, Object... args) throws Exception {
        for (Method method : server.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length
                    && (args.length == 0 || method.getParameterTypes()[0] != java.util.List.class
                        && !method.getParameterTypes()[0].getName().startsWith("com.unboundid"))) {
                try {
                    return method.invoke(server, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static Class<?> sdk(String name) throws ClassNotFoundException {
        return Class.forName(name, true, FULL_SDK);
    }

    private static ClassLoader fullSdk() {
        String jar = System.getProperty("unboundid.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property unboundid.jar must name the UnboundID SDK jar: " + jar);
        }
        try {
            return new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
