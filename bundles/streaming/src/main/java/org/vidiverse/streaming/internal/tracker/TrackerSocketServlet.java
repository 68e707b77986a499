package org.vidiverse.streaming.internal.tracker;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketAdapter;
import org.eclipse.jetty.websocket.api.WebSocketPolicy;
import org.eclipse.jetty.websocket.server.WebSocketServerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket tracker at {@code /tracker/socket}, as a plain whiteboard servlet that upgrades the connection with
 * Jetty's own WebSocket factory. Not a JSR 356 endpoint: Pax Web 8.0.34 deploys those through Jetty's
 * WebSocketUpgradeFilter, which fails to initialise again ("defined twice") whenever another bundle changes the
 * context's filters afterwards, and the endpoint then answers 404. A servlet that upgrades by itself has no filter.
 * The protocol is {@link SocketProtocol}.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=vidiverse-tracker-socket",
        "osgi.http.whiteboard.servlet.pattern=/tracker/socket"})
public final class TrackerSocketServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrackerSocketServlet.class);
    /** Hard cap for the container; the configured limit below it is checked per message. */
    private static final int MAX_FRAME = 1 << 20;

    private final transient Tracker tracker;
    private transient WebSocketServerFactory factory;

    @Activate
    public TrackerSocketServlet(@Reference Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void init() throws ServletException {
        WebSocketPolicy policy = WebSocketPolicy.newServerPolicy();
        policy.setMaxTextMessageSize(MAX_FRAME);
        policy.setMaxTextMessageBufferSize(MAX_FRAME);
        policy.setIdleTimeout(tracker.limits().expiryMillis());
        factory = new WebSocketServerFactory(getServletContext(), policy);
        factory.setCreator((request, response) -> new Peer());
        try {
            factory.start();
        } catch (Exception e) {
            throw new ServletException("cannot start the WebSocket factory", e);
        }
    }

    @Override
    public void destroy() {
        try {
            factory.stop();
        } catch (Exception e) {
            LOG.debug("Tracker WebSocket factory did not stop cleanly", e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (factory.isUpgradeRequest(request, response)) {
            if (factory.acceptWebSocket(request, response) || response.isCommitted()) {
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"WebSocket upgrade required\",\"status\":400,"
                + "\"detail\":\"/tracker/socket speaks the WebTorrent tracker protocol over WebSocket\"}");
    }

    /** One browser peer's connection. */
    private final class Peer extends WebSocketAdapter implements PeerLink {
        private SocketProtocol.Connection connection;

        @Override
        public void onWebSocketConnect(Session session) {
            super.onWebSocketConnect(session);
            connection = tracker.socket().open(this);
        }

        @Override
        public void onWebSocketText(String message) {
            if (connection != null) {
                connection.onMessage(message);
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            super.onWebSocketClose(statusCode, reason);
            if (connection != null) {
                connection.onClose();
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.debug("Tracker WebSocket error", cause);
        }

        @Override
        public void send(String json) {
            if (isConnected()) {
                try {
                    getRemote().sendString(json, null); // asynchronous; Jetty queues frames in order
                } catch (RuntimeException e) {
                    LOG.debug("Tracker could not send to a peer", e);
                }
            }
        }

        @Override
        public void close(String reason) {
            Session s = getSession();
            if (s != null) {
                s.close(StatusCode.POLICY_VIOLATION, reason);
            }
        }
    }
}
