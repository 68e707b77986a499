package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/** Who may see a playlist. Ids and labels are PeerTube's {@code VideoPlaylistPrivacy}. */
public enum VideoPlaylistPrivacy {
    PUBLIC(1, "Public"),
    UNLISTED(2, "Unlisted"),
    PRIVATE(3, "Private");

    private final int id;
    private final String label;

    VideoPlaylistPrivacy(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() { return id; }

    public String label() { return label; }

    public static Optional<VideoPlaylistPrivacy> byId(int id) {
        return Arrays.stream(values()).filter(p -> p.id == id).findFirst();
    }
}
