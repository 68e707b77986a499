package org.vidiverse.federation.internal.moderationfeed;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.http.CavageTestVectors;
import org.vidiverse.federation.internal.http.KeyPairs;

/** Signing and verifying moderation feeds with fixed keys (draft-cavage's test key), and their canonical form. */
public class FeedSignatureTest {
    static final String PUBLIC_KEY_PEM = CavageTestVectors.PUBLIC_KEY_PEM;
    static final String PRIVATE_KEY_PEM = CavageTestVectors.PRIVATE_KEY_PEM;
    static final PublicKey PUBLIC = KeyPairs.readPublic(PUBLIC_KEY_PEM);
    static final PrivateKey PRIVATE = KeyPairs.readPrivate(PRIVATE_KEY_PEM);
    static final String KEY_ID = "https://a.example/accounts/peertube#main-key";
    static final Instant PUBLISHED = Instant.parse("2026-11-24T12:00:00Z");

    static ObjectNode feed() {
        RemoteInstance spam = new RemoteInstance(3, "spam.example", true, false, PUBLISHED, "spam wave \"2\"", null,
                PUBLISHED);
        AccountBlock troll = new AccountBlock(4, new ActorRef(1, "peertube", "peertube", "a.example",
                "https://a.example/accounts/peertube"), new ActorRef(9, "troll", "Tröll", "b.example",
                "https://b.example/accounts/troll"), PUBLISHED, "harassment\nrepeated", null);
        return FeedDocument.build("a.example", "https://a.example/accounts/peertube", PUBLISHED, List.of(spam),
                List.of(troll));
    }

    @Test
    public void aSignedFeedVerifiesWithThePublishersKeyAfterATripOverTheWire() throws Exception {
        ObjectNode signed = FeedSignature.sign(feed(), KEY_ID, PRIVATE);
        // another writer, another order of members, whitespace: the canonical bytes stay the same
        String wire = ApContext.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(signed);
        JsonNode received = ApContext.mapper().readTree(wire);

        assertEquals(KEY_ID, FeedSignature.keyId(received));
        assertTrue(FeedSignature.verify(received, PUBLIC));
    }

    @Test
    public void anyChangeAfterSigningBreaksTheSignature() {
        ObjectNode signed = FeedSignature.sign(feed(), KEY_ID, PRIVATE);
        ObjectNode changed = signed.deepCopy();
        ((ObjectNode) changed.get("servers").get(0)).put("host", "innocent.example");
        ObjectNode emptied = signed.deepCopy();
        emptied.putArray("accounts");
        ObjectNode replayed = signed.deepCopy();
        replayed.put("published", "2030-01-01T00:00:00.000Z");

        assertFalse(FeedSignature.verify(changed, PUBLIC));
        assertFalse(FeedSignature.verify(emptied, PUBLIC));
        assertFalse(FeedSignature.verify(replayed, PUBLIC));
    }

    @Test
    public void anotherKeyDoesNotVerify() {
        KeyPair other = KeyPairs.generate();
        ObjectNode signed = FeedSignature.sign(feed(), KEY_ID, other.getPrivate());

        assertFalse(FeedSignature.verify(signed, PUBLIC));
        assertTrue(FeedSignature.verify(signed, other.getPublic()));
    }

    @Test
    public void unsignedOrOddlySignedFeedsAreRefused() {
        ObjectNode unsigned = feed();
        assertThrows(InvalidFeedException.class, () -> FeedSignature.keyId(unsigned));
        assertFalse(FeedSignature.verify(unsigned, PUBLIC));
        ObjectNode hmac = FeedSignature.sign(feed(), KEY_ID, PRIVATE);
        ((ObjectNode) hmac.get("signature")).put("algorithm", "hs2019");
        assertThrows(InvalidFeedException.class, () -> FeedSignature.keyId(hmac));
        ObjectNode garbage = FeedSignature.sign(feed(), KEY_ID, PRIVATE);
        ((ObjectNode) garbage.get("signature")).put("signatureValue", "not base64 !");
        assertFalse(FeedSignature.verify(garbage, PUBLIC));
    }

    @Test
    public void canonicalBytesSortMembersAndEscapeOnlyWhatJsonRequires() throws Exception {
        JsonNode node = ApContext.mapper().readTree("{ \"b\": [1, true, null], \"a\": \"\u00e9\\\"\\n\\u0001\" }");

        assertArrayEquals("{\"a\":\"\u00e9\\\"\\n\\u0001\",\"b\":[1,true,null]}".getBytes(StandardCharsets.UTF_8),
                CanonicalJson.bytes(node));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.bytes(ApContext.mapper().readTree("1.5")));
    }
}
