package org.vidiverse.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;

/** A video in PeerTube's REST shape: the list form, and the detailed form of {@code GET /api/v1/videos/{id}}. */
final class VideoJson {
    private static final int TRUNCATED_DESCRIPTION = 250;

    private VideoJson() {
    }

    static Map<String, Object> summary(Video v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("uuid", v.uuid());
        json.put("shortUUID", v.shortUuid());
        json.put("url", v.url());
        json.put("name", v.name());
        json.put("category", Labels.category(v.category()));
        json.put("licence", Labels.licence(v.licence()));
        json.put("language", Labels.language(v.language()));
        json.put("privacy", Labels.idLabel(v.privacy().id(), v.privacy().label()));
        json.put("nsfw", v.nsfw());
        json.put("truncatedDescription", truncate(v.description()));
        json.put("description", truncate(v.description()));
        json.put("isLocal", v.local());
        json.put("duration", v.duration());
        json.put("views", v.views());
        json.put("viewers", 0);
        json.put("likes", v.likes());
        json.put("dislikes", v.dislikes());
        json.put("thumbnailPath", picturePath(v, "thumbnails", v.thumbnailUrl()));
        json.put("previewPath", picturePath(v, "previews", v.previewUrl()));
        json.put("embedPath", "/videos/embed/" + v.uuid());
        json.put("createdAt", Json.date(v.createdAt()));
        json.put("updatedAt", Json.date(v.updatedAt()));
        json.put("publishedAt", Json.date(v.publishedAt()));
        json.put("originallyPublishedAt", Json.date(v.originallyPublishedAt()));
        json.put("isLive", false);
        json.put("account", actor(v.account()));
        json.put("channel", actor(v.channel()));
        json.put("state", Labels.idLabel(v.state().id(), v.state().label()));
        return json;
    }

    /**
     * Stills are named after the video's uuid. A local video's are made with its renditions (before, a client shows
     * its own placeholder); a remote video's are copied from its origin when it arrives, as PeerTube does.
     */
    private static String picturePath(Video v, String folder, String remoteUrl) {
        if (!v.local()) {
            return remoteUrl == null ? null : "/lazy-static/" + folder + "/" + v.uuid() + ".jpg";
        }
        boolean stills = v.state() == org.vidiverse.api.model.VideoState.PUBLISHED && v.duration() > 0;
        return stills ? "/lazy-static/" + folder + "/" + v.uuid() + ".jpg" : null;
    }

    static Map<String, Object> details(Video v, List<VideoFile> files, String publicUrl) {
        return details(v, files, null, publicUrl);
    }

    /** The full video as PeerTube serves it, with its web videos in {@code files} and its HLS playlist. */
    static Map<String, Object> details(Video v, List<VideoFile> files, HlsPlaylist hls, String publicUrl) {
        Map<String, Object> json = summary(v);
        json.put("description", v.description());
        json.put("support", v.support());
        json.put("descriptionPath", "/api/v1/videos/" + v.uuid() + "/description");
        json.put("tags", v.tags());
        json.put("commentsEnabled", v.commentsEnabled());
        json.put("commentsPolicy", Labels.idLabel(v.commentsPolicy(), switch (v.commentsPolicy()) {
            case 2 -> "Disabled";
            case 3 -> "Requires approval";
            default -> "Enabled";
        }));
        json.put("downloadEnabled", v.downloadEnabled());
        json.put("waitTranscoding", v.waitTranscoding());
        json.put("blacklisted", v.blacklisted());
        json.put("blacklistedReason", null);
        json.put("inputFileUpdatedAt", null);
        // a remote video's peers meet on its origin's tracker
        String trackerBase = v.local() ? publicUrl : origin(v.url(), publicUrl);
        json.put("trackerUrls", trackers(trackerBase));
        List<Map<String, Object>> webVideos = new ArrayList<>();
        List<Map<String, Object>> hlsFiles = new ArrayList<>();
        for (VideoFile file : files) {
            if (file.streamingPlaylistId() == null) {
                webVideos.add(file(v, file, publicUrl, trackerBase, "/static/web-videos/" + file.filename(),
                        "/download/web-videos/" + v.uuid() + "-" + file.resolution() + ".mp4"));
            } else if (hls != null && file.streamingPlaylistId() == hls.id()) {
                hlsFiles.add(file(v, file, publicUrl, trackerBase,
                        "/static/streaming-playlists/hls/" + v.uuid() + "/" + file.filename(),
                        "/download/streaming-playlists/hls/videos/" + v.uuid() + "-" + file.resolution()
                                + "-fragmented.mp4"));
            }
        }
        json.put("files", webVideos);
        if (hls == null) {
            json.put("streamingPlaylists", List.of());
        } else {
            Map<String, Object> playlist = new LinkedHashMap<>();
            String folder = publicUrl + "/static/streaming-playlists/hls/" + v.uuid() + "/";
            playlist.put("id", hls.id());
            playlist.put("type", 1);
            if (hls.remote()) {
                playlist.put("playlistUrl", hls.playlistUrl());
                playlist.put("segmentsSha256Url", hls.segmentsSha256Url());
            } else {
                playlist.put("playlistUrl", folder + hls.playlistFilename());
                playlist.put("segmentsSha256Url", hls.segmentsSha256Filename() == null ? null
                        : folder + hls.segmentsSha256Filename());
            }
            playlist.put("redundancies", List.of());
            playlist.put("files", hlsFiles);
            json.put("streamingPlaylists", List.of(playlist));
        }
        return json;
    }

    /**
     * One rendition with the URLs PeerTube gives: the file, its download, its torrent and magnet link. A remote
     * video's file is named by its origin's URLs, which serve as download too (nothing is stored here).
     */
    private static Map<String, Object> file(Video v, VideoFile f, String publicUrl, String trackerBase, String path,
                                            String downloadPath) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("resolution", Labels.idLabel(f.resolution(), f.resolution() == 0 ? "Audio" : f.resolution() + "p"));
        json.put("size", f.size());
        json.put("fps", f.fps());
        boolean local = !f.remote();
        String fileUrl = local ? publicUrl + path : f.fileUrl();
        String torrentUrl = !local ? f.torrentUrl() : f.torrentFilename() == null ? null
                : publicUrl + "/lazy-static/torrents/" + f.torrentFilename();
        if (torrentUrl != null && f.infoHash() != null) {
            json.put("torrentUrl", torrentUrl);
            json.put("torrentDownloadUrl",
                    local ? publicUrl + "/download/torrents/" + f.torrentFilename() : torrentUrl);
            List<String> trackers = trackers(trackerBase);
            json.put("magnetUri", "magnet:?xs=" + enc(torrentUrl) + "&xt=urn:btih:" + f.infoHash() + "&dn="
                    + enc(v.name()) + "&tr=" + enc(trackers.get(0)) + "&tr=" + enc(trackers.get(1)) + "&ws="
                    + enc(fileUrl));
        } else {
            json.put("torrentUrl", null);
            json.put("torrentDownloadUrl", null);
            json.put("magnetUri", null);
        }
        json.put("fileUrl", fileUrl);
        json.put("fileDownloadUrl", local ? publicUrl + downloadPath : fileUrl);
        json.put("hasAudio", true);
        json.put("hasVideo", f.resolution() != 0);
        json.put("storage", 0);
        return json;
    }

    /** PeerTube's two trackers of an instance: HTTP announce and WebSocket. */
    private static List<String> trackers(String base) {
        return List.of(base + "/tracker/announce", base.replaceFirst("^http", "ws") + "/tracker/socket");
    }

    /** {@code scheme://host[:port]} of a URL, or {@code fallback} when it has none. */
    private static String origin(String url, String fallback) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? fallback
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return fallback;
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, Object> actor(ActorRef ref) {
        if (ref == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ref.id());
        json.put("name", ref.name());
        json.put("displayName", ref.displayName());
        json.put("url", ref.url());
        json.put("host", ref.host());
        json.put("avatars", List.of());
        return json;
    }

    /** PeerTube's {@code userHistory} of a video for the logged-in user, when they have watched it. */
    static Map<String, Object> withUserHistory(Map<String, Object> json, Integer currentTime) {
        if (currentTime != null) {
            json.put("userHistory", Map.of("currentTime", currentTime));
        }
        return json;
    }

    private static String truncate(String description) {
        if (description == null || description.length() <= TRUNCATED_DESCRIPTION) {
            return description;
        }
        return description.substring(0, TRUNCATED_DESCRIPTION - 3) + "...";
    }
}
