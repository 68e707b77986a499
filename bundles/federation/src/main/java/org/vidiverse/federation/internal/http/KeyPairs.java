package org.vidiverse.federation.internal.http;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA key pairs for actors, and their PEM forms. We publish keys as PeerTube and Mastodon do: the public key as SPKI
 * ({@code BEGIN PUBLIC KEY}) in the actor's {@code publicKeyPem}, the private key stored as PKCS#8
 * ({@code BEGIN PRIVATE KEY}). Reading also accepts the older PKCS#1 forms ({@code BEGIN RSA PUBLIC KEY},
 * {@code BEGIN RSA PRIVATE KEY}) that some servers publish.
 */
public final class KeyPairs {
    private static final int KEY_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }, needed to wrap PKCS#1 keys for the JDK. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private KeyPairs() {
    }

    /** A fresh RSA 2048 key pair, the size PeerTube generates for its actors. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JDK", e);
        }
    }

    /** SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}, 64-character lines), as actors publish in publicKeyPem. */
    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Reads an RSA public key from SPKI ({@code BEGIN PUBLIC KEY}) or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}) PEM.
     * Line breaks ({@code \n} or {@code \r\n}), indentation and surrounding text are tolerated.
     *
     * @throws IllegalArgumentException when there is no such PEM block or it does not hold an RSA public key
     */
    public static PublicKey readPublic(String pem) {
        Block block = block(pem);
        byte[] spki;
        switch (block.label()) {
            case "PUBLIC KEY":
                spki = block.der();
                break;
            case "RSA PUBLIC KEY":
                spki = sequence(RSA_ALGORITHM_ID, bitString(block.der()));
                break;
            default:
                throw new IllegalArgumentException("expected a PEM \"PUBLIC KEY\" or \"RSA PUBLIC KEY\", got \""
                        + block.label() + "\"");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an RSA private key from PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) PEM.
     * Encrypted keys are not supported.
     *
     * @throws IllegalArgumentException when there is no such PEM block or it does not hold an RSA private key
     */
    public static PrivateKey readPrivate(String pem) {
        Block block = block(pem);
        byte[] pkcs8;
        switch (block.label()) {
            case "PRIVATE KEY":
                pkcs8 = block.der();
                break;
            case "RSA PRIVATE KEY":
                pkcs8 = sequence(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM_ID, tagged(0x04, block.der()));
                break;
            default:
                // The message names the label only: never echo key material.
                throw new IllegalArgumentException("expected a PEM \"PRIVATE KEY\" or \"RSA PRIVATE KEY\", got \""
                        + block.label() + "\"");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    private record Block(String label, byte[] der) {
    }

    private static Block block(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM given");
        }
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN ...----- / -----END ...-----) found");
        }
        String label = m.group(1).trim();
        if (!label.equals(m.group(3).trim())) {
            throw new IllegalArgumentException("PEM BEGIN \"" + label + "\" does not match END \""
                    + m.group(3).trim() + "\"");
        }
        String body = m.group(2).replaceAll("\\s+", "");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("PEM block \"" + label + "\" is empty");
        }
        try {
            return new Block(label, Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block \"" + label + "\" is not valid base64", e);
        }
    }

    // Minimal DER writing, just enough to wrap a PKCS#1 key into the SPKI / PKCS#8 structure the JDK reads.

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1]; // leading 0: no unused bits
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tagged(0x03, content);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int lengthBytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | lengthBytes);
            for (int i = lengthBytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
