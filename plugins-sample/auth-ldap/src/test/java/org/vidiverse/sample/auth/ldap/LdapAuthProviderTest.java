package org.vidiverse.sample.auth.ldap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.auth.AuthenticatedIdentity;
import org.vidiverse.api.auth.Credentials;
import org.vidiverse.api.model.UserRole;

import com.unboundid.ldap.sdk.LDAPException;

public class LdapAuthProviderTest {
    private TestDirectory directory;
    private LdapAuthProvider provider;

    @Before
    public void startDirectory() throws Exception {
        directory = TestDirectory.start();
        provider = new LdapAuthProvider(TestConfigs.forDirectory(directory));
    }

    @After
    public void stopDirectory() {
        directory.close();
    }

    private Optional<AuthenticatedIdentity> login(String username, String password) throws Exception {
        return provider.authenticate(new Credentials(username, password, "127.0.0.1"));
    }

    @Test
    public void rightPasswordLogsInWithUsernameEmailAndDisplayName() throws Exception {
        AuthenticatedIdentity alice = login("alice", "alice-pw").orElseThrow();
        assertEquals("ldap", alice.providerName());
        assertEquals("alice", alice.username());
        assertEquals("alice@example.org", alice.email());
        assertEquals("Alice Liddell", alice.displayName());
        assertEquals("ldap", provider.name());
    }

    @Test
    public void emailLogsInToo() throws Exception {
        assertEquals("alice", login("alice@example.org", "alice-pw").orElseThrow().username());
    }

    @Test
    public void usernameIsLowerCased() throws Exception {
        assertEquals("carol.smith", login("Carol.Smith", "carol-pw").orElseThrow().username());
    }

    @Test
    public void wrongPasswordUnknownUserAndEmptyPasswordAreRefused() throws Exception {
        assertFalse(login("alice", "wrong").isPresent());
        assertFalse(login("nobody", "alice-pw").isPresent());
        assertFalse(login("alice", "").isPresent());
        assertFalse(login("", "alice-pw").isPresent());
    }

    @Test
    public void emptyPasswordIsRefusedEvenWithoutAServiceAccount() throws Exception {
        provider.modified(TestConfigs.forDirectory(directory, "bindDn", "", "_bindPassword", ""));
        assertFalse(login("alice", "").isPresent());
        assertTrue(login("alice", "alice-pw").isPresent());     // anonymous search works
    }

    @Test
    public void filterCharactersInTheLoginMatchLiterally() throws Exception {
        assertFalse(login("*", "alice-pw").isPresent());
        assertFalse(login("ali*", "alice-pw").isPresent());      // unescaped, this would find alice alone
        assertFalse(login("admin)(uid=*", "alice-pw").isPresent());
        assertFalse(login("alice)(uid=alice", "alice-pw").isPresent());
        assertFalse(login("alice\u0000", "alice-pw").isPresent());
        assertFalse(login("alice\\", "alice-pw").isPresent());
    }

    @Test
    public void filterEscapingFollowsRfc4515() {
        assertEquals("(|(uid=admin\\29\\28uid=\\2a)(mail=admin\\29\\28uid=\\2a))",
                LdapAuthProvider.filter("(|(uid={0})(mail={0}))", "admin)(uid=*"));
        assertEquals("(uid=a\\5cb\\00)", LdapAuthProvider.filter("(uid={0})", "a\\b\u0000"));
    }

    @Test
    public void rolesComeFromMemberOf() throws Exception {
        assertEquals(UserRole.ADMINISTRATOR, login("alice", "alice-pw").orElseThrow().role());
        assertEquals(UserRole.MODERATOR, login("bob", "bob-pw").orElseThrow().role());
        assertEquals(UserRole.USER, login("carol@example.org", "carol-pw").orElseThrow().role());
    }

    @Test
    public void rolesComeFromAGroupSearchWhenAGroupBaseIsSet() throws Exception {
        directory.modify("dn: uid=alice," + TestDirectory.PEOPLE, "changetype: modify", "delete: memberOf");
        directory.modify("dn: uid=bob," + TestDirectory.PEOPLE, "changetype: modify", "delete: memberOf");
        provider.modified(TestConfigs.forDirectory(directory, "groupBaseDn", TestDirectory.GROUPS));
        assertEquals(UserRole.ADMINISTRATOR, login("alice", "alice-pw").orElseThrow().role());
        assertEquals(UserRole.MODERATOR, login("bob", "bob-pw").orElseThrow().role());
        assertEquals(UserRole.USER, login("Carol.Smith", "carol-pw").orElseThrow().role());
    }

    @Test
    public void usersInNoGroupGetTheDefaultRole() throws Exception {
        provider.modified(TestConfigs.forDirectory(directory, "defaultRole", "moderator"));
        assertEquals(UserRole.MODERATOR, login("Carol.Smith", "carol-pw").orElseThrow().role());
        assertEquals(UserRole.ADMINISTRATOR, login("alice", "alice-pw").orElseThrow().role());
    }

    @Test
    public void aLoginMatchingTwoEntriesIsRefused() throws Exception {
        assertFalse(login("shared@example.org", "dave-pw").isPresent());
        assertTrue(login("dave", "dave-pw").isPresent());
    }

    @Test
    public void anUnreachableDirectoryThrows() {
        directory.close();
        assertThrows(LDAPException.class, () -> login("alice", "alice-pw"));
    }

    @Test
    public void aWrongServiceAccountPasswordThrows() throws Exception {
        provider.modified(TestConfigs.forDirectory(directory, "_bindPassword", "wrong"));
        assertThrows(LDAPException.class, () -> login("alice", "alice-pw"));
    }

    @Test
    public void aNewUrlTakesEffectWithoutRestart() throws Exception {
        try (TestDirectory other = TestDirectory.empty()) {
            other.person("erin", "erin@example.org", "Erin", "erin-pw", null);
            assertFalse(login("erin", "erin-pw").isPresent());
            provider.modified(TestConfigs.forDirectory(other, "bindDn", ""));
            assertEquals("erin", login("erin", "erin-pw").orElseThrow().username());
            assertFalse(login("alice", "alice-pw").isPresent());
        }
    }

    @Test
    public void usernamesPeerTubeWouldRefuseAreRefusedAndLogged() throws Exception {
        String sixtyChars = "a".repeat(60);
        directory.person(sixtyChars, "long@example.org", "Long", "long-pw", null);
        directory.add("dn: cn=Spacey User," + TestDirectory.PEOPLE, "objectClass: inetOrgPerson", "cn: Spacey User",
                "sn: User", "uid: spacey user", "mail: spacey@example.org", "userPassword: spacey-pw");
        List<LogRecord> records = captureLog(() -> {
            assertFalse(login(sixtyChars, "long-pw").isPresent());
            assertFalse(login("spacey@example.org", "spacey-pw").isPresent());
        });
        assertEquals(2, records.size());
        assertTrue(records.get(0).getMessage().contains("not a valid username"));
        assertEquals(sixtyChars, records.get(0).getParameters()[2]);
        assertEquals("spacey user", records.get(1).getParameters()[2]);
    }

    @Test
    public void aMissingEmailOrNameIsNull() throws Exception {
        directory.add("dn: uid=frank," + TestDirectory.PEOPLE, "objectClass: account", "uid: frank",
                "userPassword: frank-pw");
        AuthenticatedIdentity frank = login("frank", "frank-pw").orElseThrow();
        assertNull(frank.email());
        assertNull(frank.displayName());
        assertEquals(UserRole.USER, frank.role());
    }

    @Test
    public void aBadEditStopsLoginsUntilFixed() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> provider.modified(TestConfigs.forDirectory(directory, "userFilter", "(uid=alice")));
        assertThrows(IllegalStateException.class, () -> login("alice", "alice-pw"));
        provider.modified(TestConfigs.forDirectory(directory));
        assertTrue(login("alice", "alice-pw").isPresent());
    }

    @Test
    public void activationNeedsAUrlAndAUserBase() {
        assertThrows(IllegalArgumentException.class, () -> new LdapAuthProvider(TestConfigs.of(Map.of("userBaseDn", "dc=x"))));
        assertThrows(IllegalArgumentException.class, () -> new LdapAuthProvider(TestConfigs.of(Map.of("url", " "))));
        assertThrows(IllegalArgumentException.class,
                () -> new LdapAuthProvider(TestConfigs.of(Map.of("url", "ldap://localhost"))));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static List<LogRecord> captureLog(Action action) throws Exception {
        Logger logger = Logger.getLogger(LdapAuthProvider.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { if (record.getLevel().intValue() >= 900) records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }
}
