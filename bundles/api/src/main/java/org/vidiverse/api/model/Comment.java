package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A comment on a video. A thread starts with a comment without {@code inReplyToId}; replies carry the id of the
 * comment they answer and of their thread.
 *
 * <p>A deleted comment stays as a tombstone, as in PeerTube: {@code deleted} is set, {@code deletedAt} is the
 * time of deletion and {@code text} is empty; {@code account} still names its author for permission checks, but
 * clients are not shown it.
 *
 * @param totalReplies                the thread's replies that are not deleted; only filled when listing threads
 * @param totalRepliesFromVideoAuthor the thread's replies written by the video's owner; only filled when listing
 *                                    threads
 * @param heldForReview               whether the comment waits for a moderator or the video's owner: until approved
 *                                    only its author, the video's owner and moderators see it, and it is not
 *                                    federated
 */
public record Comment(long id, long videoId, Long threadId, Long inReplyToId, String text, ActorRef account,
                      String url, boolean deleted, Instant createdAt, Instant updatedAt, Instant deletedAt,
                      long totalReplies, long totalRepliesFromVideoAuthor, boolean heldForReview) {

    /** A comment that is not held for review. */
    public Comment(long id, long videoId, Long threadId, Long inReplyToId, String text, ActorRef account,
                   String url, boolean deleted, Instant createdAt, Instant updatedAt, Instant deletedAt,
                   long totalReplies, long totalRepliesFromVideoAuthor) {
        this(id, videoId, threadId, inReplyToId, text, account, url, deleted, createdAt, updatedAt, deletedAt,
                totalReplies, totalRepliesFromVideoAuthor, false);
    }

    /** A comment without reply counters; a deleted one counts as deleted at its last update. */
    public Comment(long id, long videoId, Long threadId, Long inReplyToId, String text, ActorRef account, String url,
                   boolean deleted, Instant createdAt, Instant updatedAt) {
        this(id, videoId, threadId, inReplyToId, text, account, url, deleted, createdAt, updatedAt,
                deleted ? updatedAt : null, 0, 0);
    }

    /** The id of the thread this comment belongs to: its own id when it starts one. */
    public long threadIdOrSelf() {
        return threadId == null ? id : threadId;
    }
}
