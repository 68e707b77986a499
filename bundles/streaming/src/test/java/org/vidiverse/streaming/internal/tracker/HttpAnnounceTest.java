package org.vidiverse.streaming.internal.tracker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.Test;

public class HttpAnnounceTest {
    private static final String HASH_HEX = "0102030405060708090a0b0c0d0e0f10111213ff";
    private static final String HASH = Ids.fromHex(HASH_HEX);
    private final Swarms swarms = new Swarms();
    private final HttpAnnounce http = new HttpAnnounce(swarms, Set.of(HASH)::contains, Limits::defaults, () -> 1L);

    private static String pct(String binary) {
        StringBuilder sb = new StringBuilder();
        for (byte b : binary.getBytes(StandardCharsets.ISO_8859_1)) {
            sb.append('%').append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private String announce(String peer, int port, String ip, String extra) throws Exception {
        return s(http.announce("info_hash=" + pct(HASH) + "&peer_id=" + peer + "&port=" + port
                + "&uploaded=0&downloaded=0&left=10" + extra, InetAddress.getByName(ip)));
    }

    @Test
    public void secondPeerGetsTheFirstAsCompactPeer() throws Exception {
        String first = announce("-VD0001-aaaaaaaaaaaa", 6881, "10.0.0.1", "&event=started");
        assertEquals("d8:completei0e10:incompletei1e8:intervali120e12:min intervali30e5:peers0:e", first);
        String second = announce("-VD0001-bbbbbbbbbbbb", 6882, "10.0.0.2", "&compact=1");
        assertTrue(second, second.endsWith("5:peers6:\n\u0000\u0000\u0001\u001a\u00e1e"));
        assertTrue(second.contains("10:incompletei2e"));
    }

    @Test
    public void nonCompactPeersAreDictionaries() throws Exception {
        announce("-VD0001-aaaaaaaaaaaa", 6881, "10.0.0.1", "");
        String second = announce("-VD0001-bbbbbbbbbbbb", 6882, "10.0.0.2", "&compact=0");
        assertTrue(second, second.contains("5:peersld2:ip8:10.0.0.17:peer id20:-VD0001-aaaaaaaaaaaa4:porti6881eee"));
    }

    @Test
    public void ipv6PeersGoToPeers6() throws Exception {
        announce("-VD0001-aaaaaaaaaaaa", 6881, "::1", "");
        String second = announce("-VD0001-bbbbbbbbbbbb", 6882, "10.0.0.2", "");
        assertTrue(second, second.contains("6:peers618:"));
    }

    @Test
    public void unknownTorrentIsAFailure() throws Exception {
        String body = s(http.announce("info_hash=" + pct(Ids.fromHex("ff".repeat(20)))
                + "&peer_id=-VD0001-aaaaaaaaaaaa&port=1&left=0", InetAddress.getByName("10.0.0.1")));
        assertTrue(body, body.startsWith("d14:failure reason"));
        assertTrue(body.contains("unknown swarm"));
        assertEquals(0, swarms.peerCount());
    }

    @Test
    public void badParametersAreFailures() throws Exception {
        assertTrue(s(http.announce("info_hash=abc", InetAddress.getByName("10.0.0.1"))).contains("invalid info_hash"));
        assertTrue(s(http.announce("info_hash=" + pct(HASH) + "&peer_id=-VD0001-aaaaaaaaaaaa&port=0",
                InetAddress.getByName("10.0.0.1"))).contains("invalid port"));
        assertTrue(s(http.announce("info_hash=%zz", InetAddress.getByName("10.0.0.1"))).contains("invalid info_hash"));
    }

    @Test
    public void stoppedRemovesAndCompletedCounts() throws Exception {
        announce("-VD0001-aaaaaaaaaaaa", 6881, "10.0.0.1", "");
        announce("-VD0001-aaaaaaaaaaaa", 6881, "10.0.0.1", "&event=stopped");
        assertEquals(0, swarms.peerCount());
        s(http.announce("info_hash=" + pct(HASH) + "&peer_id=-VD0001-cccccccccccc&port=1&left=0&event=completed",
                InetAddress.getByName("10.0.0.3")));
        String scrape = s(http.scrape("info_hash=" + pct(HASH)));
        assertEquals("d5:filesd20:" + HASH + "d8:completei1e10:downloadedi1e10:incompletei0eeee", scrape);
    }

    @Test
    public void scrapeLeavesOutSwarmsNotHostedHere() {
        String scrape = s(http.scrape("info_hash=" + pct(Ids.fromHex("ff".repeat(20)))));
        assertEquals("d5:filesdee", scrape);
    }
}
