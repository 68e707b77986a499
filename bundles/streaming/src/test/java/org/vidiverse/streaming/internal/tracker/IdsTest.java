package org.vidiverse.streaming.internal.tracker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class IdsTest {
    /** Vectors computed with p2p-media-loader-core 2.3.1's own getStreamSwarmId + getStreamHash (node). */
    @Test
    public void loaderStreamHashMatchesP2pMediaLoader() {
        assertEquals("uf03e/6mXvaXFsaPLOIy", Ids.loaderStreamHash("http://localhost:9000/static/streaming-playlists/hls/"
                + "0d2d0ac7-5e4b-4a8e-a1a3-2b8f0c0e7f11/master.m3u8", "main", "1"));
        assertEquals("F4SJLyMSpdNg9vVlF4rQ", Ids.loaderStreamHash("h\u00e9llo", "secondary", "0"));
    }

    @Test
    public void hexAndBinaryRoundTrip() {
        String hex = "00ff10203040506070809000a0b0c0d0e0f0abcd";
        String binary = Ids.fromHex(hex);
        assertEquals(20, binary.length());
        assertEquals('\u00ff', binary.charAt(1));
        assertEquals(hex, Ids.toHex(binary));
        assertTrue(Ids.valid(binary));
    }

    @Test
    public void idsOfOtherLengthsOrWideCharsAreInvalid() {
        assertFalse(Ids.valid("short"));
        assertFalse(Ids.valid(null));
        assertFalse(Ids.valid("\u0100234567890123456789"));
    }
}
