package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/** Who may see a video. The numeric ids and labels are PeerTube's, so its clients read them unchanged. */
public enum VideoPrivacy {
    PUBLIC(1, "Public"),
    UNLISTED(2, "Unlisted"),
    PRIVATE(3, "Private"),
    INTERNAL(4, "Internal"),
    PASSWORD_PROTECTED(5, "Password protected");

    private final int id;
    private final String label;

    VideoPrivacy(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() { return id; }

    public String label() { return label; }

    public static Optional<VideoPrivacy> byId(int id) {
        return Arrays.stream(values()).filter(p -> p.id == id).findFirst();
    }
}
