package org.vidiverse.api.model;

import java.time.Instant;
import java.util.List;

/** Changes to a video's metadata; {@code null} fields stay as they are. */
public record VideoUpdate(String name, String description, String support, VideoPrivacy privacy, Integer category,
                          Integer licence, String language, List<String> tags, Boolean nsfw, Boolean commentsEnabled,
                          Boolean downloadEnabled, Boolean waitTranscoding, Instant originallyPublishedAt,
                          Boolean commentsRequireApproval) {

    /** An update that leaves the approval of comments as it is. */
    public VideoUpdate(String name, String description, String support, VideoPrivacy privacy, Integer category,
                       Integer licence, String language, List<String> tags, Boolean nsfw, Boolean commentsEnabled,
                       Boolean downloadEnabled, Boolean waitTranscoding, Instant originallyPublishedAt) {
        this(name, description, support, privacy, category, licence, language, tags, nsfw, commentsEnabled,
                downloadEnabled, waitTranscoding, originallyPublishedAt, null);
    }

    /** Only the approval of comments (PeerTube's comments policy 3 when {@code true}). */
    public static VideoUpdate commentsApproval(boolean required) {
        return new VideoUpdate(null, null, null, null, null, null, null, null, null, null, null, null, null,
                required);
    }
}
