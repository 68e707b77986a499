package org.vidiverse.api.store;

import java.util.Optional;

/**
 * Each user's feed token, PeerTube's scoped token: a secret that goes into the URL of the user's subscription feed,
 * since feed readers cannot log in. It grants reading that feed and nothing else; renewing it ends the old one.
 *
 * @since 1.5
 */
@org.osgi.annotation.versioning.ProviderType
public interface FeedTokenStore {

    /**
     * The user's feed token, made on the first call.
     *
     * @throws NotFoundException if there is no such user
     */
    String feedToken(long userId);

    /**
     * Replaces the user's feed token with a new one and returns it.
     *
     * @throws NotFoundException if there is no such user
     */
    String renew(long userId);

    /** The user whose feed token this is. */
    Optional<Long> userOf(String feedToken);
}
