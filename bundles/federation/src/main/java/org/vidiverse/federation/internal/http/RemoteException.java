package org.vidiverse.federation.internal.http;

import java.util.Objects;

/**
 * A request to another instance failed. {@link #kind()} says how, {@link #status()} carries the HTTP status for
 * {@link Kind#HTTP_STATUS} (so callers can tell a deleted remote object, 404 or 410, from other refusals), and
 * {@link #retryable()} tells the delivery queue whether trying again later can help.
 */
public final class RemoteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** How a remote request failed. */
    public enum Kind {
        /** The address (or one it resolves to) is loopback, private, link-local... and not allowed. */
        REFUSED_ADDRESS,
        /** Not an absolute http(s) URL with a host, or one with user-info. */
        BAD_URL,
        /** The body is larger than the configured limit (announced or actually sent). */
        TOO_LARGE,
        /** Connecting, or the whole exchange, took longer than allowed. */
        TIMEOUT,
        /** The remote answered with a status we do not accept; see {@link #status()}. */
        HTTP_STATUS,
        /** Anything else on the wire: refused connection, reset, unresolvable host, TLS failure, interruption. */
        IO,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS
    }

    private final Kind kind;
    private final int status;

    public RemoteException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public RemoteException(Kind kind, String message, Throwable cause) {
        this(kind, 0, message, cause);
    }

    private RemoteException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
    }

    /** An HTTP status the caller did not accept, e.g. 404, 410, 500, or a redirect where none is followed. */
    public static RemoteException httpStatus(int status, String message) {
        return new RemoteException(Kind.HTTP_STATUS, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, otherwise 0. */
    public int status() {
        return status;
    }

    /**
     * Whether the same request may succeed later: timeouts, I/O failures, 5xx, 408 and 429 may; other 4xx, refused or
     * bad addresses, oversized bodies and redirect loops will not change by waiting.
     */
    public boolean retryable() {
        switch (kind) {
            case TIMEOUT:
            case IO:
                return true;
            case HTTP_STATUS:
                return (status >= 500 && status < 600) || status == 408 || status == 429;
            default:
                return false;
        }
    }
}
