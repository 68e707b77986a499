package org.vidiverse.streaming.internal.tracker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

public class SocketProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTED = "hosted-swarm-0123456";
    private static final String OTHER = "unknown-swarm-012345";

    /** A fake WebSocket connection that records what the tracker sends. */
    static final class Link implements PeerLink {
        final List<JsonNode> received = new ArrayList<>();
        String closed;

        @Override
        public void send(String json) {
            try {
                received.add(JSON.readTree(json));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close(String reason) {
            closed = reason;
        }

        JsonNode last() {
            return received.get(received.size() - 1);
        }
    }

    private final AtomicLong now = new AtomicLong(1_000);
    private Limits limits = Limits.defaults();
    private final Swarms swarms = new Swarms();
    private final SocketProtocol protocol = new SocketProtocol(swarms, Set.of(HOSTED)::contains, () -> limits, now::get);

    private static String peer(char c) {
        return String.valueOf(c).repeat(20);
    }

    private static ObjectNode announce(String hash, String peerId, int offers) {
        ObjectNode m = JSON.createObjectNode();
        m.put("action", "announce");
        m.put("info_hash", hash);
        m.put("peer_id", peerId);
        m.put("left", 100);
        m.put("numwant", offers);
        var list = m.putArray("offers");
        for (int i = 0; i < offers; i++) {
            ObjectNode o = list.addObject();
            o.put("offer_id", "offer-" + i);
            o.putObject("offer").put("type", "offer").put("sdp", "sdp-" + i);
        }
        return m;
    }

    @Test
    public void offersGoToOtherPeersAndTheAnswerComesBack() {
        Link a = new Link();
        Link b = new Link();
        SocketProtocol.Connection ca = protocol.open(a);
        SocketProtocol.Connection cb = protocol.open(b);
        ca.onMessage(announce(HOSTED, peer('a'), 0).toString());
        assertEquals(120, a.last().get("interval").asInt());
        assertEquals(1, a.last().get("incomplete").asInt());

        cb.onMessage(announce(HOSTED, peer('b'), 5).toString());
        assertEquals(2, b.last().get("incomplete").asInt());
        JsonNode offer = a.last();
        assertEquals("sdp-0", offer.at("/offer/sdp").asText());
        assertEquals(peer('b'), offer.get("peer_id").asText());
        assertEquals(HOSTED, offer.get("info_hash").asText());
        assertEquals(2, a.received.size());

        ObjectNode answer = JSON.createObjectNode();
        answer.put("action", "announce").put("info_hash", HOSTED).put("peer_id", peer('a'))
                .put("to_peer_id", peer('b')).put("offer_id", offer.get("offer_id").asText());
        answer.putObject("answer").put("type", "answer").put("sdp", "answer-sdp");
        int aBefore = a.received.size();
        ca.onMessage(answer.toString());
        assertEquals("the answering peer gets no response", aBefore, a.received.size());
        assertEquals("answer-sdp", b.last().at("/answer/sdp").asText());
        assertEquals(peer('a'), b.last().get("peer_id").asText());
        assertEquals("offer-0", b.last().get("offer_id").asText());
    }

    @Test
    public void anUnknownSwarmIsRefusedAndNothingIsRelayed() {
        Link a = new Link();
        Link b = new Link();
        protocol.open(a).onMessage(announce(OTHER, peer('a'), 0).toString());
        protocol.open(b).onMessage(announce(OTHER, peer('b'), 3).toString());
        assertTrue(b.last().get("failure reason").asText().contains("unknown swarm"));
        assertEquals(1, a.received.size());
        assertTrue(a.last().has("failure reason"));
        assertEquals(0, swarms.peerCount());
    }

    @Test
    public void offersBeyondTheLimitAreNotRelayed() {
        limits = new Limits(true, 120, 10, 2, 50, 65536, 100);
        List<Link> links = new ArrayList<>();
        for (char c = 'a'; c < 'f'; c++) {
            Link l = new Link();
            links.add(l);
            protocol.open(l).onMessage(announce(HOSTED, peer(c), 0).toString());
        }
        protocol.open(new Link()).onMessage(announce(HOSTED, peer('z'), 5).toString());
        long offered = links.stream().filter(l -> l.last().has("offer")).count();
        assertEquals(2, offered);
    }

    @Test
    public void aConnectionMayJoinOnlySoManySwarms() {
        limits = new Limits(true, 120, 1, 10, 50, 65536, 100);
        SocketProtocol twoSwarms = new SocketProtocol(swarms, h -> true, () -> limits, now::get);
        Link a = new Link();
        SocketProtocol.Connection c = twoSwarms.open(a);
        c.onMessage(announce(HOSTED, peer('a'), 0).toString());
        c.onMessage(announce(OTHER, peer('a'), 0).toString());
        assertTrue(a.last().get("failure reason").asText().contains("too many swarms"));
    }

    @Test
    public void tooManyMessagesOrTooLargeOnesCloseTheConnection() {
        limits = new Limits(true, 120, 10, 10, 50, 1024, 3);
        Link a = new Link();
        SocketProtocol.Connection c = protocol.open(a);
        for (int i = 0; i < 3; i++) {
            c.onMessage(announce(HOSTED, peer('a'), 0).toString());
        }
        assertNull(a.closed);
        c.onMessage(announce(HOSTED, peer('a'), 0).toString());
        assertEquals("too many messages", a.closed);

        Link b = new Link();
        protocol.open(b).onMessage("{\"action\":\"announce\",\"pad\":\"" + "x".repeat(2000) + "\"}");
        assertEquals("message too large", b.closed);
    }

    @Test
    public void stoppedAndClosedPeersLeaveTheSwarm() {
        Link a = new Link();
        SocketProtocol.Connection ca = protocol.open(a);
        ca.onMessage(announce(HOSTED, peer('a'), 0).toString());
        ObjectNode stop = announce(HOSTED, peer('a'), 0);
        stop.put("event", "stopped");
        ca.onMessage(stop.toString());
        assertEquals(0, swarms.peerCount());

        SocketProtocol.Connection cb = protocol.open(new Link());
        cb.onMessage(announce(HOSTED, peer('b'), 0).toString());
        assertEquals(1, swarms.peerCount());
        cb.onClose();
        assertEquals(0, swarms.peerCount());
    }

    @Test
    public void idlePeersExpire() {
        protocol.open(new Link()).onMessage(announce(HOSTED, peer('a'), 0).toString());
        now.addAndGet(10_000);
        protocol.open(new Link()).onMessage(announce(HOSTED, peer('b'), 0).toString());
        assertEquals(1, swarms.expire(5_000));
        assertEquals(1, swarms.counts(HOSTED).incomplete());
    }

    @Test
    public void anotherConnectionCannotTakeOverAPeerId() {
        protocol.open(new Link()).onMessage(announce(HOSTED, peer('a'), 0).toString());
        Link thief = new Link();
        protocol.open(thief).onMessage(announce(HOSTED, peer('a'), 0).toString());
        assertTrue(thief.last().get("failure reason").asText().contains("already used"));
    }

    @Test
    public void scrapeCountsHostedSwarmsOnly() {
        protocol.open(new Link()).onMessage(announce(HOSTED, peer('a'), 0).toString());
        Link s = new Link();
        protocol.open(s).onMessage("{\"action\":\"scrape\",\"info_hash\":[\"" + HOSTED + "\",\"" + OTHER + "\"]}");
        assertEquals(1, s.last().at("/files/" + HOSTED + "/incomplete").asInt());
        assertFalse(s.last().get("files").has(OTHER));
    }

    @Test
    public void garbageGetsAFailureReason() {
        Link a = new Link();
        protocol.open(a).onMessage("not json");
        assertEquals("invalid JSON", a.last().get("failure reason").asText());
        protocol.open(a).onMessage("{\"action\":\"announce\",\"info_hash\":\"short\"}");
        assertEquals("invalid info_hash", a.last().get("failure reason").asText());
    }
}
