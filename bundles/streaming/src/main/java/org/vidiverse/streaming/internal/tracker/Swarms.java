package org.vidiverse.streaming.internal.tracker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The peers of every swarm the tracker knows, keyed by binary info hash then binary peer id. Thread-safe. */
final class Swarms {

    /**
     * One peer of a swarm.
     *
     * @param link     the WebSocket connection of a browser peer, {@code null} for an HTTP (BitTorrent) peer
     * @param address  IP address and port of an HTTP peer as it connects for BitTorrent
     */
    record Peer(String peerId, PeerLink link, byte[] address, int port, boolean complete, long lastSeen) {
    }

    record Counts(int complete, int incomplete, long downloaded) {
    }

    private static final class Swarm {
        final Map<String, Peer> peers = new ConcurrentHashMap<>();
        final AtomicLong downloaded = new AtomicLong();
    }

    private final Map<String, Swarm> swarms = new ConcurrentHashMap<>();

    void put(String infoHash, Peer peer) {
        swarms.computeIfAbsent(infoHash, h -> new Swarm()).peers.put(peer.peerId(), peer);
    }

    Peer get(String infoHash, String peerId) {
        Swarm s = swarms.get(infoHash);
        return s == null ? null : s.peers.get(peerId);
    }

    void remove(String infoHash, String peerId) {
        swarms.computeIfPresent(infoHash, (h, s) -> {
            s.peers.remove(peerId);
            return s.peers.isEmpty() && s.downloaded.get() == 0 ? null : s;
        });
    }

    void completed(String infoHash) {
        swarms.computeIfAbsent(infoHash, h -> new Swarm()).downloaded.incrementAndGet();
    }

    /** Up to {@code max} peers of the swarm other than {@code self} that {@code filter} accepts, in random order. */
    List<Peer> pick(String infoHash, String self, int max, Predicate<Peer> filter) {
        Swarm s = swarms.get(infoHash);
        if (s == null || max <= 0) {
            return List.of();
        }
        List<Peer> all = new ArrayList<>();
        for (Peer p : s.peers.values()) {
            if (!p.peerId().equals(self) && filter.test(p)) {
                all.add(p);
            }
        }
        Collections.shuffle(all);
        return all.size() > max ? all.subList(0, max) : all;
    }

    Counts counts(String infoHash) {
        Swarm s = swarms.get(infoHash);
        if (s == null) {
            return new Counts(0, 0, 0);
        }
        int complete = 0;
        int incomplete = 0;
        for (Peer p : s.peers.values()) {
            if (p.complete()) {
                complete++;
            } else {
                incomplete++;
            }
        }
        return new Counts(complete, incomplete, s.downloaded.get());
    }

    List<String> infoHashes() {
        return List.copyOf(swarms.keySet());
    }

    /** Drops peers last seen before {@code before}; returns how many. */
    int expire(long before) {
        int[] dropped = {0};
        for (String hash : infoHashes()) {
            swarms.computeIfPresent(hash, (h, s) -> {
                int size = s.peers.size();
                s.peers.values().removeIf(p -> p.lastSeen() < before);
                dropped[0] += size - s.peers.size();
                return s.peers.isEmpty() && s.downloaded.get() == 0 ? null : s;
            });
        }
        return dropped[0];
    }

    int peerCount() {
        return swarms.values().stream().mapToInt(s -> s.peers.size()).sum();
    }
}
