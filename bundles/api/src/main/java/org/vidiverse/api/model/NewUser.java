package org.vidiverse.api.model;

import java.util.Objects;

/**
 * What is needed to create a local user. Creating one also creates its account and default channel.
 *
 * @param passwordHash an encoded hash from the auth bundle's password hasher, never a clear password
 */
public record NewUser(String username, String email, String passwordHash, UserRole role, long videoQuota,
                      long videoQuotaDaily, String displayName) {
    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
    }
}
