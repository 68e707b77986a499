package org.vidiverse.streaming.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A file's validators and the conditional requests they answer (RFC 9110, section 13): a strong ETag made of the
 * size and the modification time (files are replaced by atomic moves, never rewritten in place, so both change
 * whenever the bytes do), and Last-Modified to the second.
 */
record Validators(String etag, long lastModifiedMillis) {

    /** What the preconditions say before a GET or HEAD is answered. */
    enum Outcome {
        /** Go on and send the representation. */
        PROCEED,
        /** 304 Not Modified. */
        NOT_MODIFIED,
        /** 412 Precondition Failed. */
        PRECONDITION_FAILED
    }

    /** IMF-fixdate: two-digit day, English names, GMT. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** Parses IMF-fixdate (and RFC 1123 dates with a one-digit day). */
    private static final DateTimeFormatter HTTP_DATE_PARSER = DateTimeFormatter.RFC_1123_DATE_TIME;

    static Validators of(long size, long lastModifiedMillis) {
        return new Validators("\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModifiedMillis) + "\"",
                lastModifiedMillis);
    }

    /** The Last-Modified header value (IMF-fixdate). */
    String lastModified() {
        return HTTP_DATE.format(Instant.ofEpochMilli(lastModifiedMillis));
    }

    private long lastModifiedSeconds() {
        return Math.floorDiv(lastModifiedMillis, 1000);
    }

    /**
     * The preconditions of RFC 9110 section 13.2.2 in their order: If-Match, else If-Unmodified-Since; then
     * If-None-Match, else If-Modified-Since. Headers are {@code null} when absent.
     */
    Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
        if (ifMatch != null) {
            if (!matches(ifMatch, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (ifUnmodifiedSince != null) {
            Long since = parseDate(ifUnmodifiedSince);
            if (since != null && lastModifiedSeconds() > since) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        if (ifModifiedSince != null) {
            Long since = parseDate(ifModifiedSince);
            if (since != null && lastModifiedSeconds() <= since) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range may be honoured under If-Range (section 13.1.5): an entity tag must match strongly (a weak one
     * never does); a date must equal Last-Modified exactly. Absent If-Range always allows the range.
     */
    boolean rangeAllowed(String ifRange) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        Long date = parseDate(value);
        return date != null && date == lastModifiedSeconds();
    }

    /**
     * Whether a list of entity tags (or {@code *}) names this file. If-Match compares strongly (a weak tag never
     * matches); If-None-Match weakly ({@code W/"x"} matches {@code "x"}).
     */
    boolean matches(String header, boolean strong) {
        String value = header.trim();
        if (value.equals("*")) {
            return true;
        }
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = false;
            if (value.startsWith("W/", i)) {
                weak = true;
                i += 2;
            }
            if (i >= value.length() || value.charAt(i) != '"') {
                return false;   // malformed list: no match
            }
            int end = value.indexOf('"', i + 1);
            if (end < 0) {
                return false;
            }
            String tag = value.substring(i, end + 1);
            if (tag.equals(etag) && !(strong && weak)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    /** Epoch seconds of an HTTP date (IMF-fixdate; the obsolete formats are not accepted), or {@code null}. */
    static Long parseDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), HTTP_DATE_PARSER).toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
