package org.vidiverse.storage.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What the stores read from the URLs of remote objects. */
final class Urls {
    private Urls() {
    }

    /**
     * The host of an absolute http(s) URL as instances are named: lower case, with the port when it is not the
     * scheme's default (as {@code InstanceIdentity.host()} writes it).
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL with a host
     */
    static String host(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443
                || scheme.equals("http") && port == 80;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return defaultPort ? host : host + ":" + port;
    }

    /**
     * The last segment of the URL's path ({@code x.mp4} of {@code https://h/a/x.mp4?q}), or {@code null} for no URL.
     *
     * @throws IllegalArgumentException if the path has no last segment
     */
    static String lastSegment(String url) {
        if (url == null) {
            return null;
        }
        String path = parse(url).getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            throw new IllegalArgumentException("no file name in " + url);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code s} cut to {@code max} characters, for remote texts stored in bounded columns. */
    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** {@code null} for blank strings: remote documents send {@code ""} where they mean nothing. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
    }
}
