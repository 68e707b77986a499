package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/** A local user's role. Ids and labels are PeerTube's ({@code 0} administrator, {@code 1} moderator, {@code 2} user). */
public enum UserRole {
    ADMINISTRATOR(0, "Administrator"),
    MODERATOR(1, "Moderator"),
    USER(2, "User");

    private final int id;
    private final String label;

    UserRole(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() { return id; }

    public String label() { return label; }

    /** Whether this role may do what {@code required} may do (administrator > moderator > user). */
    public boolean atLeast(UserRole required) {
        return id <= required.id;
    }

    public static Optional<UserRole> byId(int id) {
        return Arrays.stream(values()).filter(r -> r.id == id).findFirst();
    }
}
