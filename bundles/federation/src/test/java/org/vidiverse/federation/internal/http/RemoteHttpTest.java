package org.vidiverse.federation.internal.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.federation.internal.http.HttpSignatures.ParsedSignature;
import org.vidiverse.federation.internal.http.RemoteException.Kind;
import org.vidiverse.federation.internal.http.RemoteHttp.Response;
import org.vidiverse.federation.internal.http.RemoteHttp.Settings;

/** Talks to a JDK HttpServer on 127.0.0.1, playing the remote instance. */
public class RemoteHttpTest {
    private static final KeyPair PAIR = KeyPairs.generate();
    private static final String KEY_ID = "https://video.example/accounts/peertube#main-key";
    private static final RemoteHttp.Signer SIGNER = new RemoteHttp.Signer() {
        @Override
        public String keyId() {
            return KEY_ID;
        }

        @Override
        public PrivateKey key() {
            return PAIR.getPrivate();
        }
    };
    private static final String AP_JSON = "application/activity+json";
    private static final byte[] ACTOR = "{\"type\":\"Person\"}".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService serverThreads;
    private URI base;
    /** Per path: how many requests arrived, and the last signature check's outcome ("ok" or the reason). */
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private RemoteHttp http;

    @Before
    public void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        http = new RemoteHttp(settings(true, 64 * 1024, 3, Duration.ofSeconds(5)));
    }

    @After
    public void stopServer() {
        http.close();
        server.stop(0);
        serverThreads.shutdownNow(); // also wakes handlers that are still "slow"
    }

    // --- signed requests

    @Test
    public void signedGetIsVerifiedByTheRemote() throws Exception {
        route("/accounts/alice", ex -> respond(ex, 200, ACTOR, "Content-Type", AP_JSON));
        Response response = http.get(base.resolve("/accounts/alice?page=1"), AP_JSON, SIGNER);
        assertEquals(200, response.status());
        assertArrayEquals(ACTOR, response.body());
        assertEquals(AP_JSON, response.header("content-type"));
        assertEquals(base.resolve("/accounts/alice?page=1"), response.uri());
        assertEquals("ok", verified.get("/accounts/alice"));
        assertEquals(AP_JSON, lastHeaders.get("accept"));
        assertEquals("Vidiverse-test/1.0", lastHeaders.get("user-agent"));
    }

    @Test
    public void getWithoutSignerSendsNoSignature() throws Exception {
        route("/public", ex -> respond(ex, 200, ACTOR));
        http.get(base.resolve("/public"), AP_JSON, null);
        assertEquals("no signature", verified.get("/public"));
    }

    @Test
    public void signedPostCarriesADigestTheRemoteVerifies() throws Exception {
        route("/inbox", ex -> respond(ex, 202, new byte[0]));
        byte[] activity = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
        Response response = http.post(base.resolve("/inbox"), AP_JSON, activity, SIGNER);
        assertEquals(202, response.status());
        assertEquals("ok", verified.get("/inbox"));
        assertEquals(AP_JSON, lastHeaders.get("content-type"));
        assertEquals(HttpSignatures.digest(activity), lastHeaders.get("digest"));
    }

    // --- redirects

    @Test
    public void redirectsAreFollowedAndEachHopIsSignedAgain() throws Exception {
        route("/old", ex -> redirect(ex, 302, "/newer"));
        route("/newer", ex -> redirect(ex, 301, base + "/final?x=1"));
        route("/final", ex -> respond(ex, 200, ACTOR));
        Response response = http.get(base.resolve("/old"), AP_JSON, SIGNER);
        assertArrayEquals(ACTOR, response.body());
        assertEquals(base.resolve("/final?x=1"), response.uri());
        assertEquals("ok", verified.get("/old"));
        assertEquals("ok", verified.get("/final"));
    }

    @Test
    public void redirectLoopStopsAtTheLimit() {
        route("/loop", ex -> redirect(ex, 307, "/loop"));
        RemoteException e = expect(Kind.TOO_MANY_REDIRECTS, () -> http.get(base.resolve("/loop"), AP_JSON, SIGNER));
        assertFalse(e.retryable());
        assertEquals(4, hits.get("/loop").get()); // the request and 3 redirects
    }

    @Test
    public void redirectToCloudMetadataIsRefusedWithoutConnecting() {
        route("/evil", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
        expect(Kind.REFUSED_ADDRESS, () -> http.get(base.resolve("/evil"), AP_JSON, SIGNER));
    }

    @Test
    public void redirectWithoutLocationIsAnHttpStatus() {
        route("/nowhere", ex -> respond(ex, 302, new byte[0]));
        assertEquals(302, expect(Kind.HTTP_STATUS, () -> http.get(base.resolve("/nowhere"), AP_JSON, null)).status());
    }

    @Test
    public void postDoesNotFollowRedirects() {
        route("/moved-inbox", ex -> redirect(ex, 308, "/inbox"));
        route("/inbox", ex -> respond(ex, 202, new byte[0]));
        RemoteException e = expect(Kind.HTTP_STATUS,
                () -> http.post(base.resolve("/moved-inbox"), AP_JSON, ACTOR, SIGNER));
        assertEquals(308, e.status());
        assertNull(hits.get("/inbox"));
    }

    // --- the address guard

    @Test
    public void loopbackIsRefusedBeforeAnyConnectionWhenNotAllowed() {
        route("/accounts/alice", ex -> respond(ex, 200, ACTOR));
        try (RemoteHttp strict = new RemoteHttp(settings(false, 1024, 3, Duration.ofSeconds(5)))) {
            expect(Kind.REFUSED_ADDRESS, () -> strict.get(base.resolve("/accounts/alice"), AP_JSON, SIGNER));
            expect(Kind.REFUSED_ADDRESS, () -> strict.post(base.resolve("/accounts/alice"), AP_JSON, ACTOR, SIGNER));
        }
        assertNull(hits.get("/accounts/alice"));
    }

    @Test
    public void nonHttpUrlIsABadUrl() {
        expect(Kind.BAD_URL, () -> http.get(URI.create("file:///etc/passwd"), AP_JSON, null));
    }

    // --- limits

    @Test
    public void bodyAnnouncedOverTheLimitIsTooLarge() {
        route("/big", ex -> respond(ex, 200, new byte[64 * 1024 + 1]));
        RemoteException e = expect(Kind.TOO_LARGE, () -> http.get(base.resolve("/big"), AP_JSON, null));
        assertFalse(e.retryable());
    }

    @Test
    public void streamedBodyOverTheLimitIsTooLarge() {
        route("/stream", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1024]);
                }
            }
        });
        expect(Kind.TOO_LARGE, () -> http.get(base.resolve("/stream"), AP_JSON, null));
    }

    @Test
    public void bodyOfExactlyTheLimitIsAccepted() throws Exception {
        route("/exact", ex -> respond(ex, 200, new byte[64 * 1024]));
        assertEquals(64 * 1024, http.get(base.resolve("/exact"), AP_JSON, null).body().length);
    }

    @Test
    public void slowAnswerTimesOut() {
        route("/slow", ex -> {
            sleep(5_000);
            respond(ex, 200, ACTOR);
        });
        try (RemoteHttp impatient = new RemoteHttp(settings(true, 1024, 3, Duration.ofMillis(300)))) {
            long started = System.nanoTime();
            RemoteException e = expect(Kind.TIMEOUT, () -> impatient.get(base.resolve("/slow"), AP_JSON, null));
            assertTrue(e.retryable());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3_000);
        }
    }

    @Test
    public void bodyThatTricklesPastTheTimeoutTimesOut() {
        route("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write('{');
            out.flush();
            sleep(5_000);
            out.close();
        });
        try (RemoteHttp impatient = new RemoteHttp(settings(true, 1024, 3, Duration.ofMillis(500)))) {
            expect(Kind.TIMEOUT, () -> impatient.get(base.resolve("/trickle"), AP_JSON, null));
        }
    }

    // --- statuses and failures

    @Test
    public void serverErrorsAndThrottlingAreRetryableButNotFoundAndGoneAreNot() {
        for (int status : new int[] {500, 503, 429, 404, 410, 400, 401, 403}) {
            route("/status/" + status, ex -> respond(ex, status, "nope".getBytes(StandardCharsets.UTF_8)));
            RemoteException e = expect(Kind.HTTP_STATUS,
                    () -> http.get(base.resolve("/status/" + status), AP_JSON, SIGNER));
            assertEquals(status, e.status());
            assertEquals("status " + status, status >= 500 || status == 429, e.retryable());
        }
    }

    @Test
    public void postToAFailingInboxIsAnHttpStatus() {
        route("/inbox", ex -> respond(ex, 500, new byte[0]));
        RemoteException e = expect(Kind.HTTP_STATUS, () -> http.post(base.resolve("/inbox"), AP_JSON, ACTOR, SIGNER));
        assertEquals(500, e.status());
        assertTrue(e.retryable());
    }

    @Test
    public void refusedConnectionIsARetryableIoFailure() throws IOException {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort(); // free once closed: nothing listens there
        }
        RemoteException e = expect(Kind.IO, () -> http.get(URI.create("http://127.0.0.1:" + port + "/"), AP_JSON, null));
        assertTrue(e.retryable());
    }

    @Test
    public void interruptionRestoresTheFlagAndIsAnIoFailure() {
        route("/slow", ex -> {
            sleep(5_000);
            respond(ex, 200, ACTOR);
        });
        Thread.currentThread().interrupt();
        try {
            expect(Kind.IO, () -> http.get(base.resolve("/slow"), AP_JSON, null));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    public void closedClientRefusesRequests() {
        http.close();
        http.close(); // idempotent
        expect(Kind.IO, () -> http.get(base.resolve("/x"), AP_JSON, null));
    }

    // --- helpers

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private interface Call {
        void run() throws RemoteException;
    }

    private static Settings settings(boolean allowLoopback, int maxBytes, int maxRedirects, Duration timeout) {
        return new Settings(allowLoopback, false, Duration.ofSeconds(2), timeout, maxBytes, maxRedirects,
                "Vidiverse-test/1.0");
    }

    /** Registers a handler that first records the request and checks its signature, as an inbox would. */
    private void route(String path, Handler handler) {
        HttpHandler recording = exchange -> {
            try {
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                byte[] body = exchange.getRequestBody().readAllBytes();
                Function<String, String> header = HttpSignatures.headerLookup(exchange.getRequestHeaders());
                for (String name : List.of("accept", "user-agent", "content-type", "digest")) {
                    String value = header.apply(name);
                    if (value != null) {
                        lastHeaders.put(name, value);
                    }
                }
                verified.put(path, verify(exchange, header, body));
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        };
        server.createContext(path, recording);
    }

    private static String verify(HttpExchange exchange, Function<String, String> header, byte[] body) {
        try {
            ParsedSignature sig = HttpSignatures.parseRequest(header);
            String method = exchange.getRequestMethod();
            HttpSignatures.verify(sig, method, exchange.getRequestURI().toString(), header,
                    "POST".equals(method) ? body : null, PAIR.getPublic(), Instant.now(), Duration.ofMinutes(1));
            return sig.keyId().equals(KEY_ID) ? "ok" : "wrong key id " + sig.keyId();
        } catch (HttpSignatures.SignatureException e) {
            return e.getMessage();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        respond(exchange, status, new byte[0], "Location", location);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RemoteException expect(Kind kind, Call call) {
        try {
            call.run();
            fail("expected " + kind);
            return null;
        } catch (RemoteException e) {
            assertEquals(e.getMessage(), kind, e.kind());
            return e;
        }
    }
}
