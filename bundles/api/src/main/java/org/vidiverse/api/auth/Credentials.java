package org.vidiverse.api.auth;

import java.util.Objects;

/**
 * What a user typed to log in.
 *
 * @param username the login name or email as typed
 * @param password the clear password; never log or store it
 * @param clientIp the address the request came from, for providers that limit by network
 */
public record Credentials(String username, String password, String clientIp) {
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", clientIp=" + clientIp + "]";
    }
}
