package org.vidiverse.api.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * Likes, dislikes and views of videos. A video's {@code likes} and {@code dislikes} always equal the ratings
 * stored for it, also when many accounts rate at the same time.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RatingStore {

    /** An account's rating of a video; the names are PeerTube's. */
    enum Rating {
        LIKE("like"), DISLIKE("dislike"), NONE("none");

        private final String label;

        Rating(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** By PeerTube's name ({@code like}, {@code dislike}, {@code none}), case-sensitive as PeerTube is. */
        public static Optional<Rating> byLabel(String label) {
            return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
        }
    }

    /**
     * Sets the rating of an account for a video, {@link Rating#NONE} removing it, and moves the video's counters
     * accordingly, in one transaction.
     *
     * @return the rating before
     * @throws NotFoundException if the video or the account does not exist
     */
    Rating rate(long videoId, long accountId, Rating rating);

    /** {@link Rating#NONE} when the account has not rated the video. */
    Rating ratingOf(long videoId, long accountId);

    /**
     * Adds one view to the video's counter.
     *
     * @throws NotFoundException if the video does not exist
     */
    void addView(long videoId);
}
