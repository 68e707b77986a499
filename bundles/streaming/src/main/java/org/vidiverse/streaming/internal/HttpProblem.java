package org.vidiverse.streaming.internal;

/** A request that ends with an error status and a problem JSON body; {@link Problems} writes it. */
final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProblem(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static HttpProblem notFound() {
        return new HttpProblem(404, "File not found");
    }

    static HttpProblem badPath() {
        return new HttpProblem(400, "Invalid file path");
    }

    static HttpProblem forbidden() {
        return new HttpProblem(403, "Cannot get this file of a private or internal video: log in as its owner "
                + "or a moderator");
    }

    int status() {
        return status;
    }
}
