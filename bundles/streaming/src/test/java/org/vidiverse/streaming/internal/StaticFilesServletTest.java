package org.vidiverse.streaming.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.model.VideoPrivacy;

/**
 * The servlet over real HTTP in an embedded Jetty 9.4 (the version Pax Web 8 runs), mapped as the whiteboard maps
 * it: its patterns beside a catch-all servlet at {@code /*} standing for the REST servlet. Runs once with the
 * direct-buffer body writer and once with the heap stream one.
 */
@org.junit.runner.RunWith(org.junit.runners.Parameterized.class)
public class StaticFilesServletTest {
    private static final String HLS_UUID = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";
    private static final String PRIVATE_UUID = "22222222-2222-4222-8222-222222222222";
    private static final int SIZE = 300_000;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final BodyWriter writer;

    @org.junit.runners.Parameterized.Parameters(name = "{0}")
    public static List<Object[]> writers() {
        return List.of(new Object[] {"direct", BodyWriter.best()}, new Object[] {"stream", BodyWriter.STREAM});
    }

    public StaticFilesServletTest(String name, BodyWriter writer) {
        this.writer = writer;
    }
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Server server;
    private int port;
    private Fixtures fx;
    private byte[] video;

    @Before
    public void start() throws Exception {
        assertEquals("Jetty is on the test class path, so the direct writer is chosen",
                DirectBodyWriter.class, BodyWriter.best().getClass());
        Path root = temp.newFolder("media").toPath();
        fx = new Fixtures(root);
        fx.video(1, HLS_UUID, "Été à Paris", VideoPrivacy.PUBLIC);
        fx.video(2, PRIVATE_UUID, "Secret", VideoPrivacy.PRIVATE);
        fx.file(10, 1, 720, "abc-720.mp4", false, "abc-720.torrent");
        fx.file(11, 1, 720, "abc-720-fragmented.mp4", true, null);
        fx.file(20, 2, 480, "priv-480.mp4", false, null);
        video = new byte[SIZE];
        new Random(1).nextBytes(video);
        write(fx.storage.webVideos().resolve("abc-720.mp4"), video);
        write(fx.storage.webVideos().resolve("priv-480.mp4"), video);
        write(fx.storage.hls(HLS_UUID).resolve("abc-720-fragmented.mp4"), video);
        write(fx.storage.hls(HLS_UUID).resolve(HLS_UUID + "-master.m3u8"), "#EXTM3U\n".getBytes());
        write(fx.storage.hls(HLS_UUID).resolve(HLS_UUID + "-segments-sha256.json"), "{}".getBytes());
        write(fx.storage.torrents().resolve("abc-720.torrent"), "d4:infodee".getBytes());
        write(fx.storage.thumbnails().resolve("thumb.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8});
        write(temp.getRoot().toPath().resolve("secret.txt"), "TOP-SECRET".getBytes());

        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder files = new ServletHolder(new StaticFilesServlet(fx.resolver(), writer));
        for (MediaRoute route : MediaRoute.values()) {
            context.addServlet(files, route.pattern());
        }
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(404);
                resp.getWriter().write("rest:" + req.getRequestURI());
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @After
    public void stop() throws Exception {
        server.stop();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_123L));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    public void wholeFileWithItsHeaders() throws Exception {
        HttpResponse<byte[]> r = get("/static/web-videos/abc-720.mp4");
        assertEquals(200, r.statusCode());
        assertArrayEquals(video, r.body());
        assertEquals("video/mp4", header(r, "Content-Type"));
        assertEquals(String.valueOf(SIZE), header(r, "Content-Length"));
        assertEquals("bytes", header(r, "Accept-Ranges"));
        assertEquals(Validators.of(SIZE, 1_700_000_000_123L).etag(), header(r, "ETag"));
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", header(r, "Last-Modified"));
        assertEquals(MediaTypes.STATIC, header(r, "Cache-Control"));
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertTrue(header(r, "Access-Control-Expose-Headers").contains("Content-Range"));
    }

    @Test
    public void headHasTheHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> r = send("HEAD", "/static/web-videos/abc-720.mp4", "Range", "bytes=0-9");
        assertEquals("Range is ignored on HEAD", 200, r.statusCode());
        assertEquals(String.valueOf(SIZE), header(r, "Content-Length"));
        assertEquals(0, r.body().length);
        assertEquals("video/mp4", header(r, "Content-Type"));
    }

    @Test
    public void singleRangesAnswer206() throws Exception {
        HttpResponse<byte[]> first = get("/static/web-videos/abc-720.mp4", "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + SIZE, header(first, "Content-Range"));
        assertEquals("100", header(first, "Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(video, 0, 100), first.body());

        HttpResponse<byte[]> suffix = get("/static/web-videos/abc-720.mp4", "Range", "bytes=-100");
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (SIZE - 100) + "-" + (SIZE - 1) + "/" + SIZE, header(suffix, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(video, SIZE - 100, SIZE), suffix.body());

        HttpResponse<byte[]> open = get("/static/web-videos/abc-720.mp4", "Range", "bytes=100000-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, 100_000, SIZE), open.body());
    }

    @Test
    public void unsatisfiableRangeAnswers416WithTheSize() throws Exception {
        HttpResponse<byte[]> r = get("/static/web-videos/abc-720.mp4", "Range", "bytes=" + SIZE + "-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */" + SIZE, header(r, "Content-Range"));
        assertEquals(Problems.PROBLEM_JSON, header(r, "Content-Type"));
        assertTrue(text(r), text(r).contains("\"status\":416"));
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
    }

    @Test
    public void malformedAndMultipleRangesGetTheWholeFile() throws Exception {
        for (String range : new String[] {"bytes=abc", "bytes=10-5", "pages=0-1", "bytes=0-9,20-29"}) {
            HttpResponse<byte[]> r = get("/static/web-videos/abc-720.mp4", "Range", range);
            assertEquals(range, 200, r.statusCode());
            assertArrayEquals(range, video, r.body());
        }
    }

    @Test
    public void validatorsAnswer304() throws Exception {
        String etag = header(get("/static/web-videos/abc-720.mp4"), "ETag");
        HttpResponse<byte[]> byTag = get("/static/web-videos/abc-720.mp4", "If-None-Match", etag);
        assertEquals(304, byTag.statusCode());
        assertEquals(0, byTag.body().length);
        assertEquals(etag, header(byTag, "ETag"));
        assertEquals(200, get("/static/web-videos/abc-720.mp4", "If-None-Match", "\"stale\"").statusCode());
        assertEquals(304, get("/static/web-videos/abc-720.mp4", "If-Modified-Since",
                "Tue, 14 Nov 2023 22:13:20 GMT").statusCode());
        assertEquals(412, get("/static/web-videos/abc-720.mp4", "If-Match", "\"stale\"").statusCode());
    }

    @Test
    public void ifRangeServesThePartOnlyForTheSameFile() throws Exception {
        String etag = header(get("/static/web-videos/abc-720.mp4"), "ETag");
        assertEquals(206, get("/static/web-videos/abc-720.mp4", "Range", "bytes=0-9", "If-Range", etag).statusCode());
        HttpResponse<byte[]> changed = get("/static/web-videos/abc-720.mp4", "Range", "bytes=0-9", "If-Range",
                "\"older\"");
        assertEquals(200, changed.statusCode());
        assertArrayEquals(video, changed.body());
    }

    @Test
    public void contentTypesAndCachingByKind() throws Exception {
        String hls = "/static/streaming-playlists/hls/" + HLS_UUID + "/";
        HttpResponse<byte[]> playlist = get(hls + HLS_UUID + "-master.m3u8");
        assertEquals(200, playlist.statusCode());
        assertEquals("application/vnd.apple.mpegurl", header(playlist, "Content-Type"));
        assertEquals(MediaTypes.REVALIDATE, header(playlist, "Cache-Control"));
        assertEquals("application/json", header(get(hls + HLS_UUID + "-segments-sha256.json"), "Content-Type"));
        HttpResponse<byte[]> segment = get(hls + "abc-720-fragmented.mp4", "Range", "bytes=1000-1999");
        assertEquals(206, segment.statusCode());
        assertEquals(MediaTypes.IMMUTABLE, header(segment, "Cache-Control"));
        assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), segment.body());
        HttpResponse<byte[]> torrent = get("/lazy-static/torrents/abc-720.torrent");
        assertEquals("application/x-bittorrent", header(torrent, "Content-Type"));
        assertEquals(MediaTypes.IMMUTABLE, header(torrent, "Cache-Control"));
        assertEquals("image/jpeg", header(get("/lazy-static/thumbnails/thumb.jpg"), "Content-Type"));
    }

    @Test
    public void downloadsAreAttachmentsWithAReadableName() throws Exception {
        HttpResponse<byte[]> web = get("/download/web-videos/abc-720.mp4");
        assertEquals(200, web.statusCode());
        assertArrayEquals(video, web.body());
        assertEquals("attachment; filename=\"_t_ _ Paris-720p.mp4\"; "
                + "filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Paris-720p.mp4", header(web, "Content-Disposition"));
        HttpResponse<byte[]> hls = get("/download/streaming-playlists/hls/videos/abc-720-fragmented.mp4");
        assertEquals(200, hls.statusCode());
        assertTrue(header(hls, "Content-Disposition").startsWith("attachment;"));
    }

    @Test
    public void unknownFilesAre404ProblemJson() throws Exception {
        HttpResponse<byte[]> r = get("/static/web-videos/nothing-720.mp4");
        assertEquals(404, r.statusCode());
        assertEquals(Problems.PROBLEM_JSON, header(r, "Content-Type"));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"File not found\","
                + "\"error\":\"File not found\"}", text(r));
        assertEquals(404, get("/static/web-videos/").statusCode());
    }

    @Test
    public void privateFilesNeedTheOwnersToken() throws Exception {
        HttpResponse<byte[]> anonymous = get("/static/web-videos/priv-480.mp4");
        assertEquals(403, anonymous.statusCode());
        assertEquals(Problems.PROBLEM_JSON, header(anonymous, "Content-Type"));
        assertEquals(403, get("/static/web-videos/priv-480.mp4", "Authorization", "Bearer " + Fixtures.OTHER_TOKEN)
                .statusCode());
        HttpResponse<byte[]> owner = get("/static/web-videos/priv-480.mp4", "Authorization",
                "Bearer " + Fixtures.OWNER_TOKEN);
        assertEquals(200, owner.statusCode());
        assertArrayEquals(video, owner.body());
        assertEquals(MediaTypes.PRIVATE, header(owner, "Cache-Control"));
    }

    @Test
    public void traversalNeverReachesAFileOutsideTheFolder() throws Exception {
        for (String path : new String[] {
                "/static/web-videos/../../secret.txt",
                "/static/web-videos/%2e%2e/%2e%2e/secret.txt",
                "/static/web-videos/%2E%2E%2F%2E%2E%2Fsecret.txt",
                "/static/web-videos/..%2f..%2fsecret.txt",
                "/static/web-videos/..%5c..%5csecret.txt",
                "/static/web-videos//etc/passwd",
                "/static/web-videos/%2fetc%2fpasswd",
                "/static/streaming-playlists/hls/" + HLS_UUID + "/../../../../secret.txt",
                "/static/streaming-playlists/hls/..%2f..%2f..%2fsecret.txt/x",
                "/lazy-static/thumbnails/.%2e/.%2e/secret.txt",
                "/static/web-videos/abc-720.mp4%00.jpg"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertFalse(path + " -> " + answer, answer.contains("TOP-SECRET") || answer.contains("root:"));
            assertTrue(path + " -> " + status, status.matches("HTTP/1\\.1 (400|404) .*"));
        }
    }

    @Test
    public void apiRoutesStillReachTheCatchAllServlet() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/config");
        assertEquals("rest:/api/v1/config", text(r));
        assertEquals("rest:/static/other/x", text(get("/static/other/x")));
    }

    @Test
    public void preflightAndOtherMethods() throws Exception {
        HttpResponse<byte[]> preflight = send("OPTIONS", "/static/web-videos/abc-720.mp4",
                "Origin", "https://player.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "range");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Range"));
        HttpResponse<byte[]> post = send("POST", "/static/web-videos/abc-720.mp4");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD, OPTIONS", header(post, "Allow"));
    }

    @Test
    public void largeFilesCrossBufferBoundariesIntact() throws Exception {
        int size = 8 * BodyWriter.BUFFER + 123_457;
        byte[] big = new byte[size];
        new Random(2).nextBytes(big);
        fx.file(12, 1, 1080, "big-1080.mp4", false, null);
        write(fx.storage.webVideos().resolve("big-1080.mp4"), big);
        HttpResponse<byte[]> whole = get("/static/web-videos/big-1080.mp4");
        assertEquals(200, whole.statusCode());
        assertArrayEquals(big, whole.body());
        long from = 8L * BodyWriter.BUFFER - 1000;
        HttpResponse<byte[]> across = get("/static/web-videos/big-1080.mp4", "Range",
                "bytes=" + from + "-" + (8L * BodyWriter.BUFFER + 999));
        assertEquals(206, across.statusCode());
        assertArrayEquals(Arrays.copyOfRange(big, (int) from, 8 * BodyWriter.BUFFER + 1000), across.body());
    }

    /** Sends bytes as they are, so the path reaches the server without any client-side normalisation. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
