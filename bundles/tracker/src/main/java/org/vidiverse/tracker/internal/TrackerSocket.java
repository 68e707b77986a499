package org.vidiverse.tracker.internal;

import java.io.IOException;

import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket tracker at {@code /tracker/socket}: a JSR 356 endpoint that Pax Web's whiteboard deploys (the
 * service property below). One instance serves every connection, so what belongs to a connection lives in its
 * session's user properties; the protocol itself is {@link SocketProtocol}.
 */
@ServerEndpoint("/tracker/socket")
@Component(service = Object.class, property = "org.ops4j.pax.web.http.whiteboard.websocket=true")
public final class TrackerSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerSocket.class);
    private static final String CONNECTION = "vidiverse.tracker.connection";
    /** Hard cap for the container; the configured limit below it is checked per message. */
    private static final int MAX_FRAME = 1 << 20;

    private final Tracker tracker;

    @Activate
    public TrackerSocket(@Reference Tracker tracker) {
        this.tracker = tracker;
    }

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(tracker.limits().expiryMillis());
        session.setMaxTextMessageBufferSize(MAX_FRAME);
        session.getUserProperties().put(CONNECTION, tracker.socket().open(new SessionLink(session)));
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(Session session, String text) {
        SocketProtocol.Connection c = (SocketProtocol.Connection) session.getUserProperties().get(CONNECTION);
        if (c != null) {
            c.onMessage(text);
        }
    }

    @OnClose
    public void close(Session session) {
        SocketProtocol.Connection c = (SocketProtocol.Connection) session.getUserProperties().remove(CONNECTION);
        if (c != null) {
            c.onClose();
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.debug("Tracker WebSocket error", failure);
        close(session);
    }

    private record SessionLink(Session session) implements PeerLink {
        @Override
        public void send(String json) {
            if (session.isOpen()) {
                try {
                    session.getAsyncRemote().sendText(json);
                } catch (RuntimeException e) {
                    LOG.debug("Tracker could not send to a peer", e);
                }
            }
        }

        @Override
        public void close(String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            } catch (IOException e) {
                LOG.debug("Tracker could not close a connection", e);
            }
        }
    }
}
