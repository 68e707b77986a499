package org.vidiverse.api.auth;

import java.util.Objects;

import org.vidiverse.api.model.UserRole;

/**
 * Who a provider found behind the credentials. The core maps it to a local user, creating the user on first login
 * with {@code role} (or the default role when {@code null}).
 */
public record AuthenticatedIdentity(String providerName, String username, String email, String displayName,
                                    UserRole role) {
    public AuthenticatedIdentity {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(username, "username");
    }
}
