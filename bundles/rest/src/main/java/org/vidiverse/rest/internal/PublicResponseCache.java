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
 * {@link org.vidiverse.api.store.VideoStore#changeCount()}) and for at most {@value #MAX_AGE_MILLIS} ms, which bounds
 * how stale view and like counts, and other nodes' writes, can be. One request per key builds the answer while the
 * others wait for it. Requests with a token are never cached: their answers depend on who asks.
 */
final class PublicResponseCache {
    static final long MAX_AGE_MILLIS = 2_000;
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_BODY_BYTES = 512 * 1024;
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

    private final ConcurrentHashMap<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();

    /** The cache key of a request that may be answered from here, else {@code null}. */
    static String keyOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null
                || !CACHEABLE.matcher(request.getRequestURI()).matches()) {
            return null;
        }
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /** Answers from a fresh entry of {@code key}, or lets {@code handler} answer and keeps a 200 answer. */
    void serve(String key, long generation, HttpServletResponse response, Handler handler)
            throws ServletException, IOException {
        for (;;) {
            CompletableFuture<Entry> known = entries.get(key);
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            if (known == null) {
                if (entries.putIfAbsent(key, mine) != null) {
                    continue;
                }
            } else {
                Entry e = await(known);
                if (e != null && e.generation() == generation
                        && System.nanoTime() - e.madeAtNanos() < MAX_AGE_MILLIS * 1_000_000L) {
                    write(response, e, "hit");
                    return;
                }
                if (e == null && !known.isDone()) {   // the other request takes too long: answer alone
                    handler.handle(response);
                    return;
                }
                if (!entries.replace(key, known, mine)) {
                    continue;
                }
            }
            build(key, generation, response, handler, mine);
            return;
        }
    }

    private void build(String key, long generation, HttpServletResponse response, Handler handler,
                       CompletableFuture<Entry> mine) throws ServletException, IOException {
        Capture capture = new Capture(response);
        try {
            handler.handle(capture);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.complete(null);
            throw e;
        }
        byte[] body = capture.body();
        if (capture.getStatus() == HttpServletResponse.SC_OK && body.length <= MAX_BODY_BYTES) {
            if (entries.size() > MAX_ENTRIES) {
                entries.keySet().removeIf(k -> !k.equals(key));
            }
            java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
            for (String name : capture.getHeaderNames()) {
                if (!OWN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    headers.put(name, java.util.List.copyOf(capture.getHeaders(name)));
                }
            }
            Entry e = new Entry(capture.getContentType(), java.util.Map.copyOf(headers), body, generation,
                    System.nanoTime());
            mine.complete(e);
            write(response, e, "miss");
        } else {
            entries.remove(key, mine);
            mine.complete(null);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static void write(HttpServletResponse response, Entry e, String how) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        if (!"miss".equals(how)) {   // the answer that filled the entry has its headers already
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
