package org.vidiverse.streaming.internal.tracker;

/** The WebSocket connection of a browser peer, as the tracker logic sees it. */
interface PeerLink {
    /** Sends a text frame; must not block for long and must not throw. */
    void send(String json);

    /** Closes the connection after a policy violation. */
    void close(String reason);
}
