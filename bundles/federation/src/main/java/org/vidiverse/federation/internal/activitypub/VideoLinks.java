package org.vidiverse.federation.internal.activitypub;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;

/**
 * The {@code url} list of a Video object: its page, each web video (MP4) with its torrent and magnet links, the HLS
 * playlist whose {@code tag} holds the segment hashes and the fragmented MP4s with theirs, and the trackers.
 */
final class VideoLinks {
    static final String HTML = "text/html";
    static final String HLS = "application/x-mpegURL";
    static final String TORRENT = "application/x-bittorrent";
    static final String MAGNET = "application/x-bittorrent;x-scheme-handler/magnet";
    /** The media types PeerTube takes for a rendition (MIMETYPES.AP_VIDEO). */
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm", "video/ogg", "audio/mp4");
    /** The peer protocol version of p2p-media-loader, part of the swarm ids PeerTube announces as Infohash tags. */
    private static final String P2P_MEDIA_LOADER_PEER_VERSION = "2";

    private VideoLinks() {
    }

    /** What the url list of a remote video says. */
    record Parsed(List<RemoteVideo.File> webVideos, String hlsPlaylistUrl, String segmentsSha256Url,
                  List<RemoteVideo.File> hlsFiles) {
    }

    // ---------------------------------------------------------------- render

    static List<Object> render(Video video, String videoUrl, List<VideoFile> files, Optional<HlsPlaylist> hls,
                               String baseUrl) {
        List<Object> links = new ArrayList<>();
        links.add(ApContext.ordered("type", "Link", "mediaType", HTML, "href", videoUrl));
        for (VideoFile file : sorted(files, null)) {
            links.addAll(fileLinks(video, file, baseUrl + "/static/web-videos/" + file.filename(), "web-video", baseUrl));
        }
        hls.ifPresent(playlist -> {
            List<VideoFile> hlsFiles = sorted(files, playlist.id());
            if (!hlsFiles.isEmpty()) {
                links.add(hlsLink(video, playlist, hlsFiles, baseUrl));
            }
        });
        links.add(ApContext.ordered("type", "Link", "name", "tracker-http", "rel", List.of("tracker", "http"),
                "href", baseUrl + "/tracker/announce"));
        links.add(ApContext.ordered("type", "Link", "name", "tracker-websocket", "rel", List.of("tracker", "websocket"),
                "href", websocketTracker(baseUrl)));
        return links;
    }

    private static Map<String, Object> hlsLink(Video video, HlsPlaylist playlist, List<VideoFile> files,
                                               String baseUrl) {
        String folder = baseUrl + "/static/streaming-playlists/hls/" + video.uuid() + "/";
        String masterUrl = folder + playlist.playlistFilename();
        List<Object> tag = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            tag.add(ApContext.ordered("type", "Infohash",
                    "name", sha1Hex(P2P_MEDIA_LOADER_PEER_VERSION + masterUrl + "+V" + i)));
        }
        if (playlist.segmentsSha256Filename() != null) {
            tag.add(ApContext.ordered("type", "Link", "name", "sha256", "mediaType", "application/json",
                    "href", folder + playlist.segmentsSha256Filename()));
        }
        for (VideoFile file : files) {
            tag.addAll(fileLinks(video, file, folder + file.filename(), "fragmented", baseUrl));
        }
        return ApContext.ordered("type", "Link", "mediaType", HLS, "href", masterUrl, "tag", tag);
    }

    /** A rendition's link, then its torrent and magnet when it has a torrent. */
    private static List<Object> fileLinks(Video video, VideoFile file, String fileUrl, String formatFlag,
                                          String baseUrl) {
        List<Object> links = new ArrayList<>();
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("type", "Link");
        link.put("mediaType", mediaType(file.extname()));
        link.put("href", fileUrl);
        link.put("height", file.resolution());
        link.put("size", file.size());
        link.put("fps", file.fps());
        List<Object> attachment = new ArrayList<>();
        attachment.add(property("ffprobe_codec_type", "audio"));
        if (file.resolution() > 0) {
            attachment.add(property("ffprobe_codec_type", "video"));
        }
        attachment.add(property("peertube_format_flag", formatFlag));
        link.put("attachment", attachment);
        links.add(link);
        if (file.torrentFilename() != null && file.infoHash() != null) {
            String torrentUrl = baseUrl + "/lazy-static/torrents/" + file.torrentFilename();
            links.add(ApContext.ordered("type", "Link", "mediaType", TORRENT, "href", torrentUrl,
                    "height", file.resolution(), "fps", file.fps()));
            String magnet = "magnet:?xs=" + enc(torrentUrl) + "&xt=urn:btih:" + file.infoHash() + "&dn="
                    + enc(video.name()) + "&tr=" + enc(baseUrl + "/tracker/announce") + "&tr="
                    + enc(websocketTracker(baseUrl)) + "&ws=" + enc(fileUrl);
            links.add(ApContext.ordered("type", "Link", "mediaType", MAGNET, "href", magnet,
                    "height", file.resolution(), "fps", file.fps()));
        }
        return links;
    }

    /** Local renditions of the web videos ({@code playlistId == null}) or of one playlist, highest first. */
    private static List<VideoFile> sorted(List<VideoFile> files, Long playlistId) {
        return files.stream()
                .filter(f -> !f.remote())
                .filter(f -> playlistId == null ? f.streamingPlaylistId() == null
                        : playlistId.equals(f.streamingPlaylistId()))
                .sorted(Comparator.comparingInt(VideoFile::resolution).reversed())
                .toList();
    }

    private static String mediaType(String extname) {
        String ext = extname == null ? ".mp4" : extname.toLowerCase(Locale.ROOT);
        switch (ext) {
            case ".webm":
                return "video/webm";
            case ".ogv":
                return "video/ogg";
            case ".m4a":
                return "audio/mp4";
            default:
                return "video/mp4";
        }
    }

    private static Map<String, Object> property(String name, String value) {
        return ApContext.ordered("type", "PropertyValue", "name", name, "value", value);
    }

    static String websocketTracker(String baseUrl) {
        return baseUrl.replaceFirst("^http", "ws") + "/tracker/socket";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    // ---------------------------------------------------------------- parse

    static Parsed parse(JsonNode urls) throws InvalidObjectException {
        if (urls == null || !urls.isArray()) {
            throw new InvalidObjectException("Video url: not a list of links");
        }
        List<JsonNode> links = Nodes.list(urls);
        List<RemoteVideo.File> webVideos = files(links, false);
        String playlistUrl = null;
        String sha256Url = null;
        List<RemoteVideo.File> hlsFiles = List.of();
        for (JsonNode link : links) {
            if (HLS.equals(Nodes.mediaType(link))) {
                playlistUrl = fileUrl(Nodes.href(link), "HLS playlist");
                List<JsonNode> tag = Nodes.list(link.get("tag"));
                sha256Url = segmentsSha256(tag);
                hlsFiles = files(tag, true);
                break;
            }
        }
        if (webVideos.isEmpty() && hlsFiles.isEmpty()) {
            throw new InvalidObjectException("Video url: no video/mp4 link");
        }
        return new Parsed(webVideos, playlistUrl, sha256Url, hlsFiles);
    }

    private static String segmentsSha256(List<JsonNode> tag) throws InvalidObjectException {
        for (JsonNode item : tag) {
            if ("sha256".equals(Nodes.text(item, "name")) && "Link".equals(Nodes.text(item, "type"))
                    && "application/json".equals(Nodes.mediaType(item))) {
                return fileUrl(Nodes.href(item), "HLS segments sha256");
            }
        }
        return null;
    }

    /**
     * The renditions among {@code links}: at the top level the web videos (a file flagged only "fragmented" is
     * not one), in the HLS tag the playlist's files. Each gets the torrent and magnet of the same height and fps.
     */
    private static List<RemoteVideo.File> files(List<JsonNode> links, boolean inPlaylist)
            throws InvalidObjectException {
        List<RemoteVideo.File> files = new ArrayList<>();
        for (JsonNode link : links) {
            String type = Nodes.mediaType(link);
            if (type == null || !VIDEO_TYPES.contains(type) || !(inPlaylist || isWebVideo(link))) {
                continue;
            }
            String href = fileUrl(Nodes.href(link), "file");
            Long height = Nodes.integer(link, "height");
            Long size = Nodes.integer(link, "size");
            if (height == null || height < 0 || height > 100_000 || size == null || size < 0) {
                continue;   // as PeerTube: a rendition without height or size is skipped, not fatal
            }
            Long width = Nodes.integer(link, "width");
            int resolution = (int) (width != null && width > 0 ? Math.min(height, width) : height);
            Long fps = Nodes.integer(link, "fps");
            JsonNode torrent = sibling(links, TORRENT, link);
            JsonNode magnet = sibling(links, MAGNET, link);
            String torrentUrl = torrent == null ? null : fileUrl(Nodes.href(torrent), "torrent");
            String magnetUri = magnet == null ? null : Nodes.href(magnet);
            if (torrentUrl == null && magnetUri != null) {
                torrentUrl = magnetParam(magnetUri, "xs");
                torrentUrl = Nodes.isHttpUrl(torrentUrl) ? torrentUrl : null;
            }
            files.add(new RemoteVideo.File(resolution, size, fps == null || fps < 0 || fps > 1000 ? 0 : fps.intValue(),
                    href, torrentUrl, magnetUri == null ? null : infoHash(magnetUri)));
        }
        return files;
    }

    private static boolean isWebVideo(JsonNode link) {
        List<String> flags = new ArrayList<>();
        for (JsonNode attachment : Nodes.list(link.get("attachment"))) {
            if ("peertube_format_flag".equals(Nodes.text(attachment, "name"))) {
                flags.add(Nodes.text(attachment, "value"));
            }
        }
        return flags.isEmpty() || flags.contains("web-video");
    }

    /** The torrent or magnet link of the same height (and fps, when both say) as {@code file}. */
    private static JsonNode sibling(List<JsonNode> links, String mediaType, JsonNode file) {
        Long height = Nodes.integer(file, "height");
        Long fps = Nodes.integer(file, "fps");
        for (JsonNode link : links) {
            if (!mediaType.equals(Nodes.mediaType(link)) || !height.equals(Nodes.integer(link, "height"))) {
                continue;
            }
            Long linkFps = Nodes.integer(link, "fps");
            if (fps == null || linkFps == null || fps.equals(linkFps)) {
                return link;
            }
        }
        return null;
    }

    private static String fileUrl(String url, String what) throws InvalidObjectException {
        if (!Nodes.isHttpUrl(url)) {
            throw new InvalidObjectException("Video url: " + what + " href is not an http(s) URL: " + Nodes.excerpt(url));
        }
        return url;
    }

    /** The hex info hash of a magnet's {@code xt=urn:btih:}, given in hex or base32; {@code null} when invalid. */
    static String infoHash(String magnet) {
        String xt = magnetParam(magnet, "xt");
        if (xt == null || !xt.toLowerCase(Locale.ROOT).startsWith("urn:btih:")) {
            return null;
        }
        String hash = xt.substring("urn:btih:".length());
        if (hash.matches("[0-9a-fA-F]{40}")) {
            return hash.toLowerCase(Locale.ROOT);
        }
        return hash.matches("[A-Za-z2-7]{32}") ? base32ToHex(hash.toUpperCase(Locale.ROOT)) : null;
    }

    private static String magnetParam(String magnet, String name) {
        if (magnet == null || !magnet.startsWith("magnet:?")) {
            return null;
        }
        for (String pair : magnet.substring("magnet:?".length()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String base32ToHex(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] bytes = new byte[20];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : base32.toCharArray()) {
            buffer = ((buffer << 5) | alphabet.indexOf(c)) & 0x1FFF;   // at most 12 pending bits
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes[index++] = (byte) (buffer >> bits);
            }
        }
        return HexFormat.of().formatHex(bytes);
    }
}
