package org.vidiverse.storage.internal;

import java.util.Date;
import java.util.Locale;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.storage.internal.entity.ActorEntity;

/**
 * Builds local actors with PeerTube's URL layout: {@code /accounts/{name}} for persons,
 * {@code /video-channels/{name}} for groups, inbox, outbox, followers and following under the actor's URL and the
 * shared inbox at {@code /inbox}. Keys stay empty until the federation bundle generates them.
 */
final class LocalActors {
    private final InstanceIdentity identity;

    LocalActors(InstanceIdentity identity) {
        this.identity = identity;
    }

    /** The unique key of a local actor name: lower case, so that names differ in more than case. */
    static String localHandleKey(String name) {
        return name.toLowerCase(Locale.ROOT) + "@";
    }

    /**
     * Whether the name belongs to the instance's application actor ({@code /accounts/peertube}, as PeerTube has
     * it), so that no user or channel may take it before that actor is created on first use.
     */
    static boolean reserved(String name) {
        return name.equalsIgnoreCase(org.vidiverse.api.store.ActorStore.INSTANCE_ACTOR_NAME);
    }

    static String remoteHandleKey(String name, String host) {
        return name.toLowerCase(Locale.ROOT) + "@" + host.toLowerCase(Locale.ROOT);
    }

    ActorEntity create(ActorType type, String name, Date now) {
        String base = identity.publicUrl();
        String url = base + (type == ActorType.GROUP ? "/video-channels/" : "/accounts/") + name;
        ActorEntity actor = new ActorEntity();
        actor.setType(type);
        actor.setPreferredUsername(name);
        actor.setHandleKey(localHandleKey(name));
        actor.setUrl(url);
        actor.setInboxUrl(url + "/inbox");
        actor.setOutboxUrl(url + "/outbox");
        actor.setFollowersUrl(url + "/followers");
        actor.setFollowingUrl(url + "/following");
        actor.setSharedInboxUrl(base + "/inbox");
        actor.setCreatedAt(now);
        actor.setUpdatedAt(now);
        return actor;
    }
}
