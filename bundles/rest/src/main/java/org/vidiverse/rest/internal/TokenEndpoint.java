package org.vidiverse.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.MultivaluedMap;

import org.vidiverse.api.auth.LoginException;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.auth.TokenPair;
import org.vidiverse.rest.api.Problem;

/** {@code POST /api/v1/users/token}: OAuth2 password and refresh_token grants, answered as PeerTube does. */
final class TokenEndpoint {
    private TokenEndpoint() {
    }

    static Map<String, Object> grant(LoginService logins, MultivaluedMap<String, String> form, String clientIp) {
        String grant = form.getFirst("grant_type");
        try {
            TokenPair tokens;
            if ("password".equals(grant)) {
                tokens = logins.passwordGrant(form.getFirst("client_id"), form.getFirst("client_secret"),
                        form.getFirst("username"), form.getFirst("password"), clientIp);
            } else if ("refresh_token".equals(grant)) {
                tokens = logins.refreshGrant(form.getFirst("client_id"), form.getFirst("client_secret"),
                        form.getFirst("refresh_token"), clientIp);
            } else {
                throw new Problem(400, "Invalid grant type: grant_type must be password or refresh_token",
                        "unsupported_grant_type", Map.of("grant_type", "must be password or refresh_token"));
            }
            Instant now = Instant.now();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("token_type", "Bearer");
            json.put("access_token", tokens.accessToken());
            json.put("refresh_token", tokens.refreshToken());
            json.put("expires_in", Duration.between(now, tokens.accessTokenExpiresAt()).toSeconds());
            json.put("refresh_token_expires_in", Duration.between(now, tokens.refreshTokenExpiresAt()).toSeconds());
            return json;
        } catch (LoginException e) {
            throw switch (e.reason()) {
                case INVALID_CLIENT -> new Problem(400, e.getMessage(), "invalid_client", null);
                case INVALID_GRANT -> new Problem(400, e.getMessage(), "invalid_grant", null);
                case RATE_LIMITED -> new Problem(429, e.getMessage(), "too_many_requests", null);
            };
        }
    }
}
