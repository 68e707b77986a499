package org.vidiverse.api.model;

import java.time.Instant;
import java.util.List;

/** Changes to a video's metadata; {@code null} fields stay as they are. */
public record VideoUpdate(String name, String description, String support, VideoPrivacy privacy, Integer category,
                          Integer licence, String language, List<String> tags, Boolean nsfw, Boolean commentsEnabled,
                          Boolean downloadEnabled, Boolean waitTranscoding, Instant originallyPublishedAt) {
}
