package org.vidiverse.federation.internal.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.Test;

public class KeyPairsTest {
    private static final KeyPair PAIR = KeyPairs.generate();

    @Test
    public void generatedKeysAreRsa2048() {
        assertEquals(2048, ((RSAPublicKey) PAIR.getPublic()).getModulus().bitLength());
        assertEquals("RSA", PAIR.getPrivate().getAlgorithm());
    }

    @Test
    public void publicPemIsSpkiInLinesOf64AsPeerTubePublishesIt() {
        String pem = KeyPairs.publicPem(PAIR.getPublic());
        String[] lines = pem.split("\n");
        assertEquals("-----BEGIN PUBLIC KEY-----", lines[0]);
        assertEquals("-----END PUBLIC KEY-----", lines[lines.length - 1]);
        for (int i = 1; i < lines.length - 2; i++) {
            assertEquals("line " + i, 64, lines[i].length());
        }
        assertTrue(lines[lines.length - 2].length() <= 64);
        assertEquals(PAIR.getPublic(), KeyPairs.readPublic(pem));
    }

    @Test
    public void privatePemIsPkcs8AndReadsBack() {
        String pem = KeyPairs.privatePem(PAIR.getPrivate());
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(pem.endsWith("-----END PRIVATE KEY-----\n"));
        assertArrayEquals(PAIR.getPrivate().getEncoded(), KeyPairs.readPrivate(pem).getEncoded());
    }

    @Test
    public void spkiAndPkcs1FormsOfTheSpecKeyReadAsTheSameKey() {
        PublicKey spki = KeyPairs.readPublic(CavageTestVectors.PUBLIC_KEY_PEM);
        PublicKey pkcs1 = KeyPairs.readPublic(CavageTestVectors.PUBLIC_KEY_PKCS1_PEM);
        assertEquals(spki, pkcs1);
    }

    @Test
    public void pkcs1PrivateKeyReadsAndMatchesItsPublicKey() {
        PrivateKey key = KeyPairs.readPrivate(CavageTestVectors.PRIVATE_KEY_PEM);
        RSAPublicKey expected = (RSAPublicKey) KeyPairs.readPublic(CavageTestVectors.PUBLIC_KEY_PEM);
        assertEquals(expected.getModulus(), ((RSAPrivateCrtKey) key).getModulus());
        assertEquals(expected.getPublicExponent(), ((RSAPrivateCrtKey) key).getPublicExponent());
    }

    @Test
    public void crlfIndentationAndSurroundingTextAreTolerated() {
        String pem = KeyPairs.publicPem(PAIR.getPublic());
        String messy = "publicKeyPem:\r\n   " + pem.replace("\n", "\r\n    ") + "  trailing";
        assertEquals(PAIR.getPublic(), KeyPairs.readPublic(messy));
    }

    @Test
    public void privatePemIsNotAPublicKey() {
        assertRefused(() -> KeyPairs.readPublic(KeyPairs.privatePem(PAIR.getPrivate())), "PRIVATE KEY");
    }

    @Test
    public void garbageIsRefusedWithAClearMessage() {
        assertRefused(() -> KeyPairs.readPublic("not a key"), "no PEM block");
        assertRefused(() -> KeyPairs.readPublic(null), "no PEM");
        assertRefused(() -> KeyPairs.readPublic("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"), "base64");
        assertRefused(() -> KeyPairs.readPublic("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
                "not an RSA public key");
        assertRefused(() -> KeyPairs.readPublic("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PRIVATE KEY-----"),
                "does not match");
        assertRefused(() -> KeyPairs.readPrivate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
                "CERTIFICATE");
    }

    private static void assertRefused(Runnable read, String messagePart) {
        try {
            read.run();
            fail("expected IllegalArgumentException");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }
}
