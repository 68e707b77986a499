package org.vidiverse.api.store;

import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/** Comments on videos, as threads and replies. */
@org.osgi.annotation.versioning.ProviderType
public interface CommentStore {

    /**
     * Adds a comment by a local account.
     *
     * @param inReplyToId the comment answered, or {@code null} to start a thread
     * @throws NotFoundException if the video or the answered comment does not exist
     */
    Comment create(long videoId, long accountId, Long inReplyToId, String text);

    /** Top-level comments of a video, newest first. */
    Page<Comment> threads(long videoId, PageRequest page);

    long count();
}
