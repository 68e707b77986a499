package org.vidiverse.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.zip.GZIPInputStream;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The servlet and the filter over real HTTP in an embedded Jetty 9.4 (the version Pax Web 8 runs), mapped with the
 * patterns {@link WebApp} registers, beside a catch-all servlet at {@code /*} standing for the REST servlet.
 */
public class WebAppServletTest {
    private static final String INDEX = "<!doctype html><html><head><title>V</title><!--vid:head--></head>"
            + "<body><div id=app></div></body></html>";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String ACTIVITY = "application/activity+json, application/ld+json";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Server server;
    private int port;
    private String script;

    @Before
    public void start() throws Exception {
        Path root = temp.newFolder("webroot").toPath();
        Files.writeString(root.resolve("index.html"), INDEX);
        Files.createDirectories(root.resolve("assets"));
        script = "console.log('vidiverse');\n".repeat(200);
        Files.writeString(root.resolve("assets/index-Ab12.js"), script);
        WebRoot webRoot = new WebRoot(name -> {
            try {
                Path file = root.resolve(name);
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        PageHead head = path -> path.equals("/w/public1") ? "<meta property=\"og:title\" content=\"Public\">" : "";
        WebAppServlet servlet = new WebAppServlet(webRoot, head);

        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("rest", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("rest " + req.getRequestURI());
            }
        }), "/*");
        ServletHolder web = new ServletHolder("web", servlet);
        context.getServletHandler().addServlet(web);
        org.eclipse.jetty.servlet.ServletMapping mapping = new org.eclipse.jetty.servlet.ServletMapping();
        mapping.setServletName("web");
        mapping.setPathSpecs(WebAppServlet.PATTERNS);
        context.getServletHandler().addServletMapping(mapping);
        FilterHolder filter = new FilterHolder(new ActorPagesFilter(servlet));
        for (String pattern : ActorPagesFilter.PATTERNS) {
            context.addFilter(filter, pattern, EnumSet.of(DispatcherType.REQUEST));
        }
        // the whiteboard matches it by the regular expression ^/$; Jetty's mappings have none, and it checks itself
        context.addFilter(new FilterHolder(new RootPageFilter(servlet)), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @After
    public void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> res) {
        return new String(res.body(), StandardCharsets.UTF_8);
    }

    @Test
    public void theRootIsTheApplicationRevalidatedOnEachVisit() throws Exception {
        HttpResponse<byte[]> res = get("/");
        assertEquals(200, res.statusCode());
        assertEquals(INDEX, text(res));
        assertEquals("no-cache", res.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(res.headers().firstValue("ETag").isPresent());
        assertEquals("rest /", text(send("POST", "/")));
    }

    @Test
    public void everyPageOfTheApplicationServesIndex() throws Exception {
        for (String path : new String[] {"/videos/recently-added", "/videos/trending", "/search?search=cat",
            "/w/3Fx9kQ", "/videos/embed/0a1b2c3d-0000-4000-8000-000000000001", "/a/root", "/c/root_channel/videos",
            "/login", "/signup", "/videos/upload", "/my-library/videos", "/my-library/history/videos",
            "/my-account/settings", "/admin", "/admin/plugins"}) {
            HttpResponse<byte[]> res = get(path);
            assertEquals(path, 200, res.statusCode());
            assertEquals(path, INDEX, text(res));
        }
    }

    @Test
    public void theRestApiKeepsEverythingElse() throws Exception {
        for (String path : new String[] {"/api/v1/config", "/feeds/videos.xml", "/services/oembed", "/loginx",
            "/videos/watch-later", "/accounts/root", "/.well-known/webfinger", "/static/web-videos/x.mp4"}) {
            assertEquals(path, "rest " + path, text(get(path)));
        }
    }

    @Test
    public void assetsAreCachedForAYearAndGzippedForClientsThatAccept() throws Exception {
        HttpResponse<byte[]> plain = get("/assets/index-Ab12.js");
        assertEquals(200, plain.statusCode());
        assertEquals(script, text(plain));
        assertEquals("public, max-age=31536000, immutable", plain.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertNull(plain.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElse(null));

        HttpResponse<byte[]> gz = get("/assets/index-Ab12.js", "Accept-Encoding", "br, gzip;q=0.8");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(gz.body().length < script.length() / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertEquals(script, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse("the two codings have distinct validators",
                gz.headers().firstValue("ETag").equals(plain.headers().firstValue("ETag")));

        HttpResponse<byte[]> refused = get("/assets/index-Ab12.js", "Accept-Encoding", "gzip;q=0");
        assertNull(refused.headers().firstValue("Content-Encoding").orElse(null));
    }

    @Test
    public void aKnownEtagIsAnsweredWithNotModified() throws Exception {
        String etag = get("/assets/index-Ab12.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/assets/index-Ab12.js", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        String pageTag = get("/login").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/my-library/videos", "If-None-Match", "\"other\", " + pageTag).statusCode());
        assertEquals(200, get("/login", "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    public void aMissingAssetIsANotFoundProblem() throws Exception {
        HttpResponse<byte[]> res = get("/assets/index-gone.js");
        assertEquals(404, res.statusCode());
        assertEquals("application/problem+json", res.headers().firstValue("Content-Type").orElse(null));
        assertTrue(text(res).contains("\"status\":404"));
    }

    @Test
    public void headHasTheHeadersWithoutTheBodyAndOtherMethodsAreRefused() throws Exception {
        HttpResponse<byte[]> head = send("HEAD", "/assets/index-Ab12.js");
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(script.length()), head.headers().firstValue("Content-Length").orElse(null));
        assertEquals(0, head.body().length);
        HttpResponse<byte[]> post = send("POST", "/login");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(null));
    }

    @Test
    public void watchPagesCarryTheirHeadTags() throws Exception {
        String page = text(get("/w/public1"));
        assertTrue(page, page.contains("<head><title>V</title><meta property=\"og:title\" content=\"Public\"></head>"));
        assertEquals(INDEX, text(get("/w/private2")));
    }

    @Test
    public void browsersAtActorIdsAreSentToTheirPages() throws Exception {
        HttpResponse<byte[]> account = get("/accounts/root", "Accept", BROWSER);
        assertEquals(302, account.statusCode());
        assertEquals("/a/root", account.headers().firstValue("Location").orElse(null));
        assertEquals("Accept", account.headers().firstValue("Vary").orElse(null));
        HttpResponse<byte[]> channel = get("/video-channels/root_channel", "Accept", BROWSER);
        assertEquals("/c/root_channel", channel.headers().firstValue("Location").orElse(null));
    }

    @Test
    public void browsersAtVideoIdsGetTheWatchPage() throws Exception {
        HttpResponse<byte[]> res = get("/videos/watch/0a1b2c3d-0000-4000-8000-000000000001", "Accept", BROWSER);
        assertEquals(200, res.statusCode());
        assertEquals(INDEX, text(res));
        assertTrue(res.headers().allValues("Vary").toString(), res.headers().allValues("Vary").contains("Accept"));
    }

    @Test
    public void serversAndDeeperPathsReachActivityPub() throws Exception {
        assertEquals("rest /accounts/root", text(get("/accounts/root", "Accept", ACTIVITY)));
        assertEquals("rest /accounts/root", text(get("/accounts/root")));   // no Accept: the document
        assertEquals("rest /accounts/root", text(get("/accounts/root", "Accept", "application/json")));
        assertEquals("rest /accounts/root/outbox", text(get("/accounts/root/outbox", "Accept", BROWSER)));
        assertEquals("rest /videos/watch/abc/comments", text(get("/videos/watch/abc/comments", "Accept", BROWSER)));
        assertEquals("rest /accounts/root", text(send("POST", "/accounts/root", "Accept", BROWSER)));
    }
}
