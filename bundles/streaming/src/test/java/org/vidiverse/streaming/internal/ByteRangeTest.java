package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.vidiverse.streaming.internal.ByteRange.Part;

public class ByteRangeTest {
    private static final long SIZE = 1000;

    private static ByteRange parse(String header) {
        return ByteRange.parse(header, SIZE);
    }

    @Test
    public void noHeaderMeansTheWholeFile() {
        assertEquals(ByteRange.WHOLE, parse(null));
    }

    @Test
    public void closedRangeIsInclusive() {
        Part part = (Part) parse("bytes=0-99");
        assertEquals(new Part(0, 99), part);
        assertEquals(100, part.length());
        assertEquals("bytes 0-99/1000", part.contentRange(SIZE));
    }

    @Test
    public void openRangeRunsToTheEnd() {
        assertEquals(new Part(900, 999), parse("bytes=900-"));
        assertEquals(new Part(0, 999), parse("bytes=0-"));
    }

    @Test
    public void suffixRangeIsTheLastBytes() {
        assertEquals(new Part(900, 999), parse("bytes=-100"));
        assertEquals("a suffix longer than the file is the whole file", new Part(0, 999), parse("bytes=-5000"));
    }

    @Test
    public void lastPastTheEndIsClamped() {
        assertEquals(new Part(500, 999), parse("bytes=500-123456789"));
        assertEquals(new Part(999, 999), parse("bytes=999-999999999999999999999999"));
    }

    @Test
    public void unitAndWhitespaceAreLenientWhereTheRfcAllows() {
        assertEquals(new Part(0, 9), parse("BYTES=0-9"));
        assertEquals(new Part(0, 9), parse("bytes= 0-9 "));
        assertEquals("empty list elements are allowed", new Part(0, 9), parse("bytes=,0-9,"));
    }

    @Test
    public void rangesStartingPastTheEndAreUnsatisfiable() {
        assertEquals(ByteRange.UNSATISFIABLE, parse("bytes=1000-"));
        assertEquals(ByteRange.UNSATISFIABLE, parse("bytes=1000-2000"));
        assertEquals(ByteRange.UNSATISFIABLE, parse("bytes=99999999999999999999999-"));
        assertEquals("a zero-length suffix selects nothing", ByteRange.UNSATISFIABLE, parse("bytes=-0"));
        assertEquals(ByteRange.UNSATISFIABLE, parse("bytes=2000-3000, 4000-"));
        assertEquals("nothing is satisfiable in an empty file", ByteRange.UNSATISFIABLE,
                ByteRange.parse("bytes=0-", 0));
        assertEquals(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=-10", 0));
    }

    @Test
    public void malformedHeadersAreIgnored() {
        for (String header : new String[] {"", "bytes", "bytes=", "bytes=abc", "bytes=5", "bytes=--5", "bytes=1-2-3",
                "bytes=10-5", "bytes=-", "bytes=0x10-20", "bytes=+1-2", "bytes=1 - 2", "bytes=0-9,x", "items=0-9",
                "=0-9", "bytes=\u0661-\u0662"}) {
            assertEquals(header, ByteRange.WHOLE, parse(header));
        }
    }

    @Test
    public void severalRangesAreAnsweredWithTheWholeFile() {
        assertEquals(ByteRange.WHOLE, parse("bytes=0-9,20-29"));
        assertEquals(ByteRange.WHOLE, parse("bytes=0-9, -10"));
        assertEquals("one satisfiable among unsatisfiable ones", ByteRange.WHOLE, parse("bytes=0-9, 5000-"));
    }

    @Test
    public void tooManyRangesAreIgnoredUnparsed() {
        String many = "bytes=" + "0-0,".repeat(ByteRange.MAX_SPECS + 1);
        assertEquals(ByteRange.WHOLE, parse(many));
        assertEquals(ByteRange.WHOLE, parse("bytes=" + "5000-5001,".repeat(ByteRange.MAX_SPECS + 1)));
    }
}
