package org.vidiverse.web.internal;

import java.io.IOException;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Sending an {@link Asset} with validators and content coding, and the small header checks around it. */
final class Http {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";

    private Http() {
    }

    /** The path inside the servlet context, undecoded (hashed asset names never need decoding). */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equals("gzip")) {
                return !refused(coding);
            }
        }
        return false;
    }

    private static boolean refused(String[] coding) {
        for (int i = 1; i < coding.length; i++) {
            String p = coding[i].trim().replace(" ", "");
            if (p.equals("q=0") || p.matches("q=0\\.0*")) {
                return true;
            }
        }
        return false;
    }

    /** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 13.1.2 asks for GET). */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String bare = etag.replace("W/", "");
        for (String candidate : ifNoneMatch.split(",")) {
            if (candidate.trim().replace("W/", "").equals(bare)) {
                return true;
            }
        }
        return false;
    }

    static void send(HttpServletRequest request, HttpServletResponse response, Asset asset, String cacheControl,
                     boolean head) throws IOException {
        boolean gzip = asset.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = asset.etag(gzip);
        if (asset.gzipped() != null) {
            response.addHeader("Vary", "Accept-Encoding");
        }
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", cacheControl);
        if (notModified(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        byte[] body = gzip ? asset.gzipped() : asset.bytes();
        response.setStatus(200);
        response.setContentType(asset.contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    /** A problem JSON answer, as the REST API gives them. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
        response.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
