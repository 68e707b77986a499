package org.vidiverse.api.store;

import java.time.Instant;
import java.util.Optional;

/**
 * OAuth clients and tokens. Tokens are stored as SHA-256 hashes: a copy of the database does not let anyone log
 * in. The local client's secret is kept as is, because PeerTube hands it to every client
 * ({@code GET /api/v1/oauth-clients/local}).
 */
@org.osgi.annotation.versioning.ProviderType
public interface TokenStore {

    /** A stored token pair: whose, and until when each half is valid. */
    record StoredToken(long id, long userId, String clientId, Instant accessExpiresAt, Instant refreshExpiresAt) {
    }

    /** OAuth client credentials. */
    record Client(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Client[" + clientId + "]";
        }
    }

    /** The secret of the client with this id; empty when unknown. */
    Optional<String> clientSecret(String clientId);

    /**
     * The instance's local client: the one stored, or {@code candidate} stored now when there is none (the first of
     * two racing nodes wins; both get the stored one).
     */
    Client ensureLocalClient(Client candidate);

    void saveToken(long userId, String clientId, String accessHash, Instant accessExpiresAt, String refreshHash,
                   Instant refreshExpiresAt);

    Optional<StoredToken> findByAccessHash(String accessHash);

    Optional<StoredToken> findByRefreshHash(String refreshHash);

    /** Deletes one token pair; returns whether it existed. Atomic: of two concurrent calls one gets {@code true}. */
    boolean delete(long tokenId);

    int deleteAllOf(long userId);

    /** Removes pairs whose refresh half has expired before {@code now}. */
    int deleteExpired(Instant now);
}
