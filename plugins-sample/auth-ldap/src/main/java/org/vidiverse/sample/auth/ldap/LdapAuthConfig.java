package org.vidiverse.sample.auth.ldap;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "LDAP login", description = "Logs users in against an LDAP directory: "
        + "finds the user's entry with a search, then binds as that entry with the password typed")
public @interface LdapAuthConfig {

    @AttributeDefinition(name = "Directory URL", description = "ldap://host:389 or ldaps://host:636; "
            + "the plugin stays inactive until this is set")
    String url();

    @AttributeDefinition(name = "StartTLS", description = "Upgrade an ldap:// connection with StartTLS "
            + "before sending anything (not with ldaps://)")
    boolean startTls() default false;

    @AttributeDefinition(name = "Service account DN", required = false,
            description = "Who searches for users; empty to search anonymously")
    String bindDn() default "";

    /** Property {@code .bindPassword}: the leading dot keeps it out of the service's published properties. */
    @AttributeDefinition(name = "Service account password", type = AttributeType.PASSWORD, required = false)
    String _bindPassword() default "";

    @AttributeDefinition(name = "User search base", description = "e.g. ou=people,dc=example,dc=org; "
            + "searched with subtree scope")
    String userBaseDn();

    @AttributeDefinition(name = "User search filter", description = "{0} is replaced by the login name as typed, "
            + "escaped; exactly one entry must match")
    String userFilter() default "(|(uid={0})(mail={0}))";

    @AttributeDefinition(name = "Username attribute", description = "Becomes the local username, in lower case; "
            + "must then be 1-50 of a-z 0-9 _ .")
    String usernameAttribute() default "uid";

    @AttributeDefinition(name = "Email attribute")
    String emailAttribute() default "mail";

    @AttributeDefinition(name = "Display name attribute")
    String displayNameAttribute() default "cn";

    @AttributeDefinition(name = "Administrator groups", required = false, description = "Group DNs whose members "
            + "are administrators; several per entry may be separated by ';'")
    String[] adminGroups() default {};

    @AttributeDefinition(name = "Moderator groups", required = false, description = "Group DNs whose members "
            + "are moderators; several per entry may be separated by ';'")
    String[] moderatorGroups() default {};

    @AttributeDefinition(name = "Membership attribute", description = "Attribute of the user's entry listing "
            + "its groups; used when no group search base is set")
    String memberOfAttribute() default "memberOf";

    @AttributeDefinition(name = "Group search base", required = false, description = "When set, groups are "
            + "found by searching here with the group filter instead of reading the membership attribute")
    String groupBaseDn() default "";

    @AttributeDefinition(name = "Group search filter", description = "{0} is replaced by the user's DN, escaped")
    String groupFilter() default "(member={0})";

    @AttributeDefinition(name = "Default role", description = "Role of users in none of the groups above",
            options = {
                    @Option(value = "USER", label = "User"),
                    @Option(value = "MODERATOR", label = "Moderator"),
                    @Option(value = "ADMINISTRATOR", label = "Administrator")})
    String defaultRole() default "USER";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connectTimeoutMs() default 3_000;

    @AttributeDefinition(name = "Response timeout (ms)", description = "For each request to the directory", min = "1")
    int responseTimeoutMs() default 3_000;
}
