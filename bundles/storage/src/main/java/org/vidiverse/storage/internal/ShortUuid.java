package org.vidiverse.storage.internal;

import java.math.BigInteger;
import java.util.UUID;

/**
 * PeerTube's short UUIDs: the UUID's 128-bit number in base 58 with the flickr alphabet, as the {@code short-uuid}
 * npm package writes them (most significant digit first, no padding).
 */
public final class ShortUuid {
    static final String ALPHABET = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());

    private ShortUuid() {
    }

    public static String encode(UUID uuid) {
        BigInteger n = new BigInteger(1, toBytes(uuid));
        if (n.signum() == 0) {
            return String.valueOf(ALPHABET.charAt(0));
        }
        StringBuilder out = new StringBuilder();
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return out.reverse().toString();
    }

    /** @throws IllegalArgumentException if {@code shortUuid} is empty, has a foreign character or exceeds 128 bits */
    public static UUID decode(String shortUuid) {
        if (shortUuid == null || shortUuid.isEmpty()) {
            throw new IllegalArgumentException("empty short uuid");
        }
        BigInteger n = BigInteger.ZERO;
        for (char c : shortUuid.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58 character: " + c);
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (n.bitLength() > 128) {
            throw new IllegalArgumentException("more than 128 bits: " + shortUuid);
        }
        long low = n.longValue();
        long high = n.shiftRight(64).longValue();
        return new UUID(high, low);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }
}
