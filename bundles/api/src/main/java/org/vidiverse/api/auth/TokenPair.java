package org.vidiverse.api.auth;

import java.time.Instant;

/**
 * OAuth2 bearer tokens handed to a client after a login or a refresh. The raw tokens exist only here and on the
 * wire; the database keeps their hashes.
 */
public record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                        Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "TokenPair[accessTokenExpiresAt=" + accessTokenExpiresAt + ", refreshTokenExpiresAt="
                + refreshTokenExpiresAt + "]";
    }
}
