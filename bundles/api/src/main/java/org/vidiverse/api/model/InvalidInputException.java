package org.vidiverse.api.model;

/** A value given by a user or client is not acceptable; {@link #param()} names it. Nothing was written. */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String param;

    public InvalidInputException(String param, String message) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
