package org.vidiverse.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;


/**
 * Serves the web interface: hashed assets under {@code /assets/} (cached for a year, they never change under a
 * name), and index.html for every page of the application at PeerTube's URLs (revalidated on each visit, so a new
 * build shows at once). The REST servlet owns {@code /*}; the whiteboard gives exact and longer prefix patterns
 * precedence, so these paths never reach it.
 */
public final class WebAppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ALLOW = "GET, HEAD";

    private final transient WebRoot root;
    private final transient Pages pages;

    /** Where the servlet answers; the root {@code /} comes through {@link RootPageFilter}. */
    static final String[] PATTERNS = {"/assets/*", "/videos/recently-added", "/videos/trending",
        "/videos/upload", "/videos/embed/*", "/search", "/w/*", "/a/*", "/c/*", "/login", "/signup",
        "/my-library/*", "/my-account/*", "/admin/*"};

    WebAppServlet(WebRoot root, PageHead head) {
        this.root = root;
        this.pages = new Pages(root, head);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", ALLOW);
            Http.problem(response, 405, "Method Not Allowed", "The web interface's pages are read with GET");
            return;
        }
        String path = Http.path(request);
        if (path.startsWith("/assets/")) {
            Optional<Asset> asset = root.get(path.substring(1));
            if (asset.isEmpty()) {
                Http.problem(response, 404, "Not Found", "No such file of the web interface: " + path);
                return;
            }
            Http.send(request, response, asset.get(), Http.IMMUTABLE, head);
            return;
        }
        Optional<Asset> page = pages.page(path);
        if (page.isEmpty()) {
            Http.problem(response, 404, "Not Found",
                    "The web interface is not built into this instance (built with -Dskip.npm?)");
            return;
        }
        Http.send(request, response, page.get(), Http.NO_CACHE, head);
    }

}
