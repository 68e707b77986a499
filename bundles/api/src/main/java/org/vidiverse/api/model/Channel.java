package org.vidiverse.api.model;

import java.time.Instant;

/** A video channel (an ActivityPub Group) owned by an account. */
public record Channel(long id, String name, String displayName, String description, String support, String host,
                      boolean local, String url, ActorRef owner, long followersCount, Instant createdAt,
                      Instant updatedAt) {

    public ActorRef ref() {
        return new ActorRef(id, name, displayName, host, url);
    }
}
