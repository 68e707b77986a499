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
    default Comment create(long videoId, long accountId, Long inReplyToId, String text) {
        return create(videoId, accountId, inReplyToId, text, false);
    }

    /**
     * As {@link #create(long, long, Long, String)}; a comment {@code heldForReview} is seen only by its author, the
     * video's owner and moderators until {@link #approve approved}, and does not count in the video's comments.
     *
     * @since 1.4
     */
    Comment create(long videoId, long accountId, Long inReplyToId, String text, boolean heldForReview);

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
    default Comment createRemote(long videoId, long accountId, Long inReplyToId, String text, String url,
                                 java.time.Instant publishedAt) {
        return createRemote(videoId, accountId, inReplyToId, text, url, publishedAt, false);
    }

    /** As {@link #createRemote(long, long, Long, String, String, java.time.Instant)}, possibly held. @since 1.4 */
    Comment createRemote(long videoId, long accountId, Long inReplyToId, String text, String url,
                         java.time.Instant publishedAt, boolean heldForReview);

    /**
     * Lets a held comment be seen by everyone.
     *
     * @return {@code false} if it was not held
     * @throws NotFoundException if there is no such comment
     * @since 1.4
     */
    boolean approve(long id);

    /** Comments held for review, oldest first; {@code videoOwnerAccountId} limits them to one owner's videos. @since 1.4 */
    Page<Comment> heldForReview(Long videoOwnerAccountId, PageRequest page);

    /** A comment by its ActivityPub id. @since 1.3 */
    Optional<Comment> findByUrl(String url);

    Optional<Comment> findById(long id);

    /**
     * Top-level comments of a video, newest first unless sorted otherwise, deleted ones included as tombstones,
     * each with its reply counters.
     *
     * @throws IllegalArgumentException if the sort is not one of {@link #THREAD_SORTS}
     */
    default Page<Comment> threads(long videoId, PageRequest page) {
        return threads(videoId, page, NO_HELD);
    }

    /** {@code heldVisibleTo} value showing no held comment. */
    long NO_HELD = 0L;

    /**
     * As {@link #threads(long, PageRequest)}, with the held comments {@code heldVisibleTo} may see: {@code null} for
     * every held comment (moderators, the video's owner), an account id for that account's own, {@link #NO_HELD}
     * for none.
     *
     * @since 1.4
     */
    Page<Comment> threads(long videoId, PageRequest page, Long heldVisibleTo);

    /**
     * A thread: its first comment then every reply, oldest first, tombstones included; empty when
     * {@code threadId} is not the first comment of a thread.
     */
    default List<Comment> thread(long threadId) {
        return thread(threadId, NO_HELD);
    }

    /** As {@link #thread(long)}, with the held comments {@code heldVisibleTo} may see (see {@link #threads}). @since 1.4 */
    List<Comment> thread(long threadId, Long heldVisibleTo);

    /**
     * Marks a comment deleted: its text is emptied and it stays as a tombstone; its replies are kept.
     *
     * @return {@code false} if it was already deleted
     * @throws NotFoundException if there is no such comment
     */
    boolean delete(long id);

    /**
     * The newest comments anyone may read, replies included, on the videos {@code videos} selects (give it a public
     * listing's query, e.g. of one video's channel): neither deleted nor held for review, and not by an account or
     * an instance this instance blocked. Newest first, at most {@code count}. Comment feeds list these.
     *
     * @since 1.5
     */
    List<Comment> latest(VideoQuery videos, Long videoId, int count);

    /** Comments of a video that are neither deleted nor held for review, replies included. */
    long countNotDeleted(long videoId);

    /** Every comment row, tombstones included. */
    long count();
}
