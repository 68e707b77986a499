package org.vidiverse.streaming.internal.tracker;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.vidiverse.streaming.internal.torrent.Bencode;

/**
 * The HTTP tracker (BEP 3): announce answers bencoded {@code interval}, {@code complete}, {@code incomplete} and
 * the other BitTorrent peers, compact (BEP 23, {@code peers}, and {@code peers6} for IPv6, BEP 7) unless the client
 * asks {@code compact=0}; scrape (BEP 48) answers the counts per info hash. Errors are a {@code failure reason}.
 */
final class HttpAnnounce {
    private final Swarms swarms;
    private final Predicate<String> hosted;
    private final Supplier<Limits> limits;
    private final LongSupplier clock;

    HttpAnnounce(Swarms swarms, Predicate<String> hosted, Supplier<Limits> limits, LongSupplier clock) {
        this.swarms = swarms;
        this.hosted = hosted;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param rawQuery the request's query string as sent (binary values percent-encoded)
     * @param remote   the address the request came from: a peer is reachable there, whatever it claims
     * @return the bencoded body (always 200, as trackers answer errors)
     */
    byte[] announce(String rawQuery, InetAddress remote) {
        Limits l = limits.get();
        if (!l.enabled()) {
            return failure("tracker disabled");
        }
        Map<String, List<String>> q = parseQuery(rawQuery);
        String infoHash = first(q, "info_hash");
        String peerId = first(q, "peer_id");
        if (!Ids.valid(infoHash)) {
            return failure("invalid info_hash");
        }
        if (!Ids.valid(peerId)) {
            return failure("invalid peer_id");
        }
        int port = integer(first(q, "port"), -1);
        if (port < 1 || port > 65535) {
            return failure("invalid port");
        }
        if (!hosted.test(infoHash)) {
            return failure("unknown swarm: this instance hosts no such torrent");
        }
        Swarms.Peer existing = swarms.get(infoHash, peerId);
        if (existing != null && existing.link() != null) {
            return failure("peer_id already used by a WebSocket peer");
        }
        String event = first(q, "event");
        if ("stopped".equals(event)) {
            swarms.remove(infoHash, peerId);
        } else {
            if ("completed".equals(event)) {
                swarms.completed(infoHash);
            }
            long left = longValue(first(q, "left"), -1);
            swarms.put(infoHash, new Swarms.Peer(peerId, null, remote.getAddress(), port, left == 0,
                    clock.getAsLong()));
        }
        int numwant = Math.min(integer(first(q, "numwant"), l.maxPeersPerAnnounce()), l.maxPeersPerAnnounce());
        List<Swarms.Peer> peers = "stopped".equals(event) ? List.of()
                : swarms.pick(infoHash, peerId, Math.max(0, numwant), p -> p.link() == null);
        Swarms.Counts counts = swarms.counts(infoHash);
        Map<String, Object> answer = new HashMap<>();
        answer.put("interval", l.intervalSeconds());
        answer.put("min interval", Math.max(10, l.intervalSeconds() / 4));
        answer.put("complete", counts.complete());
        answer.put("incomplete", counts.incomplete());
        if ("0".equals(first(q, "compact"))) {
            List<Object> list = new ArrayList<>();
            for (Swarms.Peer p : peers) {
                Map<String, Object> d = new HashMap<>();
                d.put("peer id", Ids.bytes(p.peerId()));
                d.put("ip", hostString(p.address()));
                d.put("port", p.port());
                list.add(d);
            }
            answer.put("peers", list);
        } else {
            ByteArrayOutputStream v4 = new ByteArrayOutputStream();
            ByteArrayOutputStream v6 = new ByteArrayOutputStream();
            for (Swarms.Peer p : peers) {
                ByteArrayOutputStream out = p.address().length == 4 ? v4 : v6;
                out.writeBytes(p.address());
                out.write(p.port() >> 8);
                out.write(p.port() & 0xff);
            }
            answer.put("peers", v4.toByteArray());
            if (v6.size() > 0) {
                answer.put("peers6", v6.toByteArray());
            }
        }
        return Bencode.encode(answer);
    }

    byte[] scrape(String rawQuery) {
        if (!limits.get().enabled()) {
            return failure("tracker disabled");
        }
        List<String> requested = parseQuery(rawQuery).getOrDefault("info_hash", List.of());
        List<String> hashes = requested.isEmpty() ? swarms.infoHashes() : requested;
        Map<byte[], Object> files = new LinkedHashMap<>();
        for (String hash : hashes) {
            if (!Ids.valid(hash)) {
                return failure("invalid info_hash");
            }
            if (hosted.test(hash)) {
                Swarms.Counts c = swarms.counts(hash);
                files.put(Ids.bytes(hash), Map.of("complete", c.complete(), "incomplete", c.incomplete(),
                        "downloaded", c.downloaded()));
            }
        }
        return Bencode.encode(Map.of("files", files));
    }

    static byte[] failure(String reason) {
        return Bencode.encode(Map.of("failure reason", reason));
    }

    /** Decodes a query string into binary strings (one char per byte), as BitTorrent clients percent-encode bytes. */
    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name != null && value != null) {
                q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return q;
    }

    /** Percent-decoding to bytes, kept as ISO-8859-1 chars; {@code null} when malformed. */
    private static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.append((char) (hi << 4 | lo));
                i += 2;
            } else if (ch == '+') {
                out.append(' ');
            } else if (ch > 0xff) {
                return null;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static int integer(String s, int otherwise) {
        long v = longValue(s, otherwise);
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? otherwise : (int) v;
    }

    private static long longValue(String s, long otherwise) {
        try {
            return s == null ? otherwise : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String hostString(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
