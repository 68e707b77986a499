package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.media.MediaStorage;
import org.vidiverse.api.monetization.MonetizationService;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.streaming.internal.MediaResolver.Target;

/**
 * Serves media files at PeerTube's URLs ({@link MediaRoute}), registered with the OSGi HTTP whiteboard beside the
 * REST servlet at {@code /*}: the whiteboard maps a request to the servlet with the longest matching prefix, so
 * these paths never reach the REST servlet.
 *
 * <p>GET and HEAD, with single byte ranges (206, 416), validators (strong ETag from size and modification time,
 * Last-Modified) and the conditional requests they answer (304, 412, If-Range), content types by extension, caching
 * per kind of file, and {@code Access-Control-Allow-Origin: *} on every answer since players and P2P loaders fetch
 * from other origins. Errors are problem JSON. Who may get which file: see {@link MediaResolver}.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=vidiverse-static-files",
        "osgi.http.whiteboard.servlet.pattern=/static/web-videos/*",
        "osgi.http.whiteboard.servlet.pattern=/static/streaming-playlists/hls/*",
        "osgi.http.whiteboard.servlet.pattern=/lazy-static/torrents/*",
        "osgi.http.whiteboard.servlet.pattern=/lazy-static/thumbnails/*",
        "osgi.http.whiteboard.servlet.pattern=/lazy-static/previews/*",
        "osgi.http.whiteboard.servlet.pattern=/download/web-videos/*",
        "osgi.http.whiteboard.servlet.pattern=/download/streaming-playlists/hls/videos/*"})
public final class StaticFilesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StaticFilesServlet.class);
    private static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final String EXPOSED = "Content-Range, Content-Length, Accept-Ranges, ETag, Content-Disposition";
    private static final String REQUEST_HEADERS = "Range, Authorization, If-None-Match, If-Modified-Since, If-Range, "
            + "If-Match, If-Unmodified-Since";

    private final transient MediaResolver resolver;
    private final transient BodyWriter body;

    @Activate
    public StaticFilesServlet(@Reference(policyOption = ReferencePolicyOption.GREEDY) MediaStorage storage,
                              @Reference VideoStore videos, @Reference LoginService logins,
                              @Reference MonetizationService monetization) {
        this(new MediaResolver(storage, videos, logins, new RecentLookups(), monetization), BodyWriter.best());
    }

    StaticFilesServlet(MediaResolver resolver, BodyWriter body) {
        this.resolver = resolver;
        this.body = body;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            preflight(response);
            return;
        }
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", ALLOW);
            Problems.send(response, 405, "Media files are read with GET or HEAD", true);
            return;
        }
        try {
            serve(request, response, head);
        } catch (HttpProblem problem) {
            Problems.send(response, problem.status(), problem.getMessage(), problem.supportUrl(), !head);
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.error("Unexpected error {} serving {}", id, request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                response.setHeader("Access-Control-Allow-Origin", "*");
                Problems.send(response, 500, "Internal server error (error id " + id + ")", !head);
            }
        }
    }

    private static void preflight(HttpServletResponse response) {
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Methods", ALLOW);
        response.setHeader("Access-Control-Allow-Headers", REQUEST_HEADERS);
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", ALLOW);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean head)
            throws IOException, HttpProblem {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        MediaRoute route = route(raw).orElseThrow(HttpProblem::badPath);
        List<String> names = route.names(raw).orElseThrow(() -> raw.length() <= route.prefix().length() + 1
                ? HttpProblem.notFound() : HttpProblem.badPath());
        Target target = resolver.resolve(route, names, request.getHeader("Authorization"));
        try (FileChannel file = FileChannel.open(target.file(), StandardOpenOption.READ)) {
            BasicFileAttributes attributes = Files.readAttributes(target.file(),
                    BasicFileAttributes.class);
            long size = file.size();
            Validators validators = Validators.of(size, attributes.lastModifiedTime().toMillis());
            respond(request, response, head, target, file, size, validators);
        } catch (NoSuchFileException gone) {
            throw HttpProblem.notFound();   // removed between the lookup and the open
        }
    }

    /** The route whose prefix starts the raw path (the container matched one of them to call us). */
    static Optional<MediaRoute> route(String rawPath) {
        for (MediaRoute route : MediaRoute.values()) {
            if (rawPath.equals(route.prefix()) || rawPath.startsWith(route.prefix() + "/")) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, boolean head, Target target,
                         FileChannel file, long size, Validators validators) throws IOException, HttpProblem {
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", validators.etag());
        response.setHeader("Last-Modified", validators.lastModified());
        response.setHeader("Cache-Control", MediaTypes.cacheControl(target.route(), target.name(), target.open()));
        response.setHeader("Access-Control-Expose-Headers", EXPOSED);

        switch (validators.evaluate(request.getHeader("If-Match"), request.getHeader("If-Unmodified-Since"),
                request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"))) {
            case NOT_MODIFIED -> {
                response.setStatus(304);
                return;
            }
            case PRECONDITION_FAILED -> throw new HttpProblem(412, "The file does not match the preconditions");
            case PROCEED -> { }
        }

        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(MediaTypes.contentType(target.name()));
        if (target.downloadName() != null) {
            response.setHeader("Content-Disposition", ContentDisposition.attachment(target.downloadName()));
        }
        // Range is defined for GET only (RFC 9110 14.2): a HEAD describes the whole file
        ByteRange range = head || !validators.rangeAllowed(request.getHeader("If-Range"))
                ? ByteRange.WHOLE : ByteRange.parse(request.getHeader("Range"), size);
        long first = 0;
        long length = size;
        if (range instanceof ByteRange.Unsatisfiable) {
            response.setHeader("Content-Range", "bytes */" + size);
            throw new HttpProblem(416, "The range asked is past the end of the file (" + size + " bytes)");
        } else if (range instanceof ByteRange.Part part) {
            response.setStatus(206);
            response.setHeader("Content-Range", part.contentRange(size));
            first = part.first();
            length = part.length();
        } else {
            response.setStatus(200);
        }
        response.setContentLengthLong(length);
        if (head || length == 0) {
            return;
        }
        try {
            body.write(file, first, length, response);
        } catch (IOException e) {
            // almost always the client going away mid-transfer (players seek and cancel all the time)
            LOG.debug("Sending {} stopped: {}", target.file(), e.toString());
        }
    }
}
