package org.vidiverse.streaming.internal.torrent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding (BEP 3): integers {@code i42e}, byte strings {@code 4:spam}, lists {@code l...e} and dictionaries
 * {@code d...e} whose keys are byte strings sorted as raw bytes. Values are {@link Long}/{@link Integer},
 * {@link String} (written as UTF-8), {@code byte[]}, {@link List} and {@link Map} with {@link String} keys or
 * {@code byte[]} keys (raw, as a tracker's scrape keys its files by info hash). Torrents and the tracker's answers
 * both write with it.
 */
public final class Bencode {
    private Bencode() {
    }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof Long || value instanceof Integer) {
            ascii(out, "i" + ((Number) value).longValue() + "e");
        } else if (value instanceof String s) {
            bytes(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof byte[] b) {
            bytes(out, b);
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(item, out));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<byte[], Object> sorted = new TreeMap<>(Arrays::compareUnsigned);
            map.forEach((k, v) -> {
                byte[] key;
                if (k instanceof String text) {
                    key = text.getBytes(StandardCharsets.UTF_8);
                } else if (k instanceof byte[] raw) {
                    key = raw;
                } else {
                    throw new IllegalArgumentException("dictionary keys are strings or bytes, not " + k);
                }
                if (sorted.put(key, v) != null) {
                    throw new IllegalArgumentException("duplicate key " + k);
                }
            });
            out.write('d');
            sorted.forEach((k, v) -> {
                bytes(out, k);
                write(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + (value == null ? "null" : value.getClass()));
        }
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b) {
        ascii(out, b.length + ":");
        out.writeBytes(b);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
