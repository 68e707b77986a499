package org.vidiverse.rest.internal;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.model.User;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * Turns an {@code Authorization: Bearer} token into the request's {@link Caller}. A request without a token goes on
 * anonymously; one with an invalid, expired or revoked token is answered 401 at once, as PeerTube does.
 */
@Component(service = Object.class, property = RestWhiteboard.PROVIDER + "=true")
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "bearer ";

    private final LoginService logins;

    @Activate
    public AuthFilter(@Reference LoginService logins) {
        this.logins = logins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(ProblemMapper.answer(401, "Authorization must be a Bearer token", "invalid_token", Map.of()));
            return;
        }
        Optional<User> user = logins.authenticate(header.substring(BEARER.length()).trim());
        if (user.isEmpty()) {
            request.abortWith(ProblemMapper.answer(401, "Token is invalid", "invalid_token", Map.of()));
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        Caller caller = new Caller(user.get());
        request.setSecurityContext(new SecurityContext() {
            @Override public Principal getUserPrincipal() { return caller; }
            @Override public boolean isUserInRole(String role) { return caller.user().role().name().equalsIgnoreCase(role); }
            @Override public boolean isSecure() { return secure; }
            @Override public String getAuthenticationScheme() { return "Bearer"; }
        });
    }
}
