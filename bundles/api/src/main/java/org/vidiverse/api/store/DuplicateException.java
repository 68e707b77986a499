package org.vidiverse.api.store;

/** A unique value (username, email, name...) is already taken; nothing was written. */
public class DuplicateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateException(String message) {
        super(message);
    }
}
