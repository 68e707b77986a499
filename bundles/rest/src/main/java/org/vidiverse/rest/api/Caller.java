package org.vidiverse.rest.api;

import java.security.Principal;
import java.util.Optional;

import javax.ws.rs.core.SecurityContext;

import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;

/**
 * Who is calling: the local user behind a valid OAuth bearer token. The core's authentication filter puts it in
 * the request's {@link SecurityContext}; resources read it with {@code @Context SecurityContext}.
 *
 * <p>A request with an invalid, expired or revoked token never reaches a resource (401). A request without a
 * token reaches it anonymously; {@link #require} then answers 401 where a login is needed.
 */
public record Caller(User user) implements Principal {

    @Override
    public String getName() {
        return user.username();
    }

    /** The caller, if the request carried a valid token. */
    public static Optional<User> of(SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof Caller caller
                ? Optional.of(caller.user()) : Optional.empty();
    }

    /** The caller, or a 401 problem. */
    public static User require(SecurityContext security) {
        return of(security).orElseThrow(() -> Problem.unauthorized("Authentication is required"));
    }

    /** The caller if their role is at least {@code role}, else 401 (anonymous) or 403. */
    public static User requireRole(SecurityContext security, UserRole role) {
        User user = require(security);
        if (!user.role().atLeast(role)) {
            throw Problem.forbidden("This action needs the " + role.label().toLowerCase() + " role");
        }
        return user;
    }
}
