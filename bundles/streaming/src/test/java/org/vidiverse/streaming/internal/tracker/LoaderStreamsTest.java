package org.vidiverse.streaming.internal.tracker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

public class LoaderStreamsTest {
    private static final String MASTER = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=12642,AVERAGE-BANDWIDTH=11631,CODECS=\"avc1.64000b\",RESOLUTION=160x90,"
            + "FRAME-RATE=25.000\n79d75a86-55d9-4b12-9b16-9d2dd597c351-90.m3u8\n";

    /**
     * A master playlist of this instance and the stream id and info hash that p2p-media-loader-hlsjs 2.3.1 with
     * hls.js 1.7.4 announced for it in Chromium (read from the loader's debug log).
     */
    @Test
    public void matchesWhatTheLoaderAnnouncesInABrowser() {
        assertEquals(List.of("PvNa6716PUu7mOa0IxPEhmaWErM="), LoaderStreams.mainStreamIds(MASTER));
        Set<String> hashes = new HashSet<>();
        LocalSwarms.addPlaylistHashes(hashes, "http://localhost:9510/static/streaming-playlists/hls/"
                + "14a47dbb-d33d-4f44-a004-71de36871616/73a38af4-9ad3-42c6-8ef8-8e756566b2d4-master.m3u8", MASTER);
        assertEquals(Set.of("1W8gt4qX+m2jPoJ98yb9"), hashes);
    }

    /** Vectors from p2p-media-loader-core 2.3.1's generateStreamShortId (node). */
    @Test
    public void audioCodecsAreLeftOutAndDecimalAvcProfilesNormalised() {
        assertEquals("W0Jne0QDa1B6tquivlxQ8Kqrw4o=", LoaderStreams.shortId("0", "avc1.64000c", "160", "90", null, null));
        String muxed = "#EXT-X-STREAM-INF:BANDWIDTH=12642,CODECS=\"avc1.64000b,mp4a.40.2\",RESOLUTION=160x90,"
                + "FRAME-RATE=25\nx.m3u8\n";
        assertEquals(LoaderStreams.mainStreamIds(MASTER), LoaderStreams.mainStreamIds(muxed));
        assertEquals(LoaderStreams.shortId("5", "avc1.42001e", "", "", null, null),
                LoaderStreams.shortId("5", "avc1.66.30", "", "", null, null));
    }

    @Test
    public void oneIdPerVariant() {
        String two = MASTER + "#EXT-X-STREAM-INF:BANDWIDTH=99,RESOLUTION=320x180\ny.m3u8\n";
        List<String> ids = LoaderStreams.mainStreamIds(two);
        assertEquals(2, ids.size());
        assertTrue(!ids.get(0).equals(ids.get(1)));
    }
}
