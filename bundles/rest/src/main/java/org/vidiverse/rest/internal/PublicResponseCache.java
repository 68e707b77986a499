package org.vidiverse.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * The answers of anonymous requests for public video lists ({@code GET /api/v1/videos}, the video search, an
 * account's or a channel's videos), kept as the bytes sent. These are the pages everyone asks for, the same for every
 * anonymous client, and building one (query, 25 videos, JSON) costs milliseconds of CPU that a busy instance pays
 * thousands of times a second.
 *
 * <p>An answer is served again only while no video write has committed since it was made (the generation of
 * {@link org.vidiverse.api.store.VideoStore#changeCount()}) and for about {@value #MAX_AGE_MILLIS} ms, which bounds
 * how stale view and like counts, and other nodes' writes, can be. One request per key builds an answer at a time.
 * Requests with a token are never cached: their answers depend on who asks.
 */
final class PublicResponseCache {
    static final long MAX_AGE_MILLIS = 2_000;
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_BODY_BYTES = 512 * 1024;
    /**
     * All bodies together: distinct searches are cheap to ask for, so without a budget anyone could fill the heap.
     * Past it everything is forgotten at once; the popular pages come back within a request each.
     */
    static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    /** Tells clients and tests whether an answer came from here. */
    static final String HEADER = "X-Vidiverse-Cache";
    private static final long WAIT_MILLIS = 2_000;
    private static final Pattern CACHEABLE = Pattern.compile(
            "/api/v1/(videos|search/videos|(accounts|video-channels)/[^/]+/videos)");

    private record Entry(String contentType, java.util.Map<String, java.util.List<String>> headers, byte[] body,
                         long generation, long madeAtNanos) {
    }

    /** Headers the container or this class sets for every answer; the others are replayed with the body. */
    private static final java.util.Set<String> OWN_HEADERS = java.util.Set.of("content-length", "content-type", "date",
            "x-vidiverse-cache", "transfer-encoding", "connection");

    /** The rest of the request's handling, writing to {@code response}. */
    interface Handler {
        void handle(HttpServletResponse response) throws ServletException, IOException;
    }

    private final long maxAgeNanos;

    PublicResponseCache() {
        this(MAX_AGE_MILLIS);
    }

    PublicResponseCache(long maxAgeMillis) {
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
    }

    private final java.util.concurrent.atomic.AtomicLong totalBytes = new java.util.concurrent.atomic.AtomicLong();
    /** The last answer of each key. */
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Answers being built, one per key at a time. */
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> builds = new ConcurrentHashMap<>();

    /** The cache key of a request that may be answered from here, else {@code null}. */
    static String keyOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null
                || !CACHEABLE.matcher(request.getRequestURI()).matches()) {
            return null;
        }
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /**
     * Answers from the entry of {@code key} when it is fresh, or lets {@code handler} answer and keeps a 200 answer.
     * An entry only too old (no write since) is still served while one request builds its successor, so that
     * clients never queue behind the rebuild of a popular page; after a write, requests wait for the new answer.
     */
    void serve(String key, long generation, HttpServletResponse response, Handler handler)
            throws ServletException, IOException {
        Entry e = entries.get(key);
        if (e != null && e.generation() == generation) {
            if (System.nanoTime() - e.madeAtNanos() < maxAgeNanos) {
                write(response, e, "hit");
                return;
            }
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            if (builds.putIfAbsent(key, mine) == null) {
                build(key, generation, response, handler, mine);
            } else {
                write(response, e, "stale");   // at most MAX_AGE plus one build old, and no write since
            }
            return;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = builds.putIfAbsent(key, mine);
        if (running == null) {
            build(key, generation, response, handler, mine);
            return;
        }
        Entry built = await(running);
        if (built != null && built.generation() == generation) {
            write(response, built, "hit");
        } else {
            handler.handle(response);   // the other build failed, is too slow or predates a write: answer alone
        }
    }

    private void build(String key, long generation, HttpServletResponse response, Handler handler,
                       CompletableFuture<Entry> mine) throws ServletException, IOException {
        Entry made = null;
        try {
            Capture capture = new Capture(response);
            handler.handle(capture);
            byte[] body = capture.body();
            if (capture.getStatus() == HttpServletResponse.SC_OK && body.length <= MAX_BODY_BYTES) {
                java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
                for (String name : capture.getHeaderNames()) {
                    if (!OWN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        headers.put(name, java.util.List.copyOf(capture.getHeaders(name)));
                    }
                }
                made = new Entry(capture.getContentType(), java.util.Map.copyOf(headers), body, generation,
                        System.nanoTime());
                remember(key, made);
                write(response, made, "miss");
            } else {
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        } finally {
            builds.remove(key, mine);
            mine.complete(made);
        }
    }

    private void remember(String key, Entry made) {
        if (entries.size() >= MAX_ENTRIES || totalBytes.get() + made.body().length > MAX_TOTAL_BYTES) {
            entries.clear();
            totalBytes.set(0);
        }
        Entry previous = entries.put(key, made);
        totalBytes.addAndGet(made.body().length - (previous == null ? 0 : previous.body().length));
    }

    /** Bytes of the bodies held now, near enough: a clear racing a put may leave it off by one body. */
    long heldBytes() {
        return totalBytes.get();
    }

    private static void write(HttpServletResponse response, Entry e, String how) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        if (!"miss".equals(how)) {   // the answer that made the entry has its headers already
            e.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        }
        if (e.contentType() != null) {
            response.setContentType(e.contentType());
        }
        response.setHeader(HEADER, how);
        response.setContentLength(e.body().length);
        response.getOutputStream().write(e.body());
    }

    private static Entry await(CompletableFuture<Entry> f) {
        try {
            return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Keeps the body in memory; status and headers go to the real response as they are set. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("cached answers are written synchronously");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String charset = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(bytes, charset == null ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(charset)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // nothing goes out before the whole body is known
        }

        @Override
        public void setContentLength(int length) {
            // the real length is set when the body is written
        }

        @Override
        public void setContentLengthLong(long length) {
            // likewise
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
