package org.vidiverse.streaming.internal;

import java.util.Locale;
import java.util.Map;

/** Content types by file extension, and how long clients and caches may keep each kind of file. */
final class MediaTypes {
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("ogv", "video/ogg"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            Map.entry("json", "application/json"),
            Map.entry("torrent", "application/x-bittorrent"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("webp", "image/webp"),
            Map.entry("vtt", "text/vtt"));

    /** Fragmented MP4 and torrents: their names carry a new uuid whenever their bytes change. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Web videos and images: two hours, as PeerTube's static files. */
    static final String STATIC = "public, max-age=7200";
    /** Playlists and segment hashes are rewritten in place when a rendition is added: revalidate (cheap 304s). */
    static final String REVALIDATE = "public, no-cache";
    /** Files of videos only some may see: no shared cache, revalidate each time. */
    static final String PRIVATE = "private, no-cache";

    private MediaTypes() {
    }

    static String contentType(String fileName) {
        return TYPES.getOrDefault(extension(fileName), OCTET_STREAM);
    }

    /** The Cache-Control value for a file of a video everyone ({@code open}) or only some may see. */
    static String cacheControl(MediaRoute route, String fileName, boolean open) {
        if (!open) {
            return PRIVATE;
        }
        String ext = extension(fileName);
        if (route == MediaRoute.TORRENTS || fileName.endsWith("-fragmented.mp4")) {
            return IMMUTABLE;
        }
        if (ext.equals("m3u8") || ext.equals("json")) {
            return REVALIDATE;
        }
        return STATIC;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
