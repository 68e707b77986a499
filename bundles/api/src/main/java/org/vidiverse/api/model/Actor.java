package org.vidiverse.api.model;

import java.time.Instant;

/**
 * An ActivityPub actor as federation sees it: a person (account), a group (channel) or an instance's application
 * actor, local or remote. Accounts and channels share their actor's id, so {@link #id()} is also the account or
 * channel id.
 *
 * @param name           the preferred username, unique per host regardless of case
 * @param host           the host of the actor's instance (with a port when not the scheme's default)
 * @param summary        the actor's description, or {@code null}
 * @param publicKeyPem   the RSA public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), or {@code null} for a local
 *                       actor whose keys are not made yet
 * @param privateKeyPem  the RSA private key as PKCS#8 PEM, for local actors only (never log or serve it)
 * @param ownerId        for a group: the actor id of the account that owns the channel; otherwise {@code null}
 * @param sharedInboxUrl where the actor's instance takes deliveries for all its actors, or {@code null}
 */
public record Actor(long id, ActorType type, String name, String displayName, String summary, String host,
                    boolean local, String url, String inboxUrl, String sharedInboxUrl, String outboxUrl,
                    String followersUrl, String followingUrl, String publicKeyPem, String privateKeyPem,
                    Long ownerId, long followersCount, long followingCount, Instant createdAt, Instant updatedAt) {

    /** The handle {@code name@host}. */
    public String handle() {
        return name + "@" + host;
    }

    /** Where to deliver an activity for this actor: its instance's shared inbox when it has one. */
    public String deliveryInbox() {
        return sharedInboxUrl != null && !sharedInboxUrl.isBlank() ? sharedInboxUrl : inboxUrl;
    }

    public ActorRef ref() {
        return new ActorRef(id, name, displayName, host, url);
    }

    /** The key id other instances verify this actor's signatures with: {@code {url}#main-key}. */
    public String keyId() {
        return url + "#main-key";
    }

    @Override
    public String toString() {   // keeps the private key out of logs
        return "Actor[" + type + " " + url + "]";
    }
}
