package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A comment on a video. A thread starts with a comment without {@code inReplyToId}; replies carry the id of the
 * comment they answer and of their thread.
 */
public record Comment(long id, long videoId, Long threadId, Long inReplyToId, String text, ActorRef account,
                      String url, boolean deleted, Instant createdAt, Instant updatedAt) {
}
