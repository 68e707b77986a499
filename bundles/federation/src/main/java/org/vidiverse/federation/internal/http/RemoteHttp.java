package org.vidiverse.federation.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.federation.internal.http.RemoteException.Kind;

/**
 * The HTTP client for federation traffic: signed GETs of remote objects and signed POSTs to remote inboxes.
 *
 * <p>Everything a remote instance controls is bounded: each URL, including every redirect target, passes the
 * {@link AddressGuard} before a connection is made; bodies are capped at {@link Settings#maxBytes()}; each request,
 * body included, must finish within {@link Settings#requestTimeout()}; redirects are followed by us (never by the
 * JDK) and at most {@link Settings#maxRedirects()} times. Failures come out as {@link RemoteException} with a
 * {@link Kind} and {@link RemoteException#retryable()}, so the delivery queue can decide what to do.
 *
 * <p>Thread-safe; one instance serves the whole bundle. {@link #close()} stops its threads.
 */
public final class RemoteHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHttp.class);
    /** Error and redirect bodies are only read this far: enough for a log line, nothing we act on. */
    private static final int OTHER_BODY_BYTES = 4 * 1024;

    /**
     * @param allowLoopback  allow loopback targets (development and tests only)
     * @param allowPrivate   allow private-network targets (instances on a closed network)
     * @param connectTimeout for establishing a connection
     * @param requestTimeout for one whole request, from sending to the last byte of the body
     * @param maxBytes       the largest response body accepted
     * @param maxRedirects   how many redirects a GET follows
     * @param userAgent      sent on every request, e.g. "Vidiverse/0.1.0 (+https://video.example)"
     */
    public record Settings(boolean allowLoopback, boolean allowPrivate, Duration connectTimeout,
            Duration requestTimeout, int maxBytes, int maxRedirects, String userAgent) {
        public Settings {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
            }
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
            }
            if (userAgent == null || userAgent.isBlank()) {
                throw new IllegalArgumentException("a User-Agent is required");
            }
        }

        /** Public targets only, 10 s to connect, 30 s per request, 10 MiB bodies, 5 redirects. */
        public static Settings defaults(String userAgent) {
            return new Settings(false, false, Duration.ofSeconds(10), Duration.ofSeconds(30), 10 * 1024 * 1024, 5,
                    userAgent);
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }
    }

    /**
     * A successful (2xx) answer.
     *
     * @param headers as received; use {@link #header(String)} to look one up in any case
     * @param uri     the URL that finally answered, after redirects: the one a fetched object must be checked against
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
        /** The first value of a header, the name matched case-insensitively, or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** The actor a request is signed as. */
    public interface Signer {
        /** The key's id as published on the actor, e.g. {@code https://video.example/accounts/peertube#main-key}. */
        String keyId();

        PrivateKey key();
    }

    private final Settings settings;
    private final AddressGuard guard;
    private final Clock clock;
    private final ExecutorService executor;
    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    public RemoteHttp(Settings settings) {
        this(settings, new AddressGuard(settings.allowLoopback(), settings.allowPrivate()), Clock.systemUTC());
    }

    RemoteHttp(Settings settings, AddressGuard guard, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Our own executor, because Java 17's HttpClient cannot be closed: shutting this down is how we stop.
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // we follow them, checking each target
                .executor(executor)
                .build();
    }

    /**
     * GETs a remote resource, signed when a signer is given (servers in Mastodon's "authorized fetch" mode refuse
     * unsigned fetches; signing never hurts), following redirects after checking each target and signing again.
     *
     * @param accept the Accept header, e.g. {@code application/activity+json}
     * @throws RemoteException {@link Kind#HTTP_STATUS} for any non-2xx final status (404 and 410 mean the remote
     *                         object is gone), or a refused address, timeout, oversized body, I/O failure...
     */
    public Response get(URI uri, String accept, Signer signerOrNull) throws RemoteException {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            guard.check(current);
            HttpRequest.Builder request = newRequest(current, "GET", null, signerOrNull).GET();
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpResponse<byte[]> response = send(request.build());
            int status = response.statusCode();
            if (isRedirect(status)) {
                if (redirects >= settings.maxRedirects()) {
                    throw new RemoteException(Kind.TOO_MANY_REDIRECTS,
                            "more than " + settings.maxRedirects() + " redirects from " + uri);
                }
                URI next = redirectTarget(current, response);
                LOG.debug("GET {} redirected ({}) to {}", current, status, next);
                current = next;
                continue;
            }
            return successOrThrow("GET", response);
        }
    }

    /**
     * POSTs a signed body (an activity to an inbox). Redirects are not followed: an inbox that redirects is
     * misconfigured, and re-sending a signed activity elsewhere is not ours to decide.
     *
     * @throws RemoteException {@link Kind#HTTP_STATUS} for any non-2xx status, redirects included, or a refused
     *                         address, timeout, I/O failure...
     */
    public Response post(URI uri, String contentType, byte[] body, Signer signer) throws RemoteException {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signer, "an inbox POST must be signed");
        guard.check(uri);
        HttpRequest request = newRequest(uri, "POST", body, signer)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return successOrThrow("POST", send(request));
    }

    /** Stops the client's threads; requests still running fail. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdownNow();
        }
    }

    private HttpRequest.Builder newRequest(URI uri, String method, byte[] body, Signer signer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                // HTTP/2 only where ALPN negotiates it; no h2c upgrade dance on plain http.
                .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .header("User-Agent", settings.userAgent());
        if (signer != null) {
            HttpSignatures.sign(method, uri, body, signer.keyId(), signer.key(), clock.instant())
                    .forEach((name, value) -> {
                        // The JDK sets Host itself, to the same host[:port] we signed; it refuses to let us set it.
                        if (!name.equals("Host")) {
                            request.header(name, value);
                        }
                    });
        }
        return request;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws RemoteException {
        if (closed.get()) {
            throw new RemoteException(Kind.IO, "federation HTTP client is closed");
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, LimitedBody.handler(settings.maxBytes(), OTHER_BODY_BYTES));
        try {
            // The request timeout only covers the wait for headers; this bounds the body too.
            HttpResponse<byte[]> response = future.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("{} {} -> {} in {} ms", request.method(), request.uri(), response.statusCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RemoteException(Kind.TIMEOUT, request.method() + " " + request.uri() + " took over "
                    + settings.requestTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteException(Kind.IO, request.method() + " " + request.uri() + " interrupted", e);
        } catch (ExecutionException e) {
            throw failure(request, e.getCause());
        }
    }

    private RemoteException failure(HttpRequest request, Throwable error) {
        String what = request.method() + " " + request.uri();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return new RemoteException(Kind.TOO_LARGE, what + ": " + t.getMessage(), error);
            }
            if (t instanceof HttpTimeoutException) { // also HttpConnectTimeoutException
                return new RemoteException(Kind.TIMEOUT, what + ": " + t.getMessage(), error);
            }
        }
        LOG.debug("{} failed", what, error);
        String reason = error instanceof IOException && error.getMessage() != null ? error.getMessage()
                : String.valueOf(error);
        return new RemoteException(Kind.IO, what + ": " + reason, error);
    }

    private static Response successOrThrow(String method, HttpResponse<byte[]> response) throws RemoteException {
        int status = response.statusCode();
        if (status / 100 != 2) {
            LOG.debug("{} {} answered {}", method, response.uri(), status);
            throw RemoteException.httpStatus(status, method + " " + response.uri() + " answered " + status);
        }
        HttpHeaders headers = response.headers();
        return new Response(status, headers.map(), response.body(), response.uri());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) throws RemoteException {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            throw RemoteException.httpStatus(response.statusCode(),
                    "GET " + from + " answered " + response.statusCode() + " without a Location");
        }
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new RemoteException(Kind.BAD_URL, "GET " + from + " redirected to a malformed Location", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "vidiverse-federation-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
