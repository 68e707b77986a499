package org.vidiverse.streaming.internal.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The WebTorrent tracker protocol over WebSocket, as the npm {@code bittorrent-tracker} client speaks it: JSON text
 * frames with {@code action} {@code announce} or {@code scrape}. An announce joins the peer to the swarm of its
 * {@code info_hash} and answers {@code interval}, {@code complete}, {@code incomplete}; its {@code offers} (WebRTC
 * SDP offers) go to other browser peers of the swarm, one offer each, and the {@code answer} a peer sends back goes
 * to {@code to_peer_id} only. Swarms this instance does not host get a failure and nothing is relayed.
 */
final class SocketProtocol {
    /** What the tracker remembers of one WebSocket connection. */
    final class Connection {
        private final PeerLink link;
        /** info hash -> the peer id this connection announced there */
        private final Map<String, String> joined = new ConcurrentHashMap<>();
        private long windowStart;
        private int messagesInWindow;

        Connection(PeerLink link) {
            this.link = link;
        }

        /** Handles one text frame. */
        void onMessage(String text) {
            handle(this, text);
        }

        /** The connection is gone: it leaves every swarm. */
        void onClose() {
            joined.forEach(swarms::remove);
            joined.clear();
        }

        private synchronized boolean withinRate(long now, int max) {
            if (now - windowStart >= 10_000) {
                windowStart = now;
                messagesInWindow = 0;
            }
            return ++messagesInWindow <= max;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Swarms swarms;
    private final Predicate<String> hosted;
    private final Supplier<Limits> limits;
    private final LongSupplier clock;

    SocketProtocol(Swarms swarms, Predicate<String> hosted, Supplier<Limits> limits, LongSupplier clock) {
        this.swarms = swarms;
        this.hosted = hosted;
        this.limits = limits;
        this.clock = clock;
    }

    Connection open(PeerLink link) {
        return new Connection(link);
    }

    private void handle(Connection c, String text) {
        Limits l = limits.get();
        if (!l.enabled()) {
            c.link.close("tracker disabled");
            return;
        }
        if (text.length() > l.maxMessageBytes()) {
            c.link.close("message too large");
            return;
        }
        if (!c.withinRate(clock.getAsLong(), l.maxMessagesPer10Seconds())) {
            c.link.close("too many messages");
            return;
        }
        JsonNode msg;
        try {
            msg = json.readTree(text);
        } catch (JsonProcessingException e) {
            fail(c, null, null, "invalid JSON");
            return;
        }
        if (msg == null || !msg.isObject()) {
            fail(c, null, null, "invalid message");
            return;
        }
        String action = msg.path("action").asText("");
        switch (action) {
            case "announce" -> announce(c, msg, l);
            case "scrape" -> scrape(c, msg);
            default -> fail(c, null, null, "invalid action in WS request: " + action);
        }
    }

    private void announce(Connection c, JsonNode msg, Limits l) {
        String infoHash = msg.path("info_hash").asText(null);
        String peerId = msg.path("peer_id").asText(null);
        if (!Ids.valid(infoHash)) {
            fail(c, "announce", null, "invalid info_hash");
            return;
        }
        if (!Ids.valid(peerId)) {
            fail(c, "announce", infoHash, "invalid peer_id");
            return;
        }
        if (!hosted.test(infoHash)) {
            fail(c, "announce", infoHash, "unknown swarm: this instance hosts no such video");
            return;
        }
        String before = c.joined.get(infoHash);
        if (before == null && c.joined.size() >= l.maxSwarmsPerPeer()) {
            fail(c, "announce", infoHash, "too many swarms on one connection");
            return;
        }
        Swarms.Peer existing = swarms.get(infoHash, peerId);
        if (existing != null && existing.link() != c.link) {
            fail(c, "announce", infoHash, "peer_id already used by another connection");
            return;
        }
        if (before != null && !before.equals(peerId)) {
            swarms.remove(infoHash, before);
        }
        String event = msg.path("event").asText("");
        if ("stopped".equals(event)) {
            swarms.remove(infoHash, peerId);
            c.joined.remove(infoHash);
            c.link.send(response(infoHash, l));
            return;
        }
        if ("completed".equals(event)) {
            swarms.completed(infoHash);
        }
        JsonNode answer = msg.get("answer");
        boolean answering = answer != null && !answer.isNull();
        // an answer carries no `left`: the peer keeps what its last announce said
        boolean complete = answering && existing != null ? existing.complete()
                : msg.path("left").isNumber() && msg.path("left").asDouble() == 0;
        swarms.put(infoHash, new Swarms.Peer(peerId, c.link, null, 0, complete, clock.getAsLong()));
        c.joined.put(infoHash, peerId);

        if (answering) {
            relayAnswer(c, msg, infoHash, peerId, answer);
            return;
        }
        c.link.send(response(infoHash, l));
        relayOffers(msg, infoHash, peerId, l);
    }

    private void relayAnswer(Connection c, JsonNode msg, String infoHash, String peerId, JsonNode answer) {
        String to = msg.path("to_peer_id").asText(null);
        if (!Ids.valid(to)) {
            fail(c, "announce", infoHash, "invalid `to_peer_id` (required with `answer`)");
            return;
        }
        Swarms.Peer target = swarms.get(infoHash, to);
        if (target == null || target.link() == null) {
            return; // gone meanwhile: the offering peer times out its offer
        }
        ObjectNode out = json.createObjectNode();
        out.put("action", "announce");
        out.set("answer", answer);
        out.set("offer_id", msg.get("offer_id"));
        out.put("peer_id", peerId);
        out.put("info_hash", infoHash);
        target.link().send(out.toString());
    }

    private void relayOffers(JsonNode msg, String infoHash, String peerId, Limits l) {
        JsonNode offers = msg.get("offers");
        if (offers == null || !offers.isArray() || offers.isEmpty()) {
            return;
        }
        int want = Math.min(offers.size(), l.maxOffersPerAnnounce());
        if (msg.path("numwant").isNumber()) {
            want = Math.min(want, msg.path("numwant").asInt());
        }
        List<Swarms.Peer> peers = swarms.pick(infoHash, peerId, want, p -> p.link() != null);
        for (int i = 0; i < peers.size(); i++) {
            JsonNode offer = offers.get(i);
            if (!offer.isObject() || offer.get("offer") == null) {
                continue;
            }
            ObjectNode out = json.createObjectNode();
            out.put("action", "announce");
            out.set("offer", offer.get("offer"));
            out.set("offer_id", offer.get("offer_id"));
            out.put("peer_id", peerId);
            out.put("info_hash", infoHash);
            peers.get(i).link().send(out.toString());
        }
    }

    private String response(String infoHash, Limits l) {
        Swarms.Counts counts = swarms.counts(infoHash);
        ObjectNode out = json.createObjectNode();
        out.put("action", "announce");
        out.put("interval", l.intervalSeconds());
        out.put("info_hash", infoHash);
        out.put("complete", counts.complete());
        out.put("incomplete", counts.incomplete());
        return out.toString();
    }

    private void scrape(Connection c, JsonNode msg) {
        JsonNode requested = msg.get("info_hash");
        List<String> hashes = new ArrayList<>();
        if (requested == null || requested.isNull()) {
            hashes.addAll(swarms.infoHashes());
        } else if (requested.isTextual()) {
            hashes.add(requested.asText());
        } else if (requested.isArray()) {
            requested.forEach(h -> hashes.add(h.asText(null)));
        }
        ObjectNode files = json.createObjectNode();
        for (String hash : hashes) {
            if (!Ids.valid(hash)) {
                fail(c, "scrape", null, "invalid info_hash");
                return;
            }
            if (hosted.test(hash)) {
                Swarms.Counts counts = swarms.counts(hash);
                ObjectNode f = files.putObject(hash);
                f.put("complete", counts.complete());
                f.put("incomplete", counts.incomplete());
                f.put("downloaded", counts.downloaded());
            }
        }
        ObjectNode out = json.createObjectNode();
        out.put("action", "scrape");
        out.set("files", files);
        c.link.send(out.toString());
    }

    private void fail(Connection c, String action, String infoHash, String reason) {
        ObjectNode out = json.createObjectNode();
        if (action != null) {
            out.put("action", action);
        }
        out.put("failure reason", reason);
        if (infoHash != null) {
            out.put("info_hash", infoHash);
        }
        c.link.send(out.toString());
    }

}
