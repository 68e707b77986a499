package org.vidiverse.streaming.internal.tracker;

import java.io.IOException;
import java.net.InetAddress;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /tracker/announce} and {@code GET /tracker/scrape}, beside the REST servlet at {@code /*}. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=vidiverse-tracker",
        "osgi.http.whiteboard.servlet.pattern=/tracker/announce",
        "osgi.http.whiteboard.servlet.pattern=/tracker/scrape"})
public final class TrackerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Tracker tracker;

    @Activate
    public TrackerServlet(@Reference Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        byte[] body;
        if (path.endsWith("/announce")) {
            // getRemoteAddr is a literal address: no lookup happens
            body = tracker.http().announce(request.getQueryString(), InetAddress.getByName(request.getRemoteAddr()));
        } else {
            body = tracker.http().scrape(request.getQueryString());
        }
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
