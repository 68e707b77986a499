package org.vidiverse.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.media.TorrentMaker;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Media files over HTTP on the real distribution: the static file servlet's whiteboard patterns win over the REST
 * servlet at {@code /*} (longest prefix), and files come back with ranges, validators, types, CORS and access checks.
 *
 * <p>The media bundle that provides {@link MediaStorage} may not be in this distribution yet, so the test registers
 * one itself, rooted where that bundle puts media by default ({@code ${karaf.data}/media}), with the highest ranking
 * so the servlet (which takes the best ranked storage) uses it either way. Files are written there directly and
 * recorded through {@link VideoStore}, as the transcoding pipeline will do.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StreamingIT {
    private static final int PORT = 9188;
    private static final int SIZE = 1_000_000;
    /** Registered once per container; tests of the class share it. */
    private static volatile Path media;

    @Inject
    BundleContext context;
    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    TorrentMaker torrents;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT);
    }

    @Before
    public void mediaStorage() {
        synchronized (StreamingIT.class) {
            if (media == null) {
                Path root = Path.of(System.getProperty("karaf.data"), "media").toAbsolutePath();
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
                MediaStorage storage = () -> root;
                context.registerService(MediaStorage.class, storage, props);
                media = root;
            }
        }
    }

    private MediaStorage storage() {
        Path root = media;
        return () -> root;
    }

    private long rootChannel() {
        User root = users.findByUsername("root").orElseThrow();
        return channels.channelsOf(root.accountId()).get(0).id();
    }

    private Video video(String name, VideoPrivacy privacy) {
        return videos.create(new NewVideo(rootChannel(), name, null, null, privacy, VideoState.PUBLISHED, 10, null,
                null, null, List.of(), false, true, true, false));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The servlet registers once the storage service is there; wait until a known file answers. */
    private HttpResponse<byte[]> awaitFile(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<byte[]> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notYetListening) {
                // the port opens a moment after the container is ready
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never answered 200; last: " + (last == null ? null : last.statusCode()));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    /** A public video with a web video file of {@link #SIZE} random bytes; returns the file's URL path. */
    private String publicWebVideo(Video v, byte[] bytes) throws Exception {
        String filename = UUID.randomUUID() + "-720.mp4";
        write(storage().webVideos().resolve(filename), bytes);
        videos.addFile(v.id(), 720, bytes.length, 30, ".mp4", filename);
        return "/static/web-videos/" + filename;
    }

    @Test
    public void webVideoWithRangesValidatorsAndCors() throws Exception {
        byte[] bytes = random(SIZE, 1);
        String path = publicWebVideo(video("Ranges", VideoPrivacy.PUBLIC), bytes);

        HttpResponse<byte[]> full = awaitFile(path);
        assertArrayEquals(bytes, full.body());
        assertEquals("video/mp4", header(full, "Content-Type"));
        assertEquals("bytes", header(full, "Accept-Ranges"));
        assertEquals("*", header(full, "Access-Control-Allow-Origin"));
        assertTrue(header(full, "Cache-Control"), header(full, "Cache-Control").startsWith("public"));
        String etag = header(full, "ETag");
        assertTrue(etag, etag.matches("\"[0-9a-f]+-[0-9a-f]+\""));

        HttpResponse<byte[]> head = send("HEAD", path);
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(SIZE), header(head, "Content-Length"));
        assertEquals(0, head.body().length);

        HttpResponse<byte[]> first = get(path, "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + SIZE, header(first, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, 100), first.body());
        HttpResponse<byte[]> suffix = get(path, "Range", "bytes=-100");
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (SIZE - 100) + "-" + (SIZE - 1) + "/" + SIZE, header(suffix, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, SIZE - 100, SIZE), suffix.body());
        HttpResponse<byte[]> open = get(path, "Range", "bytes=500000-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(bytes, 500_000, SIZE), open.body());

        HttpResponse<byte[]> past = get(path, "Range", "bytes=" + SIZE + "-");
        assertEquals(416, past.statusCode());
        assertEquals("bytes */" + SIZE, header(past, "Content-Range"));
        assertTrue(header(past, "Content-Type").startsWith("application/problem+json"));

        HttpResponse<byte[]> notModified = get(path, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(200, get(path, "If-None-Match", "\"other\"").statusCode());
        assertEquals(304, get(path, "If-Modified-Since", header(full, "Last-Modified")).statusCode());

        HttpResponse<byte[]> download = get(path.replace("/static/", "/download/"));
        assertEquals(200, download.statusCode());
        assertEquals("attachment; filename=\"Ranges-720p.mp4\"; filename*=UTF-8''Ranges-720p.mp4",
                header(download, "Content-Disposition"));
    }

    @Test
    public void hlsTorrentsAndThumbnailsWithTheirTypes() throws Exception {
        Video v = video("Playlists", VideoPrivacy.UNLISTED);
        byte[] fragmented = random(300_000, 2);
        String fileUuid = UUID.randomUUID().toString();
        Path hls = storage().hls(v.uuid());
        write(hls.resolve(v.uuid() + "-master.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720.m3u8\n".getBytes());
        write(hls.resolve(v.uuid() + "-segments-sha256.json"), "{}".getBytes());
        write(hls.resolve(fileUuid + "-720-fragmented.mp4"), fragmented);
        write(storage().thumbnails().resolve(v.uuid() + ".jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        String base = "/static/streaming-playlists/hls/" + v.uuid() + "/";
        HttpResponse<byte[]> master = awaitFile(base + v.uuid() + "-master.m3u8");
        assertEquals("application/vnd.apple.mpegurl", header(master, "Content-Type"));
        assertEquals("*", header(master, "Access-Control-Allow-Origin"));
        assertEquals("application/json", header(get(base + v.uuid() + "-segments-sha256.json"), "Content-Type"));
        HttpResponse<byte[]> segment = get(base + fileUuid + "-720-fragmented.mp4", "Range", "bytes=1000-1999");
        assertEquals(206, segment.statusCode());
        assertEquals("video/mp4", header(segment, "Content-Type"));
        assertTrue(header(segment, "Cache-Control"), header(segment, "Cache-Control").contains("immutable"));
        assertArrayEquals(Arrays.copyOfRange(fragmented, 1000, 2000), segment.body());
        assertEquals("image/jpeg", header(get("/lazy-static/thumbnails/" + v.uuid() + ".jpg"), "Content-Type"));

        // a torrent made by the instance's TorrentMaker, recorded on the web video it describes
        byte[] mp4 = random(200_000, 3);
        String webPath = publicWebVideo(v, mp4);
        String filename = webPath.substring(webPath.lastIndexOf('/') + 1);
        String torrentName = filename.replace(".mp4", ".torrent");
        TorrentMaker.Torrent torrent = torrents.make(storage().webVideos().resolve(filename), "Playlists 720p.mp4",
                List.of("http://localhost:" + PORT + webPath), List.of(), storage().torrents().resolve(torrentName));
        VideoFile file = videos.findFileByFilename(filename).orElseThrow();
        videos.setTorrent(file.id(), torrentName, torrent.infoHash());
        HttpResponse<byte[]> got = get("/lazy-static/torrents/" + torrentName);
        assertEquals(200, got.statusCode());
        assertEquals("application/x-bittorrent", header(got, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(torrent.file()), got.body());
        String text = new String(got.body(), StandardCharsets.ISO_8859_1);
        assertTrue(text, text.contains("ws://localhost:" + PORT + "/tracker/socket"));
        assertTrue(text, text.contains("8:url-listl"));
        assertTrue(torrent.magnetUri(), torrent.magnetUri().startsWith("magnet:?xt=urn:btih:" + torrent.infoHash()));
    }

    @Test
    public void privateVideoFilesNeedTheOwnersOrAModeratorsToken() throws Exception {
        String openPath = publicWebVideo(video("Open", VideoPrivacy.PUBLIC), random(1000, 4));
        awaitFile(openPath);
        Video hidden = video("Hidden", VideoPrivacy.PRIVATE);
        byte[] bytes = random(5000, 5);
        String filename = UUID.randomUUID() + "-480.mp4";
        write(storage().webVideos().resolve(filename), bytes);
        videos.addFile(hidden.id(), 480, bytes.length, 30, ".mp4", filename);
        write(storage().hls(hidden.uuid()).resolve(hidden.uuid() + "-master.m3u8"), "#EXTM3U\n".getBytes());

        String root = rootToken();
        for (String path : List.of("/static/web-videos/" + filename,
                "/static/streaming-playlists/hls/" + hidden.uuid() + "/" + hidden.uuid() + "-master.m3u8")) {
            HttpResponse<byte[]> anonymous = get(path);
            assertEquals(path, 403, anonymous.statusCode());
            assertTrue(header(anonymous, "Content-Type").startsWith("application/problem+json"));
            assertEquals(403, json(anonymous).path("status").asInt());
            assertEquals(403, get(path, "Authorization", "Bearer not-a-token").statusCode());
            HttpResponse<byte[]> asRoot = get(path, "Authorization", "Bearer " + root);
            assertEquals(path, 200, asRoot.statusCode());
            assertTrue(header(asRoot, "Cache-Control").startsWith("private"));
        }
        assertArrayEquals(bytes, get("/static/web-videos/" + filename, "Authorization", "Bearer " + root).body());
    }

    @Test
    public void unknownFilesAndTraversalAreRefused() throws Exception {
        String openPath = publicWebVideo(video("Neighbour", VideoPrivacy.PUBLIC), random(1000, 6));
        awaitFile(openPath);
        write(Path.of(System.getProperty("karaf.data"), "secret.txt"), "TOP-SECRET".getBytes());

        HttpResponse<byte[]> unknown = get("/static/web-videos/" + UUID.randomUUID() + "-720.mp4");
        assertEquals(404, unknown.statusCode());
        assertTrue(header(unknown, "Content-Type").startsWith("application/problem+json"));
        assertEquals(404, json(unknown).path("status").asInt());

        for (String path : List.of("/static/web-videos/../secret.txt", "/static/web-videos/%2e%2e/secret.txt",
                "/static/web-videos/%2e%2e%2fsecret.txt", "/static/web-videos/..%2f..%2fetc%2fusers.properties",
                "/lazy-static/thumbnails/%2E%2E/%2E%2E/secret.txt", "/static/web-videos//etc/passwd",
                "/static/streaming-playlists/hls/..%2f..%2f/secret.txt",
                "/download/web-videos/..%5c..%5csecret.txt")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertFalse(path + " -> " + answer, answer.contains("TOP-SECRET") || answer.contains("root:"));
            assertTrue(path + " -> " + status, status.matches("HTTP/1\\.1 (400|404) .*"));
        }
    }

    @Test
    public void apiRoutesStillWorkBesideTheFileServlet() throws Exception {
        Video v = video("Beside", VideoPrivacy.PUBLIC);
        awaitFile(publicWebVideo(v, random(1000, 7)));
        HttpResponse<byte[]> config = get("/api/v1/config");
        assertEquals(200, config.statusCode());
        assertTrue(header(config, "Content-Type").startsWith("application/json"));
        assertEquals("6.3.0", json(config).path("serverVersion").asText());
        assertEquals(v.uuid(), json(get("/api/v1/videos/" + v.uuid())).path("uuid").asText());
        HttpResponse<byte[]> other = get("/static/not-media/x.mp4");
        assertEquals("paths beside the media prefixes still go to REST", 404, other.statusCode());
        assertTrue(header(other, "Content-Type").startsWith("application/problem+json"));
    }

    private String rootToken() throws Exception {
        return new Http(PORT).login("root", Distribution.ROOT_PASSWORD);
    }

    /** Bytes sent as they are, so the path reaches the server without client-side normalisation. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", PORT)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
