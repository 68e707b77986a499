package org.vidiverse.api.auth;

/** A login, refresh or token check failed; {@link #reason()} says how, in OAuth2 terms. */
public class LoginException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** Unknown client id or wrong secret. */
        INVALID_CLIENT,
        /** Wrong credentials, unknown/expired/revoked refresh token, blocked user. */
        INVALID_GRANT,
        /** Too many attempts from this address or for this user; try later. */
        RATE_LIMITED
    }

    private final Reason reason;

    public LoginException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
