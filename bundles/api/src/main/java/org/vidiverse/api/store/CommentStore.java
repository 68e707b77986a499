package org.vidiverse.api.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/**
 * Comments on videos, as threads and replies. Deleting a comment leaves a tombstone (as PeerTube does) so that
 * the replies under it keep their place; the video's {@code commentsCount} counts the comments not deleted.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CommentStore {
    /** The sorts {@link #threads} accepts (PeerTube's {@code VIDEO_COMMENT_THREADS}); {@code -} for descending. */
    Set<String> THREAD_SORTS = Set.of("createdAt", "totalReplies");

    /** The longest comment text, as in PeerTube. */
    int MAX_TEXT_LENGTH = 10_000;

    /**
     * Adds a comment by a local account.
     *
     * @param inReplyToId the comment answered, or {@code null} to start a thread
     * @throws NotFoundException if the video, the account or the answered comment (on this video) does not exist
     * @throws IllegalArgumentException if the text is blank or longer than {@link #MAX_TEXT_LENGTH}
     */
    Comment create(long videoId, long accountId, Long inReplyToId, String text);

    /**
     * Adds a comment from another instance (a Note), keeping its ActivityPub id and publication time. Adding a
     * comment whose url is stored already returns the stored one.
     *
     * @param accountId   the stored remote account that wrote it
     * @param inReplyToId the comment answered (local or remote), or {@code null} to start a thread
     * @throws NotFoundException if the video, the account or the answered comment (on this video) does not exist
     * @throws IllegalArgumentException if the text is blank or longer than {@link #MAX_TEXT_LENGTH}
     * @since 1.3
     */
    Comment createRemote(long videoId, long accountId, Long inReplyToId, String text, String url,
                         java.time.Instant publishedAt);

    /** A comment by its ActivityPub id. @since 1.3 */
    Optional<Comment> findByUrl(String url);

    Optional<Comment> findById(long id);

    /**
     * Top-level comments of a video, newest first unless sorted otherwise, deleted ones included as tombstones,
     * each with its reply counters.
     *
     * @throws IllegalArgumentException if the sort is not one of {@link #THREAD_SORTS}
     */
    Page<Comment> threads(long videoId, PageRequest page);

    /**
     * A thread: its first comment then every reply, oldest first, tombstones included; empty when
     * {@code threadId} is not the first comment of a thread.
     */
    List<Comment> thread(long threadId);

    /**
     * Marks a comment deleted: its text is emptied and it stays as a tombstone; its replies are kept.
     *
     * @return {@code false} if it was already deleted
     * @throws NotFoundException if there is no such comment
     */
    boolean delete(long id);

    /** Comments of a video that are not deleted, replies included. */
    long countNotDeleted(long videoId);

    /** Every comment row, tombstones included. */
    long count();
}
