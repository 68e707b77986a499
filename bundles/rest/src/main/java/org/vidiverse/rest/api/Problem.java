package org.vidiverse.rest.api;

import java.util.Map;

/**
 * An error answered as {@code application/problem+json} (RFC 7807) with PeerTube's fields: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code error} (the same as detail, for older clients), and when
 * set {@code code} and {@code invalid-params}.
 */
public class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> invalidParams;

    public Problem(int status, String detail, String code, Map<String, String> invalidParams) {
        super(detail);
        this.status = status;
        this.code = code;
        this.invalidParams = invalidParams == null ? Map.of() : Map.copyOf(invalidParams);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, detail, null, null);
    }

    /** A 400 naming the offending parameter, as PeerTube's validators do. */
    public static Problem invalidParam(String param, String detail) {
        return new Problem(400, detail, null, Map.of(param, detail));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, detail, null, null);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, detail, null, null);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, detail, null, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> invalidParams() {
        return invalidParams;
    }
}
