package org.vidiverse.storage.internal;

import java.time.Instant;
import java.util.Date;

/** Converts between the api's {@link Instant}s and the {@link Date} columns JPA 2.1 can map. */
final class Dates {
    private Dates() {
    }

    static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
