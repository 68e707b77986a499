package org.vidiverse.api.model;

import java.util.Objects;

/**
 * A short reference to an account or channel, as embedded in a video, a comment or a follow.
 *
 * @param id          database id
 * @param name        preferred username, unique per host
 * @param displayName the name people see
 * @param host        the host of the instance the actor lives on
 * @param url         the actor's ActivityPub id
 */
public record ActorRef(long id, String name, String displayName, String host, String url) {
    public ActorRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }

    /** The handle {@code name@host} people use to find the actor. */
    public String handle() {
        return name + "@" + host;
    }
}
