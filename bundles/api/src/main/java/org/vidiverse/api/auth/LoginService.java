package org.vidiverse.api.auth;

import java.util.Optional;

import org.vidiverse.api.model.User;

/**
 * Logs users in with OAuth2 as PeerTube does: the password grant asks every {@link AuthProvider} in ranking order
 * (creating the local user on a first login through an external provider), the refresh grant trades a refresh
 * token for new tokens. Attempts are rate limited per client address and per username.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LoginService {

    /** The OAuth client of this instance's own web and CLI clients ({@code GET /api/v1/oauth-clients/local}). */
    OAuthClient localClient();

    TokenPair passwordGrant(String clientId, String clientSecret, String username, String password, String clientIp)
            throws LoginException;

    TokenPair refreshGrant(String clientId, String clientSecret, String refreshToken, String clientIp)
            throws LoginException;

    /** The user behind a valid, unexpired, unrevoked access token whose account is not blocked. */
    Optional<User> authenticate(String accessToken);

    /** Revokes the access token and its refresh token; returns whether they existed. */
    boolean revoke(String accessToken);

    /** Revokes every token of a user (password change, block, delete). */
    void revokeAll(long userId);

    /** The OAuth client credentials. */
    record OAuthClient(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + "]";
        }
    }
}
