package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;

import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.RemoteActor;

/**
 * ActivityPub actors, local and remote, as federation needs them: lookups by URL, keys, remote actors and the
 * inboxes of followers. Also remembers which incoming activities were processed, so a replayed one is a no-op.
 *
 * @since 1.3
 */
@org.osgi.annotation.versioning.ProviderType
public interface ActorStore {

    /** The name of the instance's application actor, as PeerTube names it ({@code /accounts/peertube}). */
    String INSTANCE_ACTOR_NAME = "peertube";

    Optional<Actor> find(long actorId);

    /** An actor by its ActivityPub id, local or remote. */
    Optional<Actor> findByUrl(String url);

    /** A local account, channel or the application actor by name, regardless of case. */
    Optional<Actor> findLocal(String name);

    /**
     * The instance's application actor ({@link #INSTANCE_ACTOR_NAME}, with an account and no user), created on
     * first use.
     */
    Actor instanceActor();

    /**
     * Stores a key pair for a local actor that has none. Two callers racing both get the pair that was stored
     * first.
     *
     * @return the actor with its stored keys
     * @throws NotFoundException if there is no such local actor
     */
    Actor setKeysIfAbsent(long actorId, String publicKeyPem, String privateKeyPem);

    /**
     * Creates or refreshes a remote actor, found by its url. A person or application gets an account, a group a
     * channel owned by the account of {@link RemoteActor#ownerUrl()}; the instance row of its host is created on
     * first sight. Names, keys, inboxes and descriptions are replaced by the new values.
     *
     * @throws NotFoundException when a group's owner is not stored
     * @throws IllegalArgumentException when the url's host is not the actor's host, or the url is a local actor's
     */
    Actor saveRemote(RemoteActor actor);

    /**
     * Where to deliver what {@code actorId} publishes: for each remote follower with an accepted follow, its
     * shared inbox when it has one, else its inbox; each inbox once.
     */
    List<String> followerInboxes(long actorId);

    /**
     * Records that an incoming activity was processed.
     *
     * @return {@code true} the first time an id is seen, {@code false} when it was recorded before
     */
    boolean firstDelivery(String activityId);

    /**
     * Forgets that an activity was received, so that the sender's retry is processed: for an activity whose
     * processing failed in a way that may pass (its author could not be fetched, the database was busy).
     */
    void forgetDelivery(String activityId);
}
