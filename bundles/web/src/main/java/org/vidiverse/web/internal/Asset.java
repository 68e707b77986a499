package org.vidiverse.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the web root as it is sent: its bytes, a gzip copy when that is worth it, a strong ETag from the
 * content (the same for every node serving the same build) and its media type.
 */
record Asset(byte[] bytes, byte[] gzipped, String etag, String contentType) {
    /** Below this size gzip saves less than the headers it costs. */
    private static final int GZIP_MIN = 1024;

    static Asset of(String name, byte[] bytes) {
        String type = contentType(name);
        byte[] gz = compressible(type) && bytes.length >= GZIP_MIN ? gzip(bytes) : null;
        return new Asset(bytes, gz != null && gz.length < bytes.length ? gz : null, etag(bytes), type);
    }

    /** The ETag of the gzip variant differs, as a cache must not answer one with the other. */
    String etag(boolean gzip) {
        return gzip ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "woff" -> "font/woff";
            case "txt" -> "text/plain; charset=utf-8";
            case "wasm" -> "application/wasm";
            default -> "application/octet-stream";
        };
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg")
                || type.startsWith("application/wasm");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // in memory: cannot happen
        }
        return out.toByteArray();
    }

    static Asset html(String html) {
        return of("index.html", html.getBytes(StandardCharsets.UTF_8));
    }
}
