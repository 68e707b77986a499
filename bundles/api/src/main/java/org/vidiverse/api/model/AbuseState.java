package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/** Where an abuse report stands. Ids and labels are PeerTube's. @since 1.3 */
public enum AbuseState {
    PENDING(1, "Pending"),
    REJECTED(2, "Rejected"),
    ACCEPTED(3, "Accepted");

    private final int id;
    private final String label;

    AbuseState(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() { return id; }

    public String label() { return label; }

    public static Optional<AbuseState> byId(int id) {
        return Arrays.stream(values()).filter(s -> s.id == id).findFirst();
    }
}
