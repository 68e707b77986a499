package org.vidiverse.federation.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.federation.internal.http.KeyPairs;
import org.vidiverse.federation.internal.http.RemoteHttp;

/**
 * The RSA key pairs of local actors. A pair is made the first time an actor is served or signs something (not at
 * account creation, so that creating users stays cheap), and stored; parsed private keys are kept in memory.
 */
@Component(service = ActorKeys.class)
public final class ActorKeys {
    private final ActorStore actors;
    private final Map<Long, PrivateKey> privateKeys = new ConcurrentHashMap<>();

    @Activate
    public ActorKeys(@Reference ActorStore actors) {
        this.actors = actors;
    }

    /** The local actor with its keys, made now if it has none. Remote actors are returned as they are. */
    public Actor withKeys(Actor actor) {
        if (!actor.local() || actor.publicKeyPem() != null) {
            return actor;
        }
        KeyPair pair = KeyPairs.generate();
        return actors.setKeysIfAbsent(actor.id(), KeyPairs.publicPem(pair.getPublic()),
                KeyPairs.privatePem(pair.getPrivate()));
    }

    /** What signs requests on behalf of a local actor. */
    public RemoteHttp.Signer signer(Actor local) {
        if (!local.local()) {
            throw new IllegalArgumentException("only local actors sign: " + local);
        }
        Actor keyed = withKeys(local);
        PrivateKey key = privateKeys.computeIfAbsent(keyed.id(), id -> KeyPairs.readPrivate(keyed.privateKeyPem()));
        String keyId = keyed.keyId();
        return new RemoteHttp.Signer() {
            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public PrivateKey key() {
                return key;
            }
        };
    }

    /** The instance actor, with keys: it signs fetches and instance follows. */
    public Actor instanceActor() {
        return withKeys(actors.instanceActor());
    }
}
