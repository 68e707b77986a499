package org.vidiverse.streaming.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL paths PeerTube serves media under, each with the number of path segments after it. Names are checked
 * against an allow-list before any file system call: letters, digits, {@code .}, {@code _} and {@code -}, not
 * starting with a dot, so {@code ..}, hidden files, separators, encoded characters and absolute paths never name a
 * file; the resolved path is then checked again against the media root, symbolic links followed.
 */
enum MediaRoute {
    /** {@code web-videos/{fileUuid}-{resolution}.mp4} */
    WEB_VIDEOS("/static/web-videos", 1),
    /** {@code streaming-playlists/hls/{videoUuid}/{name}}: playlists, fragmented MP4, segment hashes */
    HLS("/static/streaming-playlists/hls", 2),
    /** {@code torrents/{fileUuid}-{resolution}.torrent} */
    TORRENTS("/lazy-static/torrents", 1),
    /** {@code thumbnails/{uuid}.jpg} */
    THUMBNAILS("/lazy-static/thumbnails", 1),
    /** {@code previews/{uuid}.jpg} */
    PREVIEWS("/lazy-static/previews", 1),
    /** a web video file as an attachment */
    DOWNLOAD_WEB_VIDEOS("/download/web-videos", 1),
    /** the fragmented MP4 of an HLS playlist as an attachment, named by file name alone (PeerTube's route) */
    DOWNLOAD_HLS("/download/streaming-playlists/hls/videos", 1);

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    private final String prefix;
    private final int segments;

    MediaRoute(String prefix, int segments) {
        this.prefix = prefix;
        this.segments = segments;
    }

    /** The path prefix, e.g. {@code /static/web-videos}. */
    String prefix() {
        return prefix;
    }

    /** The HTTP whiteboard servlet pattern, e.g. {@code /static/web-videos/*}. */
    String pattern() {
        return prefix + "/*";
    }

    boolean download() {
        return this == DOWNLOAD_WEB_VIDEOS || this == DOWNLOAD_HLS;
    }

    /** The route whose prefix is {@code servletPath} (as the container matched it). */
    static Optional<MediaRoute> byPrefix(String servletPath) {
        return Arrays.stream(values()).filter(r -> r.prefix.equals(servletPath)).findFirst();
    }

    /**
     * The path segments after this route's prefix in the raw (undecoded) request path, or empty when the path is
     * not exactly prefix + the right number of allowed names. The raw path is used rather than the container's
     * decoded one so that {@code %2e%2e}, {@code %2f} and friends are refused instead of interpreted.
     */
    Optional<List<String>> names(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(prefix.length() + 1).split("/", -1);
        if (parts.length != segments) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(List.of(parts));
    }
}
