package org.vidiverse.streaming.internal;

/**
 * What a {@code Range} header asks of a file of a known size (RFC 9110, section 14). Only single byte ranges are
 * answered with 206; a header that does not parse, names another unit, or asks for several ranges is answered with
 * the whole file, as the RFC allows a server to ignore Range. When every range asked starts past the end, the answer
 * is 416.
 */
sealed interface ByteRange {
    /** Past this many range specs the header is ignored rather than parsed (a cheap guard against abuse). */
    int MAX_SPECS = 100;

    /** The whole file, 200. */
    record Whole() implements ByteRange {
    }

    /** Bytes {@code first} to {@code last} inclusive, 206. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }

        String contentRange(long size) {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements ByteRange {
    }

    ByteRange WHOLE = new Whole();
    ByteRange UNSATISFIABLE = new Unsatisfiable();

    /** @param header the Range header, or {@code null} */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return WHOLE;
        }
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).trim().equalsIgnoreCase("bytes")) {
            return WHOLE;
        }
        String[] specs = header.substring(eq + 1).split(",", MAX_SPECS + 1);
        if (specs.length > MAX_SPECS) {
            return WHOLE;
        }
        Part single = null;
        int satisfiable = 0;
        int nonEmpty = 0;
        for (String raw : specs) {
            String spec = raw.trim();
            if (spec.isEmpty()) {
                continue;   // the list rule allows empty elements
            }
            nonEmpty++;
            long[] bounds = bounds(spec);
            if (bounds == null) {
                return WHOLE;   // one malformed spec makes the whole header invalid
            }
            Part part = resolve(bounds, size);
            if (part != null) {
                satisfiable++;
                single = part;
            }
        }
        if (nonEmpty == 0) {
            return WHOLE;
        }
        if (satisfiable == 0) {
            return UNSATISFIABLE;
        }
        return nonEmpty == 1 ? single : WHOLE;
    }

    /**
     * {first, last} for {@code first-last} and {@code first-} (last = -1), {-1, length} for {@code -length};
     * {@code null} when the spec does not parse or last < first.
     */
    private static long[] bounds(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash);
        String b = spec.substring(dash + 1);
        if (a.isEmpty()) {
            long suffix = digits(b);
            return suffix < 0 ? null : new long[] {-1, suffix};
        }
        long first = digits(a);
        if (first < 0) {
            return null;
        }
        if (b.isEmpty()) {
            return new long[] {first, -1};
        }
        long last = digits(b);
        return last < 0 || last < first ? null : new long[] {first, last};
    }

    /** The part of a file of {@code size} bytes, or {@code null} when unsatisfiable. */
    private static Part resolve(long[] bounds, long size) {
        if (bounds[0] < 0) {
            long suffix = bounds[1];
            return suffix == 0 || size == 0 ? null : new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = bounds[0];
        if (first >= size) {
            return null;
        }
        long last = bounds[1] < 0 ? size - 1 : Math.min(bounds[1], size - 1);
        return new Part(first, last);
    }

    /** A non-empty run of ASCII digits, saturating at {@link Long#MAX_VALUE}; -1 for anything else. */
    private static long digits(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - (c - '0')) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }
}
