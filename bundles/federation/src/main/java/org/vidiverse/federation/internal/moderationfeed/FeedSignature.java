package org.vidiverse.federation.internal.moderationfeed;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signature of a moderation feed, carried in the document itself so that it holds wherever the document is
 * copied: member {@code signature} = {@code {"type": "RsaSignature2017", "algorithm": "rsa-sha256",
 * "keyId": <the publishing instance actor's key id>, "signatureValue": <base64>}}, an RSA PKCS#1 v1.5 SHA-256
 * signature of the {@link CanonicalJson canonical bytes} of the document without its {@code signature} member.
 */
public final class FeedSignature {
    static final String MEMBER = "signature";
    static final String ALGORITHM = "rsa-sha256";

    private FeedSignature() {
    }

    /** Signs {@code document} in place (replacing any signature it has) and returns it. */
    public static ObjectNode sign(ObjectNode document, String keyId, PrivateKey key) {
        document.remove(MEMBER);
        byte[] value;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(CanonicalJson.bytes(document));
            value = rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the moderation feed: " + e.getMessage(), e);
        }
        ObjectNode signature = document.putObject(MEMBER);
        signature.put("type", "RsaSignature2017");
        signature.put("algorithm", ALGORITHM);
        signature.put("keyId", keyId);
        signature.put("signatureValue", Base64.getEncoder().encodeToString(value));
        return document;
    }

    /** The key id the document claims to be signed with. */
    public static String keyId(JsonNode document) throws InvalidFeedException {
        JsonNode signature = document.path(MEMBER);
        if (!signature.isObject()) {
            throw new InvalidFeedException("the feed is not signed");
        }
        if (!ALGORITHM.equals(signature.path("algorithm").asText())) {
            throw new InvalidFeedException("unsupported signature algorithm " + signature.path("algorithm"));
        }
        String keyId = signature.path("keyId").asText("");
        if (keyId.isEmpty()) {
            throw new InvalidFeedException("the signature names no keyId");
        }
        return keyId;
    }

    /** Whether {@code key} signed the document as it is (any change after signing makes this false). */
    public static boolean verify(JsonNode document, PublicKey key) {
        JsonNode value = document.path(MEMBER).path("signatureValue");
        if (!value.isTextual() || !document.isObject()) {
            return false;
        }
        ObjectNode unsigned = ((ObjectNode) document).deepCopy();
        unsigned.remove(MEMBER);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(CanonicalJson.bytes(unsigned));
            return rsa.verify(Base64.getDecoder().decode(value.textValue()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;   // not base64, not an RSA key, a number that cannot be canonical...
        }
    }
}
