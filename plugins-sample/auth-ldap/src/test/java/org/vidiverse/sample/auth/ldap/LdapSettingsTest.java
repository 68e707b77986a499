package org.vidiverse.sample.auth.ldap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.vidiverse.api.model.UserRole;

import com.unboundid.ldap.sdk.DN;

public class LdapSettingsTest {
    private static final Map<String, Object> MINIMAL = Map.of("url", "ldap://ldap.example.org", "userBaseDn", "dc=example,dc=org");

    private static LdapSettings with(Object... pairs) {
        java.util.HashMap<String, Object> properties = new java.util.HashMap<>(MINIMAL);
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put((String) pairs[i], pairs[i + 1]);
        }
        return LdapSettings.from(TestConfigs.of(properties));
    }

    @Test
    public void defaultsWorkOutOfTheBox() {
        LdapSettings s = with();
        assertEquals(389, s.url().getPort());
        assertEquals("(|(uid={0})(mail={0}))", s.userFilter());
        assertEquals(UserRole.USER, s.defaultRole());
        assertEquals(3_000, s.connectTimeoutMs());
        assertEquals(3_000, s.responseTimeoutMs());
        assertFalse(s.hasRoleGroups());
    }

    @Test
    public void groupDnsMayBeSeparatedBySemicolonsAndCompareNormalised() throws Exception {
        LdapSettings s = with("adminGroups", new String[] {"cn=Admins,dc=example,dc=org ; CN=ops, DC=example,DC=org"});
        assertEquals(Set.of(new DN("cn=admins,dc=example,dc=org"), new DN("cn=ops,dc=example,dc=org")), s.adminGroups());
        assertTrue(s.hasRoleGroups());
    }

    @Test
    public void ldapsUsesItsPortAndRefusesStartTls() {
        assertEquals(636, with("url", "ldaps://ldap.example.org").url().getPort());
        assertThrows(IllegalArgumentException.class, () -> with("url", "ldaps://ldap.example.org", "startTls", true));
    }

    @Test
    public void malformedSettingsAreRefusedByName() {
        assertMessage("url", () -> with("url", "http://x"));
        assertMessage("userFilter", () -> with("userFilter", "(uid=x)"));
        assertMessage("groupFilter", () -> with("groupFilter", "(member={0}"));
        assertMessage("adminGroups", () -> with("adminGroups", new String[] {"not a dn"}));
        assertMessage("defaultRole", () -> with("defaultRole", "superuser"));
        assertMessage(".bindPassword", () -> with("bindDn", "cn=svc,dc=example,dc=org"));
        assertMessage("connectTimeoutMs", () -> with("connectTimeoutMs", 0));
    }

    @Test
    public void theServicePasswordIsNeverPrinted() {
        assertFalse(with("bindDn", "cn=svc", "_bindPassword", "s3cret").toString().contains("s3cret"));
    }

    private static void assertMessage(String setting, org.junit.function.ThrowingRunnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage(), e.getMessage().startsWith(setting));
    }
}
