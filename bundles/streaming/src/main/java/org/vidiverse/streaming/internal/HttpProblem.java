package org.vidiverse.streaming.internal;

/** A request that ends with an error status and a problem JSON body; {@link Problems} writes it. */
final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String supportUrl;

    HttpProblem(int status, String detail) {
        this(status, detail, null);
    }

    private HttpProblem(int status, String detail, String supportUrl) {
        super(detail, null, false, false);
        this.status = status;
        this.supportUrl = supportUrl;
    }

    /** A monetization provider refused the file: its message, and where to become a supporter (or {@code null}). */
    static HttpProblem refused(String message, String supportUrl) {
        String detail = message == null || message.isBlank() ? "This video's files are for its supporters" : message;
        return new HttpProblem(403, detail, supportUrl);
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

    /** Our field {@code supportUrl} of the problem JSON, or {@code null}. */
    String supportUrl() {
        return supportUrl;
    }
}
