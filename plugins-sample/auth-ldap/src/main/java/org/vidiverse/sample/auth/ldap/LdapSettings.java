package org.vidiverse.sample.auth.ldap;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.SocketFactory;

import org.vidiverse.api.model.UserRole;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;

/**
 * One validated snapshot of {@link LdapAuthConfig}. Built once per (re)configuration, so a bad setting is reported
 * when it is saved rather than at every login. Never prints the service password.
 */
record LdapSettings(LDAPURL url, boolean startTls, String bindDn, String bindPassword,
                    DN userBase, String userFilter, String usernameAttribute, String emailAttribute,
                    String displayNameAttribute, Set<DN> adminGroups, Set<DN> moderatorGroups,
                    String memberOfAttribute, DN groupBase, String groupFilter, UserRole defaultRole,
                    int connectTimeoutMs, int responseTimeoutMs) {

    /** @throws IllegalArgumentException naming the first setting that is missing or malformed */
    static LdapSettings from(LdapAuthConfig config) {
        LDAPURL url = parse("url", required("url", config.url()), LDAPURL::new);
        boolean ldaps = "ldaps".equals(url.getScheme());
        if (ldaps && config.startTls()) {
            throw new IllegalArgumentException("startTls is for ldap:// URLs; " + url + " is already TLS");
        }
        String bindDn = trim(config.bindDn());
        if (!bindDn.isEmpty()) {
            parse("bindDn", bindDn, DN::new);
            if (config._bindPassword() == null || config._bindPassword().isEmpty()) {
                throw new IllegalArgumentException(".bindPassword is required with bindDn");
            }
        }
        String groupBase = trim(config.groupBaseDn());
        return new LdapSettings(url, config.startTls(), bindDn, bindDn.isEmpty() ? "" : config._bindPassword(),
                parse("userBaseDn", required("userBaseDn", config.userBaseDn()), DN::new),
                template("userFilter", config.userFilter()),
                required("usernameAttribute", config.usernameAttribute()),
                required("emailAttribute", config.emailAttribute()),
                required("displayNameAttribute", config.displayNameAttribute()),
                groups("adminGroups", config.adminGroups()), groups("moderatorGroups", config.moderatorGroups()),
                required("memberOfAttribute", config.memberOfAttribute()),
                groupBase.isEmpty() ? null : parse("groupBaseDn", groupBase, DN::new),
                template("groupFilter", config.groupFilter()),
                role(config.defaultRole()),
                positive("connectTimeoutMs", config.connectTimeoutMs()),
                positive("responseTimeoutMs", config.responseTimeoutMs()));
    }

    boolean hasRoleGroups() {
        return !adminGroups.isEmpty() || !moderatorGroups.isEmpty();
    }

    /** A connection to the directory, TLS as configured, still unauthenticated. The caller closes it. */
    LDAPConnection connect() throws LDAPException, GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(connectTimeoutMs);
        options.setResponseTimeoutMillis(responseTimeoutMs);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        // SSLUtil without managers: the JVM's trust store (javax.net.ssl.trustStore or cacerts) decides
        SocketFactory sockets = "ldaps".equals(url.getScheme()) ? new SSLUtil().createSSLSocketFactory() : null;
        LDAPConnection connection = new LDAPConnection(sockets, options, url.getHost(), url.getPort());
        try {
            if (startTls) {
                ExtendedResult result = connection.processExtendedOperation(
                        new StartTLSExtendedRequest(new SSLUtil().createSSLContext()));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
            }
            return connection;
        } catch (LDAPException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "LdapSettings[url=" + url + ", startTls=" + startTls + ", bindDn=" + bindDn + ", userBase=" + userBase
                + ", userFilter=" + userFilter + ", groupBase=" + groupBase + "]";
    }

    private interface Parser<T> {
        T parse(String text) throws LDAPException;
    }

    private static <T> T parse(String setting, String text, Parser<T> parser) {
        try {
            return parser.parse(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(setting + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String required(String setting, String value) {
        String trimmed = trim(value);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return trimmed;
    }

    /** A filter with a {@code {0}} placeholder; checked by parsing it with a harmless value. */
    private static String template(String setting, String value) {
        String template = required(setting, value);
        if (!template.contains("{0}")) {
            throw new IllegalArgumentException(setting + " must contain {0}: " + template);
        }
        parse(setting, template.replace("{0}", "x"), Filter::create);
        return template;
    }

    /** Entries may each hold several DNs separated by an unescaped ';' (handy in .cfg files, where ',' is in DNs). */
    private static Set<DN> groups(String setting, String[] entries) {
        return Arrays.stream(entries == null ? new String[0] : entries)
                .flatMap(entry -> Arrays.stream(entry.split("(?<!\\\\);")))
                .map(String::trim).filter(dn -> !dn.isEmpty())
                .map(dn -> parse(setting, dn, DN::new))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static UserRole role(String value) {
        String name = required("defaultRole", value).toUpperCase(Locale.ROOT);
        try {
            return UserRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("defaultRole must be USER, MODERATOR or ADMINISTRATOR: " + value, e);
        }
    }

    private static int positive(String setting, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(setting + " must be positive: " + value);
        }
        return value;
    }
}
