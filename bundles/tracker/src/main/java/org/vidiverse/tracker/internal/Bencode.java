package org.vidiverse.tracker.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes bencoded values (BEP 3): byte strings, integers, lists and dictionaries. Strings are written as UTF-8,
 * {@code byte[]} as is; dictionary keys are sorted by their raw bytes as the format requires.
 */
final class Bencode {
    private Bencode() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof byte[] bytes) {
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
        } else if (value instanceof String s) {
            write(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Integer || value instanceof Long) {
            out.write('i');
            out.writeBytes(value.toString().getBytes(StandardCharsets.US_ASCII));
            out.write('e');
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(out, item));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            // keys compare as raw bytes; ISO-8859-1 keeps binary keys (info hashes) byte for byte
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(key(k), v));
            out.write('d');
            sorted.forEach((k, v) -> {
                write(out, k.getBytes(StandardCharsets.ISO_8859_1));
                write(out, v);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + (value == null ? "null" : value.getClass()));
        }
    }

    /** A key as a string of bytes, one char per byte. */
    private static String key(Object k) {
        if (k instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return new String(k.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
