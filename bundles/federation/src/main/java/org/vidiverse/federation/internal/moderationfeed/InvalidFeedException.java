package org.vidiverse.federation.internal.moderationfeed;

/** A fetched moderation feed that cannot be applied: unsigned, forged, malformed, replayed, or from elsewhere. */
public final class InvalidFeedException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidFeedException(String message) {
        super(message);
    }
}
