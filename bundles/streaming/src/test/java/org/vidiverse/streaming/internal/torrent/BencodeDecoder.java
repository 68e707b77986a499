package org.vidiverse.streaming.internal.torrent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict bencode reader written apart from the encoder, for tests: integers as {@link Long}, strings as
 * {@code byte[]}, lists, and dictionaries with UTF-8 keys in insertion order. It refuses unsorted or repeated keys,
 * leading zeros, {@code -0} and trailing bytes, and remembers where each top-level value lies so that the info
 * dictionary's exact bytes can be hashed.
 */
final class BencodeDecoder {
    private final byte[] in;
    private int pos;
    private final Map<String, int[]> topLevelSpans = new LinkedHashMap<>();

    private BencodeDecoder(byte[] in) {
        this.in = in;
    }

    /** The decoded top-level dictionary and the raw bytes of each of its values. */
    record Decoded(Map<String, Object> dict, Map<String, byte[]> raw) {
    }

    static Decoded decodeDict(byte[] bytes) {
        BencodeDecoder d = new BencodeDecoder(bytes);
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) d.value(true);
        if (d.pos != bytes.length) {
            throw new IllegalArgumentException("trailing bytes at " + d.pos);
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        d.topLevelSpans.forEach((k, span) -> raw.put(k, Arrays.copyOfRange(bytes, span[0], span[1])));
        return new Decoded(dict, raw);
    }

    private Object value(boolean topLevel) {
        byte c = in[pos];
        if (c == 'i') {
            pos++;
            long v = integer('e');
            return v;
        }
        if (c == 'l') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (in[pos] != 'e') {
                list.add(value(false));
            }
            pos++;
            return list;
        }
        if (c == 'd') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            byte[] previous = null;
            while (in[pos] != 'e') {
                byte[] key = string();
                if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                    throw new IllegalArgumentException("keys not sorted or repeated at " + pos);
                }
                previous = key;
                int start = pos;
                Object v = value(false);
                String name = new String(key, StandardCharsets.UTF_8);
                map.put(name, v);
                if (topLevel) {
                    topLevelSpans.put(name, new int[] {start, pos});
                }
            }
            pos++;
            return map;
        }
        if (c >= '0' && c <= '9') {
            return string();
        }
        throw new IllegalArgumentException("unexpected byte " + (char) c + " at " + pos);
    }

    private byte[] string() {
        long length = integer(':');
        byte[] s = Arrays.copyOfRange(in, pos, Math.toIntExact(pos + length));
        pos += length;
        return s;
    }

    private long integer(char end) {
        int start = pos;
        while (in[pos] != end) {
            pos++;
        }
        String digits = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        if (!digits.matches("0|-?[1-9][0-9]*")) {
            throw new IllegalArgumentException("bad integer '" + digits + "'");
        }
        return Long.parseLong(digits);
    }
}
