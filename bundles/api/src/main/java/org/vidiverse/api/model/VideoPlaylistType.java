package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * PeerTube's playlist types: playlists users make, and the one private "Watch later" playlist every user has,
 * which can be neither renamed nor deleted.
 */
public enum VideoPlaylistType {
    REGULAR(1, "Regular"),
    WATCH_LATER(2, "Watch later");

    private final int id;
    private final String label;

    VideoPlaylistType(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() { return id; }

    public String label() { return label; }

    public static Optional<VideoPlaylistType> byId(int id) {
        return Arrays.stream(values()).filter(t -> t.id == id).findFirst();
    }
}
