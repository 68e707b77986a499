package org.vidiverse.api.federation;

import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Video;

/**
 * Tells the federation layer that local content changed, so that other instances hear of it. The core calls it
 * after the change is committed; each call only records the activities to send in the persisted delivery queue, so
 * it is cheap and a restart loses nothing. Calls about remote content, or content others may not see (private
 * videos, unpublished ones), send nothing or a Delete as the change requires.
 *
 * @since 1.1
 */
@org.osgi.annotation.versioning.ProviderType
public interface ActivityPublisher {

    /** A local video became visible to others: published, or made public or unlisted. */
    void videoPublished(long videoId);

    /** A local video's metadata, files or privacy changed. */
    void videoUpdated(long videoId);

    /** A local video was deleted (the row is gone; {@code video} is what it was). */
    void videoDeleted(Video video);

    /** A local account wrote a comment, on a local or remote video. */
    void commentCreated(long commentId);

    /** A comment was deleted by its author or a moderator of this instance. */
    void commentDeleted(Comment comment);

    /** A local account rated a video: {@code like}, {@code dislike} or {@code none}. */
    void videoRated(long videoId, long accountId, String rating);

    /** Someone watched a video here (remote videos: the origin counts it). */
    void videoViewed(long videoId);

    /** A local account or channel changed its name, description or avatar. */
    void actorUpdated(long actorId);

    /**
     * A local account started following a remote channel or account (a subscription): a Follow is delivered, and
     * the follow, stored as pending, is accepted when the remote side answers.
     */
    void followed(org.vidiverse.api.model.Follow follow);

    /** A local account stopped following a remote actor (the follow is removed): an Undo of its Follow is sent. */
    void unfollowed(org.vidiverse.api.model.Follow follow);

    /**
     * A local account reported a video, comment or account: when what it names lives on another instance, a Flag
     * is delivered to that instance from this instance's application actor, as PeerTube does. Reports of local
     * content and reports received from elsewhere send nothing.
     *
     * @since 1.2
     */
    void abuseReported(long abuseId);
}
