package org.vidiverse.streaming.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

/**
 * Error answers as the REST API gives them: {@code application/problem+json} with PeerTube's fields {@code type},
 * {@code title}, {@code status}, {@code detail} and {@code error} (the same text, for older clients).
 */
final class Problems {
    static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    static void send(HttpServletResponse response, int status, String detail, boolean withBody) throws IOException {
        send(response, status, detail, null, withBody);
    }

    /** @param supportUrl our field {@code supportUrl} (where to become a supporter), left out when {@code null} */
    static void send(HttpServletResponse response, int status, String detail, String supportUrl, boolean withBody)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(PROBLEM_JSON);
        byte[] body = json(status, detail, supportUrl).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    /** With our field {@code supportUrl} when it is not {@code null}. */
    static String json(int status, String detail, String supportUrl) {
        String json = json(status, detail);
        return supportUrl == null ? json
                : json.substring(0, json.length() - 1) + ",\"supportUrl\":" + quote(supportUrl) + "}";
    }

    static String json(int status, String detail) {
        String text = quote(detail);
        return "{\"type\":\"about:blank\",\"title\":" + quote(title(status)) + ",\"status\":" + status
                + ",\"detail\":" + text + ",\"error\":" + text + "}";
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 412 -> "Precondition Failed";
            case 416 -> "Range Not Satisfiable";
            case 500 -> "Internal Server Error";
            default -> "Error";
        };
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
