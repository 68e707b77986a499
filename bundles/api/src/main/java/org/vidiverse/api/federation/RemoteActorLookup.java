package org.vidiverse.api.federation;

import java.util.Optional;

import org.vidiverse.api.model.Actor;

/**
 * Finds accounts and channels of other instances for the core, e.g. when a user subscribes to
 * {@code channel@other.example}: from the database while fresh, else fetched (WebFinger, then the signed actor
 * document) and stored. Implemented by the federation bundle.
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface RemoteActorLookup {

    /**
     * The remote actor named {@code name@host}, or at an ActivityPub URL.
     *
     * @return empty when it does not exist, cannot be fetched now, is on this instance, or its host is not federated
     *         with
     */
    Optional<Actor> find(String handleOrUrl);
}
