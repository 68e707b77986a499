package org.vidiverse.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Another ActivityPub server on loopback, written for the tests and independent of the federation bundle's code:
 * it serves its actors' documents, signs what it sends with their keys (draft-cavage, rsa-sha256) and keeps what
 * it receives, with every request it saw.
 */
final class FakeRemoteInstance implements AutoCloseable {
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String base;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Received> inbox = new CopyOnWriteArrayList<>();

    record Received(JsonNode activity, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    FakeRemoteInstance(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        base = "http://localhost:" + port;
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return base;
    }

    String host() {
        return URI.create(base).getAuthority();
    }

    /** Adds a Person {@code /accounts/{name}} with a new key pair; returns its url. */
    String person(String name) throws Exception {
        return actor("Person", "/accounts/" + name, name, null);
    }

    /** Adds the instance's Application actor {@code /accounts/peertube}, as PeerTube has; returns its url. */
    String application() throws Exception {
        return actor("Application", "/accounts/peertube", "peertube", null);
    }

    /** Adds a Group {@code /video-channels/{name}} owned by {@code ownerUrl}; returns its url. */
    String channel(String name, String ownerUrl) throws Exception {
        return actor("Group", "/video-channels/" + name, name, ownerUrl);
    }

    private String actor(String type, String path, String name, String ownerUrl) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String url = base + path;
        keys.put(url, pair);
        ObjectNode doc = JSON.createObjectNode();
        doc.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1");
        doc.put("type", type).put("id", url).put("preferredUsername", name).put("name", name + " on the fake")
                .put("inbox", url + "/inbox").put("outbox", url + "/outbox").put("followers", url + "/followers")
                .put("following", url + "/following").put("url", url);
        doc.putObject("endpoints").put("sharedInbox", base + "/inbox");
        doc.putObject("publicKey").put("id", url + "#main-key").put("owner", url).put("publicKeyPem", pem(pair.getPublic()));
        if (ownerUrl != null) {
            doc.putArray("attributedTo").addObject().put("type", "Person").put("id", ownerUrl);
        }
        documents.put(path, doc);
        return url;
    }

    /** Serves a document (a video, a note) at {@code path}. */
    void serve(String path, JsonNode document) {
        documents.put(path, document);
    }

    /** POSTs {@code activity} to {@code inboxUrl}, signed by {@code signerUrl}'s key. */
    Http.Answer deliver(String inboxUrl, String signerUrl, String activity) throws Exception {
        return deliver(inboxUrl, signerUrl, activity.getBytes(StandardCharsets.UTF_8), Instant.now(),
                activity.getBytes(StandardCharsets.UTF_8), keys.get(signerUrl));
    }

    /**
     * POSTs {@code sent}, with a signature made over {@code signed} at {@code date} with {@code key}: tests forge
     * by making them differ.
     */
    Http.Answer deliver(String inboxUrl, String signerUrl, byte[] signed, Instant date, byte[] sent, KeyPair key)
            throws Exception {
        URI uri = URI.create(inboxUrl);
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(signed));
        String dateHeader = HTTP_DATE.format(date);
        String signingString = "(request-target): post " + uri.getRawPath() + "\nhost: " + uri.getAuthority()
                + "\ndate: " + dateHeader + "\ndigest: " + digest;
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.getPrivate());
        rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
        String signature = "keyId=\"" + signerUrl + "#main-key\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest\",signature=\""
                + Base64.getEncoder().encodeToString(rsa.sign()) + "\"";
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/activity+json").header("Date", dateHeader)
                .header("Digest", digest).header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    KeyPair keyOf(String actorUrl) {
        return keys.get(actorUrl);
    }

    static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** Whether {@code received} carries a valid signature of {@code publicKeyPem} over its headers and body. */
    static boolean signedBy(Received received, String inboxPath, String publicKeyPem) throws Exception {
        String header = received.header("Signature");
        if (header == null) {
            return false;
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (String part : header.split(",(?=[a-zA-Z]+=)")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
        }
        StringBuilder signing = new StringBuilder();
        for (String name : fields.get("headers").split(" ")) {
            if (signing.length() > 0) {
                signing.append('\n');
            }
            String value = "(request-target)".equals(name) ? "post " + inboxPath : received.header(name);
            signing.append(name).append(": ").append(value);
        }
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(received.body()));
        if (!digest.equals(received.header("Digest"))) {
            return false;
        }
        String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signing.toString().getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(fields.get("signature")));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        try (exchange) {
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("inbox")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                inbox.add(new Received(JSON.readTree(body), Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            JsonNode doc = documents.get(path);
            if (doc == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(doc);
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String pem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
