package org.vidiverse.api.model;

import java.util.List;
import java.util.Objects;

/** The metadata a new video starts with; ids, uuids, counters and timestamps are assigned by storage. */
public record NewVideo(long channelId, String name, String description, String support, VideoPrivacy privacy,
                       VideoState state, int duration, Integer category, Integer licence, String language,
                       List<String> tags, boolean nsfw, boolean commentsEnabled, boolean downloadEnabled,
                       boolean waitTranscoding) {
    public NewVideo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(state, "state");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A public, published video with defaults for everything but its channel and name. */
    public static NewVideo published(long channelId, String name) {
        return new NewVideo(channelId, name, null, null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED, 0, null, null,
                null, List.of(), false, true, true, false);
    }
}
