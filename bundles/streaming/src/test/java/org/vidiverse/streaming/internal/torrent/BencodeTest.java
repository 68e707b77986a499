package org.vidiverse.streaming.internal.torrent;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class BencodeTest {
    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    public void encodesScalarsListsAndSortedDictionaries() {
        assertEquals("4:spam", s(Bencode.encode("spam")));
        assertEquals("i-3e", s(Bencode.encode(-3)));
        assertEquals("l4:spami42ee", s(Bencode.encode(List.of("spam", 42L))));
        assertEquals("d3:bar4:spam3:fooi42ee", s(Bencode.encode(Map.of("foo", 42, "bar", "spam"))));
    }

    @Test
    public void binaryKeysSortByTheirBytes() {
        byte[] high = {(byte) 0xff};
        byte[] low = {0x01};
        String out = s(Bencode.encode(Map.of(high, 1, low, 2)));
        assertEquals("d1:\u0001i2e1:\u00ffi1ee", out);
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesWhatItCannotEncode() {
        Bencode.encode(1.5);
    }
}
