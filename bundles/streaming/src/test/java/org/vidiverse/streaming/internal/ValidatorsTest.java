package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.vidiverse.streaming.internal.Validators.Outcome;

public class ValidatorsTest {
    /** 2024-03-05T06:07:08.900Z */
    private static final long MTIME = 1_709_618_828_900L;
    private static final Validators V = Validators.of(2_000_000, MTIME);
    private static final String LAST_MODIFIED = "Tue, 05 Mar 2024 06:07:08 GMT";

    @Test
    public void etagIsStrongAndChangesWithSizeOrTime() {
        assertEquals("\"1e8480-18e0d391664\"", V.etag());
        assertFalse(V.etag().startsWith("W/"));
        assertNotEquals(V.etag(), Validators.of(2_000_001, MTIME).etag());
        assertNotEquals(V.etag(), Validators.of(2_000_000, MTIME + 1).etag());
    }

    @Test
    public void lastModifiedIsAnImfFixdate() {
        assertEquals(LAST_MODIFIED, V.lastModified());
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", Validators.of(0, 0).lastModified());
    }

    @Test
    public void ifNoneMatchAnswers304OnAnyListedTagWeakOrStrong() {
        assertEquals(Outcome.NOT_MODIFIED, V.evaluate(null, null, V.etag(), null));
        assertEquals(Outcome.NOT_MODIFIED, V.evaluate(null, null, "\"x\", " + V.etag(), null));
        assertEquals(Outcome.NOT_MODIFIED, V.evaluate(null, null, "W/" + V.etag(), null));
        assertEquals(Outcome.NOT_MODIFIED, V.evaluate(null, null, "*", null));
        assertEquals(Outcome.PROCEED, V.evaluate(null, null, "\"other\"", null));
        assertEquals(Outcome.PROCEED, V.evaluate(null, null, "garbage", null));
    }

    @Test
    public void ifNoneMatchWinsOverIfModifiedSince() {
        assertEquals(Outcome.PROCEED, V.evaluate(null, null, "\"other\"", LAST_MODIFIED));
    }

    @Test
    public void ifModifiedSinceComparesToTheSecond() {
        assertEquals(Outcome.NOT_MODIFIED, V.evaluate(null, null, null, LAST_MODIFIED));
        assertEquals(Outcome.NOT_MODIFIED, V.evaluate(null, null, null, "Wed, 06 Mar 2024 00:00:00 GMT"));
        assertEquals(Outcome.PROCEED, V.evaluate(null, null, null, "Tue, 05 Mar 2024 06:07:07 GMT"));
        assertEquals("an unreadable date is ignored", Outcome.PROCEED, V.evaluate(null, null, null, "yesterday"));
    }

    @Test
    public void ifMatchAndIfUnmodifiedSinceFailWith412() {
        assertEquals(Outcome.PROCEED, V.evaluate(V.etag(), null, null, null));
        assertEquals(Outcome.PROCEED, V.evaluate("*", null, null, null));
        assertEquals(Outcome.PRECONDITION_FAILED, V.evaluate("\"other\"", null, null, null));
        assertEquals("If-Match compares strongly", Outcome.PRECONDITION_FAILED,
                V.evaluate("W/" + V.etag(), null, null, null));
        assertEquals(Outcome.PROCEED, V.evaluate(null, LAST_MODIFIED, null, null));
        assertEquals(Outcome.PRECONDITION_FAILED, V.evaluate(null, "Mon, 04 Mar 2024 00:00:00 GMT", null, null));
        assertEquals("If-Match present: If-Unmodified-Since is not looked at", Outcome.PROCEED,
                V.evaluate(V.etag(), "Mon, 04 Mar 2024 00:00:00 GMT", null, null));
    }

    @Test
    public void ifRangeNeedsAStrongTagOrTheExactDate() {
        assertTrue(V.rangeAllowed(null));
        assertTrue(V.rangeAllowed(V.etag()));
        assertFalse(V.rangeAllowed("\"other\""));
        assertFalse(V.rangeAllowed("W/" + V.etag()));
        assertTrue(V.rangeAllowed(LAST_MODIFIED));
        assertFalse(V.rangeAllowed("Wed, 06 Mar 2024 00:00:00 GMT"));
        assertFalse(V.rangeAllowed("not a date"));
    }

    @Test
    public void datesParseInImfFixdateOnly() {
        assertEquals(Long.valueOf(MTIME / 1000), Validators.parseDate(LAST_MODIFIED));
        assertNull(Validators.parseDate("Tuesday, 05-Mar-24 06:07:08 GMT"));
        assertNull(Validators.parseDate(""));
    }
}
