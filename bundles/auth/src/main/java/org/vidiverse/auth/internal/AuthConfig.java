package org.vidiverse.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Vidiverse logins", description = "OAuth2 token lifetimes and login rate limits")
public @interface AuthConfig {

    @AttributeDefinition(name = "Access token lifetime (seconds)")
    long accessTokenLifetime() default 24 * 3600;

    @AttributeDefinition(name = "Refresh token lifetime (seconds)")
    long refreshTokenLifetime() default 14 * 24 * 3600;

    @AttributeDefinition(name = "Login attempts per address", description = "Token requests one client address "
            + "may make per window, as PeerTube limits them")
    int attemptsPerAddress() default 15;

    @AttributeDefinition(name = "Failed logins per user", description = "Failed password logins for one "
            + "username per window, whatever the address, before that username is refused for the window")
    int failuresPerUser() default 10;

    @AttributeDefinition(name = "Window (seconds)")
    int windowSeconds() default 300;
}
