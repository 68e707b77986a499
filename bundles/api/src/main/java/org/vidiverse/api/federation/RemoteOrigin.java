package org.vidiverse.api.federation;

import java.util.Objects;

/**
 * Where incoming federated content comes from.
 *
 * @param host        the remote instance's host
 * @param actorUrl    the acting actor's ActivityPub id, or {@code null} for instance-level decisions
 * @param activityType the ActivityPub activity type (Create, Follow...), or {@code null}
 */
public record RemoteOrigin(String host, String actorUrl, String activityType) {
    public RemoteOrigin {
        Objects.requireNonNull(host, "host");
    }
}
