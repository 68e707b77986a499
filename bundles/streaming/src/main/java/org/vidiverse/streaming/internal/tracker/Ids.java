package org.vidiverse.streaming.internal.tracker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Info hashes and peer ids. Inside the tracker both are "binary strings": 20 chars, one per byte (ISO-8859-1), the
 * form the WebTorrent protocol puts in JSON and HTTP announces carry percent-encoded.
 */
final class Ids {
    static final int LENGTH = 20;

    private Ids() {
    }

    static boolean valid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (id.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }

    /** 40 hex digits (a torrent's info hash as stored) to a binary string. */
    static String fromHex(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
    }

    static String toHex(String binary) {
        return HexFormat.of().formatHex(binary.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] bytes(String binary) {
        return binary.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The info hash under which p2p-media-loader 2.x announces one stream of an HLS playlist: its stream swarm id
     * is {@code v2-{swarmId}-{type}-{streamId}} (type {@code main} or {@code secondary}, stream id as
     * {@link LoaderStreams} derives it from the master playlist), and the info hash is the Base64 of the first 15 bytes of that id's SHA-1 (20 ASCII
     * chars).
     */
    static String loaderStreamHash(String swarmId, String streamType, String streamId) {
        String streamSwarmId = "v2-" + swarmId + "-" + streamType + "-" + streamId;
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(streamSwarmId.getBytes(StandardCharsets.UTF_8));
            byte[] first15 = java.util.Arrays.copyOf(sha1, 15);
            return Base64.getEncoder().encodeToString(first15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
