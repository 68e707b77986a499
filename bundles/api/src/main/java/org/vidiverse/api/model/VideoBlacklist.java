package org.vidiverse.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A video on the instance's block list, as PeerTube's "video blacklist": hidden from everyone but its owner and
 * moderators. Moderators put videos there by hand; the core puts a video there when a moderation policy holds it
 * for review or when the instance blocks the videos of new users until a moderator looks at them.
 *
 * @param video       the blocked video
 * @param reason      why, shown to the owner; may be {@code null}
 * @param type        manual, or automatic (held before publication)
 * @param unfederated whether the video was withdrawn from the instances that had it
 * @since model 1.3
 */
public record VideoBlacklist(Video video, String reason, Type type, boolean unfederated, Instant createdAt,
                             Instant updatedAt) {

    /** PeerTube's blacklist types. */
    public enum Type {
        /** Blocked by a moderator. */
        MANUAL(1, "Manual"),
        /** Held automatically before publication (moderation policy, videos of new users). */
        AUTO_BEFORE_PUBLISHED(2, "Automatic");

        private final int id;
        private final String label;

        Type(int id, String label) {
            this.id = id;
            this.label = label;
        }

        public int id() { return id; }

        public String label() { return label; }

        public static Type of(int id) {
            for (Type t : values()) {
                if (t.id == id) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown blacklist type " + id);
        }
    }

    public VideoBlacklist {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(type, "type");
    }
}
