package org.vidiverse.federation.internal.activitypub;

/**
 * An ActivityPub document we refuse: its message says which field is wrong and why, in words an admin reading the
 * log understands ({@code "Video url: no video/mp4 link"}). Never carries the document itself.
 */
public final class InvalidObjectException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidObjectException(String message) {
        super(message);
    }

    public InvalidObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
