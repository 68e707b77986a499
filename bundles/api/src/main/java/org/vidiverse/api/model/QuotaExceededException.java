package org.vidiverse.api.model;

/** Storing a file would take a user over their video quota (total or daily); nothing was stored. */
public class QuotaExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean daily;

    public QuotaExceededException(String message, boolean daily) {
        super(message);
        this.daily = daily;
    }

    /** Whether the daily quota, rather than the total, is the one exceeded. */
    public boolean daily() {
        return daily;
    }
}
