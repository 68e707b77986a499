package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reasons a reporter may tick, with PeerTube's ids (stored) and names (on the wire, in the REST API and as the
 * Hashtags of a Flag activity). @since 1.3
 */
public enum AbusePredefinedReason {
    VIOLENT_OR_REPULSIVE(1, "violentOrRepulsive"),
    HATEFUL_OR_ABUSIVE(2, "hatefulOrAbusive"),
    SPAM_OR_MISLEADING(3, "spamOrMisleading"),
    PRIVACY(4, "privacy"),
    RIGHTS(5, "rights"),
    SERVER_RULES(6, "serverRules"),
    THUMBNAILS(7, "thumbnails"),
    CAPTIONS(8, "captions");

    private final int id;
    private final String wireName;

    AbusePredefinedReason(int id, String wireName) {
        this.id = id;
        this.wireName = wireName;
    }

    public int id() { return id; }

    /** The name PeerTube uses in JSON, e.g. {@code spamOrMisleading}. */
    public String wireName() { return wireName; }

    public static Optional<AbusePredefinedReason> byId(int id) {
        return Arrays.stream(values()).filter(r -> r.id == id).findFirst();
    }

    public static Optional<AbusePredefinedReason> byWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
