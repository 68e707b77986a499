package org.vidiverse.sample.auth.ldap;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.vidiverse.api.auth.AuthProvider;
import org.vidiverse.api.auth.AuthenticatedIdentity;
import org.vidiverse.api.auth.Credentials;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.plugin.PluginNames;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

/**
 * Logs users in against an LDAP directory: bind as the service account (or anonymously), find exactly one entry
 * for the login name, then bind as that entry with the typed password. Wrong password, unknown or ambiguous login:
 * empty. Directory down or misconfigured: throws, and the core skips this provider. Settings: PID {@value #PID},
 * required and changeable at runtime.
 *
 * <p>Logs through {@link System.Logger} (JUL, which Karaf's pax-logging picks up) so that the bundle imports
 * nothing beyond the Vidiverse API and the JDK.
 */
@Component(configurationPid = LdapAuthProvider.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {PluginNames.NAME_PROPERTY + "=" + LdapAuthProvider.NAME, "service.ranking:Integer=50"})
@Designate(ocd = LdapAuthConfig.class)
public final class LdapAuthProvider implements AuthProvider {
    public static final String PID = "org.vidiverse.sample.auth.ldap";
    public static final String NAME = "ldap";

    private static final Logger log = System.getLogger(LdapAuthProvider.class.getName());
    /** A user bind failing with one of these means "not this password / not this account", not an outage. */
    private static final Set<ResultCode> REFUSED = Set.of(ResultCode.INVALID_CREDENTIALS,
            ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.UNWILLING_TO_PERFORM, ResultCode.NO_SUCH_OBJECT,
            ResultCode.INVALID_DN_SYNTAX);

    /** Null after a configuration that did not validate: logins then fail as "misconfigured". */
    private volatile LdapSettings settings;

    /** @throws IllegalArgumentException when a setting is missing or malformed; the component then stays inactive */
    @Activate
    public LdapAuthProvider(LdapAuthConfig config) {
        modified(config);
    }

    @Modified
    void modified(LdapAuthConfig config) {
        settings = null;                          // never keep serving the old directory after a bad edit
        settings = LdapSettings.from(config);
        log.log(Level.INFO, "LDAP login uses {0}", settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<AuthenticatedIdentity> authenticate(Credentials credentials)
            throws LDAPException, GeneralSecurityException {
        LdapSettings current = settings;
        if (current == null) {
            throw new IllegalStateException("LDAP login is misconfigured; see the configuration error logged for " + PID);
        }
        // an empty simple bind is an anonymous bind, which "succeeds": never send one
        if (credentials.username().isEmpty() || credentials.password().isEmpty()) {
            return Optional.empty();
        }
        try (LDAPConnection connection = current.connect()) {
            if (!current.bindDn().isEmpty()) {
                connection.bind(current.bindDn(), current.bindPassword());   // failure = misconfigured: throws
            }
            Optional<SearchResultEntry> entry = findUser(connection, current, credentials.username());
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            UserRole role = roleOf(connection, current, entry.get());      // still as the service account
            if (!passwordMatches(connection, entry.get().getDN(), credentials.password())) {
                return Optional.empty();
            }
            return identityOf(current, entry.get(), role);
        }
    }

    /** The filter with {@code value} escaped (RFC 4515) in place of {0}, so {@code * ( ) \ NUL} cannot change it. */
    static String filter(String template, String value) {
        return template.replace("{0}", Filter.encodeValue(value));
    }

    private static Optional<SearchResultEntry> findUser(LDAPConnection connection, LdapSettings s, String login)
            throws LDAPException {
        SearchRequest request = new SearchRequest(s.userBase().toString(), SearchScope.SUB,
                Filter.create(filter(s.userFilter(), login)), userAttributes(s));
        request.setSizeLimit(2);                  // two are enough to know the login is ambiguous
        SearchResult result;
        try {
            result = connection.search(request);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw e;
            }
            result = e.getSearchResult();
        }
        List<SearchResultEntry> entries = result.getSearchEntries();
        if (entries.size() > 1) {
            log.log(Level.INFO, "LDAP login refused: \"{0}\" matches several entries under {1}", login, s.userBase());
            return Optional.empty();
        }
        return entries.stream().findFirst();
    }

    private static String[] userAttributes(LdapSettings s) {
        return s.groupBase() == null && s.hasRoleGroups()
                ? new String[] {s.usernameAttribute(), s.emailAttribute(), s.displayNameAttribute(), s.memberOfAttribute()}
                : new String[] {s.usernameAttribute(), s.emailAttribute(), s.displayNameAttribute()};
    }

    private static boolean passwordMatches(LDAPConnection connection, String dn, String password) throws LDAPException {
        try {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            if (REFUSED.contains(e.getResultCode())) {
                log.log(Level.DEBUG, "LDAP bind refused for {0}: {1}", dn, e.getResultCode());
                return false;
            }
            throw e;
        }
    }

    private static Optional<AuthenticatedIdentity> identityOf(LdapSettings s, SearchResultEntry entry, UserRole role) {
        String value = entry.getAttributeValue(s.usernameAttribute());
        Optional<String> username = PeerTubeUsernames.normalise(value);
        if (username.isEmpty()) {
            log.log(Level.WARNING, "LDAP login refused for {0}: {1} \"{2}\" is not a valid username "
                    + "(1-{3} of a-z 0-9 _ .)", entry.getDN(), s.usernameAttribute(), value, PeerTubeUsernames.MAX_LENGTH);
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedIdentity(NAME, username.get(), entry.getAttributeValue(s.emailAttribute()),
                entry.getAttributeValue(s.displayNameAttribute()), role));
    }

    private static UserRole roleOf(LDAPConnection connection, LdapSettings s, SearchResultEntry user)
            throws LDAPException {
        if (!s.hasRoleGroups()) {
            return s.defaultRole();
        }
        Set<DN> groups = s.groupBase() == null ? memberOf(s, user) : groupsFound(connection, s, user.getDN());
        if (groups.stream().anyMatch(s.adminGroups()::contains)) {
            return UserRole.ADMINISTRATOR;
        }
        if (groups.stream().anyMatch(s.moderatorGroups()::contains)) {
            return UserRole.MODERATOR;
        }
        return s.defaultRole();
    }

    private static Set<DN> memberOf(LdapSettings s, SearchResultEntry user) {
        String[] values = user.getAttributeValues(s.memberOfAttribute());
        Set<DN> groups = new HashSet<>();
        for (String value : values == null ? new String[0] : values) {
            try {
                groups.add(new DN(value));
            } catch (LDAPException e) {
                log.log(Level.DEBUG, "Ignoring malformed {0} value of {1}: {2}", s.memberOfAttribute(), user.getDN(), value);
            }
        }
        return groups;
    }

    private static Set<DN> groupsFound(LDAPConnection connection, LdapSettings s, String userDn) throws LDAPException {
        SearchResult result = connection.search(s.groupBase().toString(), SearchScope.SUB,
                Filter.create(filter(s.groupFilter(), userDn)), SearchRequest.NO_ATTRIBUTES);
        Set<DN> groups = new HashSet<>();
        for (SearchResultEntry group : result.getSearchEntries()) {
            groups.add(group.getParsedDN());
        }
        return groups;
    }
}
