package org.vidiverse.api.codec;

/** The input cannot be probed or transcoded; the message says why in words a user can read. */
public class CodecException extends Exception {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
