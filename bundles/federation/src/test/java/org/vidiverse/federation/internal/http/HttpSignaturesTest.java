package org.vidiverse.federation.internal.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;
import org.vidiverse.federation.internal.http.HttpSignatures.ParsedSignature;
import org.vidiverse.federation.internal.http.HttpSignatures.SignatureException;

public class HttpSignaturesTest {
    private static final KeyPair PAIR = KeyPairs.generate();
    private static final String KEY_ID = "https://video.example/accounts/peertube#main-key";
    private static final URI INBOX = URI.create("https://video.example/accounts/peertube/inbox");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

    // --- draft-cavage-http-signatures-12, Appendix C

    @Test
    public void digestOfTheSpecBodyIsTheSpecDigest() {
        assertEquals(CavageTestVectors.HEADERS.get("digest"), HttpSignatures.digest(CavageTestVectors.BODY));
    }

    @Test
    public void specBasicTestSignatureIsValid() throws Exception {
        HttpSignatures.verifySignature(HttpSignatures.parse(CavageTestVectors.C2_BASIC), CavageTestVectors.METHOD,
                CavageTestVectors.PATH_AND_QUERY, CavageTestVectors.headers(), specPublicKey());
    }

    @Test
    public void specDefaultTestSignsOnlyTheDateAndIsValid() throws Exception {
        ParsedSignature sig = HttpSignatures.parse(CavageTestVectors.C1_DEFAULT);
        assertEquals(List.of("date"), sig.headers());
        HttpSignatures.verifySignature(sig, CavageTestVectors.METHOD, CavageTestVectors.PATH_AND_QUERY,
                CavageTestVectors.headers(), specPublicKey());
    }

    @Test
    public void specAllHeadersTestPassesTheFullInboxVerification() throws Exception {
        HttpSignatures.verify(HttpSignatures.parse(CavageTestVectors.C3_ALL_HEADERS), CavageTestVectors.METHOD,
                CavageTestVectors.PATH_AND_QUERY, CavageTestVectors.headers(), CavageTestVectors.BODY,
                specPublicKey(), CavageTestVectors.DATE, WINDOW);
    }

    @Test
    public void signerReproducesTheSpecBasicTestByteForByte() {
        PrivateKey key = KeyPairs.readPrivate(CavageTestVectors.PRIVATE_KEY_PEM);
        Map<String, String> headers = HttpSignatures.sign("POST",
                URI.create("http://example.com" + CavageTestVectors.PATH_AND_QUERY), null, "Test", key,
                CavageTestVectors.DATE);
        assertEquals(List.of("Host", "Date", "Signature"), List.copyOf(headers.keySet()));
        assertEquals("example.com", headers.get("Host"));
        assertEquals(CavageTestVectors.HEADERS.get("date"), headers.get("Date"));
        assertEquals(CavageTestVectors.C2_BASIC, headers.get("Signature"));
    }

    @Test
    public void specBasicTestIsNotEnoughForAPostWithABody() throws Exception {
        assertRejected("unsigned header digest", () -> HttpSignatures.verify(
                HttpSignatures.parse(CavageTestVectors.C2_BASIC), CavageTestVectors.METHOD,
                CavageTestVectors.PATH_AND_QUERY, CavageTestVectors.headers(), CavageTestVectors.BODY,
                specPublicKey(), CavageTestVectors.DATE, WINDOW));
    }

    // --- signing

    @Test
    public void signedPostCarriesHostDateDigestAndSignatureInThatOrder() throws Exception {
        Map<String, String> headers = HttpSignatures.sign("POST", INBOX, BODY, KEY_ID, PAIR.getPrivate(), NOW);
        assertEquals(List.of("Host", "Date", "Digest", "Signature"), List.copyOf(headers.keySet()));
        assertEquals("video.example", headers.get("Host"));
        assertEquals("Tue, 24 Nov 2026 09:00:00 GMT", headers.get("Date"));
        assertEquals(HttpSignatures.digest(BODY), headers.get("Digest"));
        ParsedSignature sig = HttpSignatures.parse(headers.get("Signature"));
        assertEquals(KEY_ID, sig.keyId());
        assertEquals("rsa-sha256", sig.algorithm());
        assertEquals(List.of("(request-target)", "host", "date", "digest"), sig.headers());
    }

    @Test
    public void signedGetHasNoDigest() throws Exception {
        Map<String, String> headers = HttpSignatures.sign("GET", INBOX, null, KEY_ID, PAIR.getPrivate(), NOW);
        assertEquals(List.of("Host", "Date", "Signature"), List.copyOf(headers.keySet()));
        assertEquals(List.of("(request-target)", "host", "date"),
                HttpSignatures.parse(headers.get("Signature")).headers());
    }

    @Test
    public void hostCarriesThePortOnlyWhenItIsNotTheDefault() {
        assertEquals("a.example", HttpSignatures.host(URI.create("https://a.example:443/x")));
        assertEquals("a.example", HttpSignatures.host(URI.create("http://a.example:80/x")));
        assertEquals("a.example:443", HttpSignatures.host(URI.create("http://a.example:443/x")));
        assertEquals("a.example:9000", HttpSignatures.host(URI.create("https://a.example:9000/x")));
        assertEquals("[::1]:9000", HttpSignatures.host(URI.create("http://[::1]:9000/x")));
    }

    @Test
    public void dateHasATwoDigitDay() {
        assertEquals("Wed, 04 Nov 2026 09:05:07 GMT", HttpSignatures.httpDate(Instant.parse("2026-11-04T09:05:07Z")));
    }

    @Test
    public void requestTargetKeepsThePathAndQueryRaw() {
        assertEquals("/a%2Fb/c?q=x%20y&z", HttpSignatures.pathAndQuery(URI.create("https://h/a%2Fb/c?q=x%20y&z")));
        assertEquals("/", HttpSignatures.pathAndQuery(URI.create("https://h")));
    }

    // --- verification

    @Test
    public void signedPostVerifies() throws Exception {
        Request r = Request.post(BODY);
        HttpSignatures.verify(r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW);
    }

    @Test
    public void signedGetVerifies() throws Exception {
        Request r = Request.get();
        HttpSignatures.verify(r.parsed(), "GET", r.path, r.headers::get, null, PAIR.getPublic(), NOW, WINDOW);
    }

    @Test
    public void tamperedBodyIsADigestMismatch() throws Exception {
        Request r = Request.post(BODY);
        byte[] other = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
        assertRejected("digest mismatch", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, other, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void digestHeaderRewrittenForATamperedBodyBreaksTheSignature() throws Exception {
        Request r = Request.post(BODY);
        byte[] other = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
        r.headers.put("digest", HttpSignatures.digest(other));
        assertRejected("bad signature", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, other, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void tamperedHostOrPathBreaksTheSignature() throws Exception {
        Request r = Request.post(BODY);
        r.headers.put("host", "other.example");
        assertRejected("bad signature", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
        Request s = Request.post(BODY);
        assertRejected("bad signature", () -> HttpSignatures.verify(
                s.parsed(), "POST", "/accounts/other/inbox", s.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void anotherKeyIsABadSignature() throws Exception {
        Request r = Request.post(BODY);
        PublicKey other = KeyPairs.readPublic(CavageTestVectors.PUBLIC_KEY_PEM);
        assertRejected("bad signature", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, BODY, other, NOW, WINDOW));
    }

    @Test
    public void dateOutsideTheWindowIsStaleOrFuture() throws Exception {
        Request r = Request.post(BODY);
        assertRejected("stale date", () -> HttpSignatures.verify(r.parsed(), "POST", r.path, r.headers::get, BODY,
                PAIR.getPublic(), NOW.plus(WINDOW).plusSeconds(1), WINDOW));
        assertRejected("future date", () -> HttpSignatures.verify(r.parsed(), "POST", r.path, r.headers::get, BODY,
                PAIR.getPublic(), NOW.minus(WINDOW).minusSeconds(1), WINDOW));
        HttpSignatures.verify(r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(),
                NOW.plus(WINDOW), WINDOW);
    }

    @Test
    public void unparsableDateIsRejected() throws Exception {
        Request r = Request.post(BODY);
        r.headers.put("date", "yesterday");
        assertRejected("bad date", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void postWhoseSignatureLeavesOutTheDigestIsRejected() throws Exception {
        Request r = Request.get(); // signs (request-target) host date only
        assertRejected("unsigned header digest", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void signedDigestMissingFromTheRequestIsRejected() throws Exception {
        Request r = Request.post(BODY);
        r.headers.remove("digest");
        assertRejected("missing header digest", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void getWhoseSignatureLeavesOutTheHostIsRejected() throws Exception {
        Request r = Request.get();
        String onlyDate = r.headers.get("signature").replace("(request-target) host date", "(request-target) date");
        assertRejected("unsigned header host", () -> HttpSignatures.verify(HttpSignatures.parse(onlyDate), "GET",
                r.path, r.headers::get, null, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void unknownAlgorithmIsRejectedAndHs2019Accepted() throws Exception {
        Request r = Request.post(BODY);
        String sha512 = r.headers.get("signature").replace("rsa-sha256", "rsa-sha512");
        assertRejected("unsupported algorithm rsa-sha512", () -> HttpSignatures.verify(HttpSignatures.parse(sha512),
                "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
        String hs2019 = r.headers.get("signature").replace("rsa-sha256", "hs2019");
        HttpSignatures.verify(HttpSignatures.parse(hs2019), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(),
                NOW, WINDOW);
        String none = r.headers.get("signature").replace("algorithm=\"rsa-sha256\",", "");
        HttpSignatures.verify(HttpSignatures.parse(none), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(),
                NOW, WINDOW);
    }

    @Test
    public void digestIsAcceptedInLowerCaseAndInAList() throws Exception {
        String value = HttpSignatures.digest(BODY).substring("SHA-256=".length());
        for (String digest : List.of("sha-256=" + value, "SHA-512=AAAA, SHA-256=" + value)) {
            Request r = Request.post(BODY);
            r.headers.put("digest", digest);
            r.resign();
            HttpSignatures.verify(r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW);
        }
    }

    @Test
    public void digestWithoutSha256IsRejected() throws Exception {
        Request r = Request.post(BODY);
        r.headers.put("digest", "SHA-512=AAAA");
        r.resign();
        assertRejected("no SHA-256 digest", () -> HttpSignatures.verify(
                r.parsed(), "POST", r.path, r.headers::get, BODY, PAIR.getPublic(), NOW, WINDOW));
    }

    @Test
    public void pseudoHeadersWeCannotBuildAreRejected() throws Exception {
        ParsedSignature sig = HttpSignatures.parse(
                "keyId=\"k\",created=1402170695,headers=\"(request-target) (created) host date\",signature=\"AAAA\"");
        assertRejected("unsupported header (created)", () -> HttpSignatures.verifySignature(
                sig, "GET", "/", CavageTestVectors.headers(), specPublicKey()));
    }

    @Test
    public void multiValuedHeadersAreTrimmedAndJoinedWithCommaSpace() {
        Map<String, List<String>> raw = new HashMap<>();
        raw.put("Cache-Control", List.of(" max-age=60 ", "public"));
        raw.put("Host", List.of("h.example"));
        assertEquals("max-age=60, public", HttpSignatures.headerLookup(raw).apply("cache-control"));
        assertEquals("h.example", HttpSignatures.headerLookup(raw).apply("host"));
        assertNull(HttpSignatures.headerLookup(raw).apply("date"));
    }

    // --- parsing

    @Test
    public void parseKeepsCommasInsideQuotesAndToleratesSpacesAndCase() throws Exception {
        ParsedSignature sig = HttpSignatures.parse(" KeyId = \"https://a.example/u,1#key\" , Algorithm=\"RSA-SHA256\","
                + "created=1402170695,  headers=\"(Request-Target)  Host date\",extra=\"x,y\",signature=\"AQID\" ");
        assertEquals("https://a.example/u,1#key", sig.keyId());
        assertEquals("rsa-sha256", sig.algorithm());
        assertEquals(List.of("(request-target)", "host", "date"), sig.headers());
        assertArrayEquals(new byte[] {1, 2, 3}, sig.signature());
    }

    @Test
    public void parseResolvesBackslashEscapes() throws Exception {
        assertEquals("a\"b", HttpSignatures.parse("keyId=\"a\\\"b\",signature=\"AQID\"").keyId());
    }

    @Test
    public void headersDefaultToDateOnly() throws Exception {
        assertEquals(List.of("date"), HttpSignatures.parse("keyId=\"k\",signature=\"AQID\"").headers());
    }

    @Test
    public void malformedSignatureHeadersAreRejected() {
        assertParseRejected("no signature", null);
        assertParseRejected("no signature", "  ");
        assertParseRejected("missing keyId", "signature=\"AQID\"");
        assertParseRejected("missing keyId", "keyId=\"\",signature=\"AQID\"");
        assertParseRejected("missing signature", "keyId=\"k\"");
        assertParseRejected("signature is not base64", "keyId=\"k\",signature=\"%%%\"");
        assertParseRejected("duplicate parameter keyid", "keyId=\"k\",keyid=\"j\",signature=\"AQID\"");
        assertParseRejected("unterminated quoted value", "keyId=\"k\",signature=\"AQID");
        assertParseRejected("malformed signature parameter", "keyId,signature=\"AQID\"");
        assertParseRejected("empty headers", "keyId=\"k\",headers=\" \",signature=\"AQID\"");
    }

    @Test
    public void authorizationSignatureSchemeIsAccepted() throws Exception {
        ParsedSignature sig = HttpSignatures.parseAuthorization("Signature " + CavageTestVectors.C2_BASIC);
        assertEquals("Test", sig.keyId());
        HttpSignatures.verifySignature(sig, CavageTestVectors.METHOD, CavageTestVectors.PATH_AND_QUERY,
                CavageTestVectors.headers(), specPublicKey());
        assertRejected("no signature", () -> HttpSignatures.parseAuthorization("Bearer abc"));
    }

    @Test
    public void parseRequestPrefersTheSignatureHeaderAndFallsBackToAuthorization() throws Exception {
        Map<String, String> both = Map.of("signature", CavageTestVectors.C1_DEFAULT,
                "authorization", "Signature " + CavageTestVectors.C2_BASIC);
        assertEquals(List.of("date"), HttpSignatures.parseRequest(both::get).headers());
        Map<String, String> auth = Map.of("authorization", "signature " + CavageTestVectors.C2_BASIC);
        assertEquals(3, HttpSignatures.parseRequest(auth::get).headers().size());
        assertRejected("no signature", () -> HttpSignatures.parseRequest(Map.<String, String>of()::get));
    }

    // --- helpers

    /** A request as an inbox sees it: lower-case header names to values. */
    private static final class Request {
        final String method;
        final String path = HttpSignatures.pathAndQuery(INBOX);
        final Map<String, String> headers = new HashMap<>();

        private Request(String method, byte[] body) {
            this.method = method;
            HttpSignatures.sign(method, INBOX, body, KEY_ID, PAIR.getPrivate(), NOW)
                    .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }

        static Request post(byte[] body) {
            return new Request("POST", body);
        }

        static Request get() {
            return new Request("GET", null);
        }

        ParsedSignature parsed() throws SignatureException {
            return HttpSignatures.parse(headers.get("signature"));
        }

        /** Signs again over the current header values, as a sender that really sent them would have. */
        void resign() throws SignatureException {
            ParsedSignature sig = parsed();
            String signingString = HttpSignatures.signingString(sig.headers(), method, path, headers::get);
            try {
                java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
                signer.initSign(PAIR.getPrivate());
                signer.update(signingString.getBytes(StandardCharsets.UTF_8));
                String signature = Base64.getEncoder().encodeToString(signer.sign());
                headers.put("signature", "keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\""
                        + String.join(" ", sig.headers()) + "\",signature=\"" + signature + "\"");
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void assertRejected(String reason, Check check) {
        try {
            check.run();
            fail("expected SignatureException: " + reason);
        } catch (SignatureException e) {
            assertEquals(reason, e.getMessage());
        } catch (Exception e) {
            throw new AssertionError("expected SignatureException: " + reason, e);
        }
    }

    private static void assertParseRejected(String reason, String header) {
        try {
            HttpSignatures.parse(header);
            fail("expected SignatureException for " + header);
        } catch (SignatureException e) {
            assertEquals(header, reason, e.getMessage().replaceAll(" at \\d+$", ""));
        }
    }

    private static PublicKey specPublicKey() {
        return KeyPairs.readPublic(CavageTestVectors.PUBLIC_KEY_PEM);
    }
}
