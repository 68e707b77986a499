package org.vidiverse.federation.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Signatures as the fediverse uses them: draft-cavage-http-signatures (versions 10 to 12), RSA with SHA-256,
 * over {@code (request-target) host date} and, for requests with a body, {@code digest}. This is what PeerTube and
 * Mastodon send on every inbox POST and on signed GETs, and what they expect from us.
 *
 * <p>Signing and verifying are pure functions of their arguments (the clock is passed in), so the same code serves
 * the outgoing client, the inbox and the tests. Resolving a {@code keyId} to a key is the caller's job.
 */
public final class HttpSignatures {
    /** The algorithm we send; PeerTube and Mastodon both send and accept it. */
    public static final String RSA_SHA256 = "rsa-sha256";
    /** draft-12's "derive it from the key" algorithm name; with an RSA key it means the same as rsa-sha256. */
    public static final String HS2019 = "hs2019";

    private static final String REQUEST_TARGET = "(request-target)";
    private static final List<String> DEFAULT_HEADERS = List.of("date"); // draft-12 section 2.1.6
    /** RFC 1123 with a two-digit day, as HTTP requires (the JDK's RFC_1123_DATE_TIME writes "5 Jan"). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpSignatures() {
    }

    /** Why a signature was not accepted; the message is a short reason such as "stale date" or "bad signature". */
    public static final class SignatureException extends Exception {
        private static final long serialVersionUID = 1L;

        public SignatureException(String reason) {
            super(reason);
        }
    }

    /**
     * The parameters of a {@code Signature} header.
     *
     * @param keyId     the key's id, for actors the URL of their {@code publicKey}
     * @param algorithm as sent, lower-cased; {@code null} when the header names none (draft-12 allows that)
     * @param headers   the signed header names in order, lower-cased; {@code ["date"]} when the header lists none
     * @param signature the raw signature bytes
     */
    public record ParsedSignature(String keyId, String algorithm, List<String> headers, byte[] signature) {
        public ParsedSignature {
            Objects.requireNonNull(keyId, "keyId");
            headers = List.copyOf(headers);
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** The Digest header value for a body: {@code SHA-256=} and the base64 of its SHA-256. */
    public static String digest(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /**
     * Signs a request the way PeerTube does and returns the headers to send, in this order: {@code Host},
     * {@code Date}, {@code Digest} (only when there is a body) and {@code Signature}. The signature covers
     * {@code (request-target) host date} plus {@code digest} when there is a body.
     *
     * @param method       the HTTP method, e.g. "GET" or "POST"
     * @param uri          the absolute URL requested; its raw path and query are signed as sent
     * @param bodyOrNull   the exact bytes that will be sent, or {@code null} for a request without a body
     * @param keyId        the signing actor's key id, e.g. {@code https://example.org/accounts/peertube#main-key}
     * @param key          the actor's RSA private key
     * @param now          the time to put in {@code Date}
     * @throws IllegalArgumentException when the key is not an RSA private key
     */
    public static Map<String, String> sign(String method, URI uri, byte[] bodyOrNull, String keyId, PrivateKey key,
            Instant now) {
        if (keyId.indexOf('"') >= 0 || keyId.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a keyId must not contain quotes or backslashes: " + keyId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host(uri));
        headers.put("Date", httpDate(now));
        if (bodyOrNull != null) {
            headers.put("Digest", digest(bodyOrNull));
        }
        List<String> signed = new ArrayList<>();
        signed.add(REQUEST_TARGET);
        headers.keySet().forEach(name -> signed.add(name.toLowerCase(Locale.ROOT)));

        Map<String, String> byLowerName = new HashMap<>();
        headers.forEach((name, value) -> byLowerName.put(name.toLowerCase(Locale.ROOT), value));
        String signingString;
        try {
            signingString = signingString(signed, method, pathAndQuery(uri), byLowerName::get);
        } catch (SignatureException e) {
            throw new IllegalStateException("we always have the headers we sign", e);
        }
        String signature = Base64.getEncoder().encodeToString(rsaSign(signingString, key));
        headers.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"" + RSA_SHA256 + "\",headers=\""
                + String.join(" ", signed) + "\",signature=\"" + signature + "\"");
        return headers;
    }

    /** The Host header for a URL: host, plus ":port" when the port is not the scheme's default. */
    public static String host(URI uri) {
        String host = Objects.requireNonNull(uri.getHost(), "the URL has no host");
        int port = uri.getPort();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (https ? port == 443 : port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** An HTTP date (RFC 1123, GMT), e.g. "Tue, 24 Nov 2026 09:00:00 GMT". */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** The raw path (or "/") and, when there is one, "?" and the raw query: what the request line carries. */
    public static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * Parses the value of a {@code Signature} header: comma-separated {@code name="value"} pairs (commas inside quotes
     * are part of the value, unquoted values such as {@code created=1402170695} are accepted, names are
     * case-insensitive, unknown parameters are ignored).
     *
     * @throws SignatureException when the value is malformed or lacks keyId or signature
     */
    public static ParsedSignature parse(String signatureHeader) throws SignatureException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new SignatureException("no signature");
        }
        Map<String, String> params = SignatureParams.parse(signatureHeader);
        String keyId = params.get("keyid");
        if (keyId == null || keyId.isBlank()) {
            throw new SignatureException("missing keyId");
        }
        String encoded = params.get("signature");
        if (encoded == null || encoded.isBlank()) {
            throw new SignatureException("missing signature");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(encoded.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new SignatureException("signature is not base64");
        }
        String algorithm = params.get("algorithm");
        return new ParsedSignature(keyId, algorithm == null ? null : algorithm.toLowerCase(Locale.ROOT),
                headerNames(params.get("headers")), signature);
    }

    /** Parses an {@code Authorization: Signature keyId="...",...} value, the draft's other way to send it. */
    public static ParsedSignature parseAuthorization(String authorizationHeader) throws SignatureException {
        String scheme = "signature ";
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, scheme, 0, scheme.length())) {
            throw new SignatureException("no signature");
        }
        return parse(authorizationHeader.substring(scheme.length()));
    }

    /**
     * Finds and parses the signature of a request: the {@code Signature} header, or else an {@code Authorization}
     * header with the {@code Signature} scheme.
     *
     * @param header lower-case header name to value, or null when absent (see {@link #headerLookup(Map)})
     */
    public static ParsedSignature parseRequest(Function<String, String> header) throws SignatureException {
        String signature = header.apply("signature");
        return signature != null ? parse(signature) : parseAuthorization(header.apply("authorization"));
    }

    /**
     * A header lookup over a multi-valued header map with names in any case (a servlet's or HttpServer's): the name
     * is matched case-insensitively and several values are trimmed and joined with ", ", as the draft says.
     */
    public static Function<String, String> headerLookup(Map<String, List<String>> headers) {
        return name -> {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key != null && key.equalsIgnoreCase(name) && list != null) {
                    list.forEach(value -> values.add(value.trim()));
                }
            });
            return values.isEmpty() ? null : String.join(", ", values);
        };
    }

    /**
     * Verifies a request's signature and what it must cover, cheapest checks first:
     * <ol>
     * <li>the algorithm is rsa-sha256, hs2019 or absent;</li>
     * <li>{@code (request-target)}, {@code host} and {@code date} are signed, and {@code digest} too for a POST or a
     * request with a body (PeerTube signs all of them);</li>
     * <li>{@code Date} is within {@code window} of {@code now}, neither stale nor in the future;</li>
     * <li>for a body, the Digest header has a SHA-256 entry that matches it;</li>
     * <li>the signature over the listed headers is valid for {@code key}.</li>
     * </ol>
     * The caller still has to check that {@code host} names this instance and that the key belongs to the actor.
     *
     * @param method       the request method, in any case
     * @param pathAndQuery the raw path and query from the request line, e.g. {@code /accounts/x/inbox}
     * @param header       lower-case header name to value, or null when absent (see {@link #headerLookup(Map)})
     * @param body         the raw body as received, or null for a request without one
     * @throws SignatureException naming the first check that failed, e.g. "stale date", "digest mismatch",
     *                            "unsigned header digest", "bad signature"
     */
    public static void verify(ParsedSignature sig, String method, String pathAndQuery,
            Function<String, String> header, byte[] body, PublicKey key, Instant now, Duration window)
            throws SignatureException {
        checkAlgorithm(sig.algorithm());
        for (String required : requiredHeaders(method, body)) {
            if (!sig.headers().contains(required)) {
                throw new SignatureException("unsigned header " + required);
            }
        }
        checkDate(header.apply("date"), now, window);
        if (body != null) {
            checkDigest(header.apply("digest"), body);
        }
        verifySignature(sig, method, pathAndQuery, header, key);
    }

    /**
     * Only the cryptographic part of {@link #verify}: the algorithm is acceptable and the signature over the headers
     * it lists is valid for {@code key}. No policy on which headers are signed, on the date or on the digest; use it
     * for test vectors, never alone on an inbox.
     */
    public static void verifySignature(ParsedSignature sig, String method, String pathAndQuery,
            Function<String, String> header, PublicKey key) throws SignatureException {
        checkAlgorithm(sig.algorithm());
        String signingString = signingString(sig.headers(), method, pathAndQuery, header);
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(sig.signature());
        } catch (InvalidKeyException e) {
            throw new SignatureException("unusable key");
        } catch (GeneralSecurityException e) {
            valid = false; // a malformed signature (wrong length...) is just a bad one
        }
        if (!valid) {
            throw new SignatureException("bad signature");
        }
    }

    /**
     * The string that is signed: one "name: value" line per listed header, joined by "\n", with
     * {@code (request-target)} as the lower-case method, a space and the path and query.
     *
     * @throws SignatureException when a listed header is absent or is a pseudo-header we do not support
     */
    public static String signingString(List<String> headers, String method, String pathAndQuery,
            Function<String, String> header) throws SignatureException {
        List<String> lines = new ArrayList<>(headers.size());
        for (String name : headers) {
            if (name.equals(REQUEST_TARGET)) {
                lines.add(REQUEST_TARGET + ": " + method.toLowerCase(Locale.ROOT) + " " + pathAndQuery);
            } else if (name.startsWith("(")) {
                // (created) and (expires) need parameters ParsedSignature does not carry; nobody we talk to sends them.
                throw new SignatureException("unsupported header " + name);
            } else {
                String value = header.apply(name);
                if (value == null) {
                    throw new SignatureException("missing header " + name);
                }
                lines.add(name + ": " + value.trim());
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> headerNames(String headersParam) throws SignatureException {
        if (headersParam == null) {
            return DEFAULT_HEADERS;
        }
        List<String> names = List.of(headersParam.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        if (names.size() == 1 && names.get(0).isEmpty()) {
            throw new SignatureException("empty headers");
        }
        return names;
    }

    private static List<String> requiredHeaders(String method, byte[] body) {
        if (body != null || "POST".equalsIgnoreCase(method)) {
            return List.of(REQUEST_TARGET, "host", "date", "digest");
        }
        return List.of(REQUEST_TARGET, "host", "date");
    }

    private static void checkAlgorithm(String algorithm) throws SignatureException {
        if (algorithm != null && !algorithm.equalsIgnoreCase(RSA_SHA256) && !algorithm.equalsIgnoreCase(HS2019)) {
            throw new SignatureException("unsupported algorithm " + algorithm);
        }
    }

    private static void checkDate(String date, Instant now, Duration window) throws SignatureException {
        if (date == null) {
            throw new SignatureException("missing header date");
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SignatureException("bad date");
        }
        if (sent.isBefore(now.minus(window))) {
            throw new SignatureException("stale date");
        }
        if (sent.isAfter(now.plus(window))) {
            throw new SignatureException("future date");
        }
    }

    /** Accepts "SHA-256=..." in any case, alone or in a comma list with other algorithms. */
    private static void checkDigest(String digestHeader, byte[] body) throws SignatureException {
        if (digestHeader == null) {
            throw new SignatureException("missing header digest");
        }
        List<String> sha256Values = List.of(digestHeader.split(",")).stream()
                .map(String::trim)
                .filter(entry -> entry.regionMatches(true, 0, "SHA-256=", 0, 8))
                .map(entry -> entry.substring(8).trim())
                .collect(Collectors.toList());
        if (sha256Values.isEmpty()) {
            throw new SignatureException("no SHA-256 digest");
        }
        byte[] actual = sha256(body);
        for (String value : sha256Values) {
            try {
                if (MessageDigest.isEqual(actual, Base64.getDecoder().decode(value))) {
                    return;
                }
            } catch (IllegalArgumentException e) {
                // not base64: cannot match, and "digest mismatch" below says so
            }
        }
        throw new SignatureException("digest mismatch");
    }

    private static byte[] rsaSign(String signingString, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signingString.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA failed", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
