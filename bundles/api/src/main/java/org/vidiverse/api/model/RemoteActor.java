package org.vidiverse.api.model;

import java.util.Objects;

/**
 * A remote actor as read from its ActivityPub document, to be stored or refreshed by
 * {@link org.vidiverse.api.store.ActorStore#saveRemote}.
 *
 * @param url       the actor's ActivityPub id; its host must be {@code host}
 * @param ownerUrl  for a {@link ActorType#GROUP}: the url of the person that owns the channel (stored before the
 *                  group); {@code null} otherwise
 * @param support   a channel's support text, or {@code null}
 */
public record RemoteActor(ActorType type, String url, String name, String host, String displayName, String summary,
                          String inboxUrl, String sharedInboxUrl, String outboxUrl, String followersUrl,
                          String followingUrl, String publicKeyPem, String ownerUrl, String support) {
    public RemoteActor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(inboxUrl, "inboxUrl");
    }
}
