package org.vidiverse.api.moderation;

/** What is being moderated. */
public enum SubjectKind {
    /** A video uploaded by a local user, before it is stored. */
    LOCAL_UPLOAD,
    /** A change to a local video's metadata. */
    LOCAL_EDIT,
    /** A comment written by a local user. */
    LOCAL_COMMENT,
    /** A video announced by another instance. */
    REMOTE_VIDEO,
    /** A comment arriving from another instance. */
    REMOTE_COMMENT,
    /** A remote actor (account, channel, instance) becoming known. */
    REMOTE_ACTOR,
    /** A follow request, local or remote. */
    FOLLOW
}
