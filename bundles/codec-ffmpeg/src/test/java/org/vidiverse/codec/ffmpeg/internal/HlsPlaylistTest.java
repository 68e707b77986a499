package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class HlsPlaylistTest {
    /** What FFmpeg 8 writes with -hls_segment_type fmp4 -hls_flags single_file. */
    private static final String SINGLE_FILE = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:4
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-MAP:URI="720-fragmented.mp4",BYTERANGE="1353@0"
            #EXTINF:4.000000,
            #EXT-X-BYTERANGE:1000000@1353
            720-fragmented.mp4
            #EXTINF:4.000000,
            #EXT-X-BYTERANGE:3000000@1001353
            720-fragmented.mp4
            #EXTINF:2.000000,
            #EXT-X-BYTERANGE:500000
            720-fragmented.mp4
            #EXT-X-ENDLIST
            """;

    @Test
    public void singleFilePlaylistGivesMapRangesAndBandwidths() {
        HlsPlaylist.Media media = HlsPlaylist.parseMedia(SINGLE_FILE);

        assertEquals("720-fragmented.mp4", media.mapUri());
        assertEquals(1353, media.mapLength());
        assertEquals(4, media.targetDuration());
        assertTrue(media.ended());
        assertEquals(3, media.segments().size());
        assertEquals(10.0, media.duration(), 1e-9);
        assertEquals("a range without offset starts where the last ended", 4_001_353, media.segments().get(2).offset());
        assertEquals("peak: 3 MB in 4 s", 6_000_000, media.peakBandwidth());
        assertEquals("average: 4.5 MB in 10 s", 3_600_000, media.averageBandwidth());
    }

    @Test
    public void unfinishedPlaylistIsNotEnded() {
        HlsPlaylist.Media media = HlsPlaylist.parseMedia(SINGLE_FILE.replace("#EXT-X-ENDLIST\n", ""));
        assertFalse(media.ended());
    }

    @Test(expected = IllegalArgumentException.class)
    public void masterPlaylistIsNotAMediaPlaylist() {
        HlsPlaylist.parseMedia("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n360.m3u8\n");
    }

    @Test
    public void attributesQuotedOrNot() {
        String line = "#EXT-X-STREAM-INF:BANDWIDTH=10,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720";
        assertEquals("10", HlsPlaylist.attribute(line, "BANDWIDTH"));
        assertEquals("avc1.64001f,mp4a.40.2", HlsPlaylist.attribute(line, "CODECS"));
        assertEquals("1280x720", HlsPlaylist.attribute(line, "RESOLUTION"));
        assertNull(HlsPlaylist.attribute(line, "FRAME-RATE"));
    }

    @Test
    public void masterListsVariantsInOrderWithTheirAttributes() {
        String master = HlsPlaylist.master(List.of(
                new HlsPlaylist.Variant("360.m3u8", 900_000, 700_000, "avc1.64001e,mp4a.40.2", 640, 360, 30),
                new HlsPlaylist.Variant("0.m3u8", 130_000, 128_000, "mp4a.40.2", 0, 0, 0)));

        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=700000,CODECS="avc1.64001e,mp4a.40.2",\
                RESOLUTION=640x360,FRAME-RATE=30.000
                360.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=130000,AVERAGE-BANDWIDTH=128000,CODECS="mp4a.40.2"
                0.m3u8
                """, master);
    }
}
