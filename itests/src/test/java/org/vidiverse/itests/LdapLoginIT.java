package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.plugin.ExtensionPoint;
import org.vidiverse.api.plugin.PluginRegistry;
import org.vidiverse.api.store.UserStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

/**
 * The LDAP sample plugin dropped into a running instance: users of a real directory (an in-process LDAP server on
 * a loopback port) log in through PeerTube's token endpoint, get a local user on first login, and can no longer
 * log in once the plugin is removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LdapLoginIT {
    private static final int PORT = 9184;

    @Inject
    ConfigurationAdmin configs;
    @Inject
    UserStore users;
    @Inject
    PluginRegistry plugins;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT, mavenBundle("com.unboundid", "unboundid-ldapsdk", "7.0.3"));
    }

    @Test
    public void directoryUsersLogInWhileThePluginIsDeployed() throws Exception {
        InMemoryDirectoryServerConfig dirConfig = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        dirConfig.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), 0, null));
        dirConfig.setSchema(null);
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(dirConfig);
        directory.add("dn: dc=example,dc=org", "objectClass: top", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=org", "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: uid=lena,ou=people,dc=example,dc=org", "objectClass: inetOrgPerson", "uid: lena",
                "cn: Lena Lovelace", "sn: Lovelace", "mail: lena@example.org", "userPassword: lena-ldap-pass",
                "memberOf: cn=mods,ou=groups,dc=example,dc=org");
        directory.startListening();
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "auth-ldap.jar");
        try {
            Http http = new Http(PORT);
            http.awaitOk("/api/v1/config");
            Hashtable<String, Object> settings = new Hashtable<>();
            settings.put("url", "ldap://127.0.0.1:" + directory.getListenPort());
            settings.put("userBaseDn", "ou=people,dc=example,dc=org");
            settings.put("moderatorGroups", new String[] {"cn=mods,ou=groups,dc=example,dc=org"});
            configs.getConfiguration("org.vidiverse.sample.auth.ldap", "?").update(settings);

            assertEquals("no plugin yet", 400, token(http, "lena", "lena-ldap-pass").status());

            Files.copy(Path.of(System.getProperty("vidiverse.ldapPluginJar")), deployed, StandardCopyOption.REPLACE_EXISTING);
            Await.until("the LDAP provider is active", Duration.ofSeconds(30),
                    () -> plugins.list(ExtensionPoint.AUTH_PROVIDER).stream().anyMatch(p -> p.name().equals("ldap")));

            Http.Answer login = token(http, "lena", "lena-ldap-pass");
            assertEquals(login.body(), 200, login.status());
            JsonNode me = http.get("/api/v1/users/me", login.json().path("access_token").asText()).json();
            assertEquals("lena", me.path("username").asText());
            assertEquals("lena@example.org", me.path("email").asText());
            User lena = users.findByUsername("lena").orElseThrow();
            assertEquals(UserRole.MODERATOR, lena.role());
            assertEquals(400, token(http, "lena", "wrong").status());
            assertEquals("root still logs in locally", 200, token(http, "root", Distribution.ROOT_PASSWORD).status());
            assertEquals("second login reuses the user", 200, token(http, "lena", "lena-ldap-pass").status());
            assertEquals(1, users.list(new org.vidiverse.api.model.PageRequest(0, 100, "username", false)).data()
                    .stream().filter(u -> u.username().equals("lena")).count());

            Files.delete(deployed);
            Await.until("the LDAP provider is gone", Duration.ofSeconds(30),
                    () -> plugins.list(ExtensionPoint.AUTH_PROVIDER).stream().noneMatch(p -> p.name().equals("ldap")));
            assertEquals("without the plugin the directory password means nothing", 400,
                    token(http, "lena", "lena-ldap-pass").status());
            assertTrue(users.findByUsername("lena").isPresent());
        } finally {
            Files.deleteIfExists(deployed);
            directory.shutDown(true);
        }
    }

    private static Http.Answer token(Http http, String username, String password) throws Exception {
        return http.passwordGrant(username, password);
    }
}
