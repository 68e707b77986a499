package org.vidiverse.rest.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /services/oembed?url=...} as PeerTube answers it: for a watch URL of this instance ({@code /w/{id}},
 * {@code /videos/watch/{id}}, playlists {@code /w/p/{id}}, {@code /videos/watch/playlist/{id}}) an oEmbed "video"
 * whose HTML is an iframe of the embed page. A URL of another host or path is 400, an unknown video 404, one that is
 * not public 403 (an unlisted one is embeddable by its full UUID, which only those given the link know), format
 * {@code xml} 501.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/services/oembed")
@Produces(MediaType.APPLICATION_JSON)
public final class OEmbedResource {
    static final int EMBED_WIDTH = 560;
    static final int EMBED_HEIGHT = 315;
    static final int PREVIEW_WIDTH = 850;
    static final int PREVIEW_HEIGHT = 480;
    static final int THUMBNAIL_WIDTH = 280;
    static final int THUMBNAIL_HEIGHT = 157;
    private static final Pattern FULL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The player options a watch URL may pass on to the embed, PeerTube's list. */
    private static final Set<String> PLAYER_PARAMS = Set.of("start", "stop", "loop", "autoplay", "muted", "controls",
            "controlBar", "title", "api", "warningTitle", "peertubeLink", "p2p", "subtitle",
            "bigPlayBackgroundColor", "mode", "foregroundColor", "playbackRate", "waitPasswordFromEmbedAPI",
            "playlistPosition");

    private final VideoStore videos;
    private final PlaylistStore playlists;
    private final InstanceIdentity instance;

    @Activate
    public OEmbedResource(@Reference VideoStore videos, @Reference PlaylistStore playlists,
                          @Reference InstanceIdentity instance) {
        this.videos = videos;
        this.playlists = playlists;
        this.instance = instance;
    }

    @GET
    public Map<String, Object> oembed(@QueryParam("url") String url, @QueryParam("maxwidth") String maxWidth,
                                      @QueryParam("maxheight") String maxHeight, @QueryParam("format") String format) {
        Integer width = integer("maxwidth", maxWidth);
        Integer height = integer("maxheight", maxHeight);
        if (format != null && !format.equals("json")) {
            if (format.equals("xml")) {
                throw new Problem(501, "Requested format is not implemented on server.", null, null);
            }
            throw Problem.invalidParam("format", "format must be json or xml");
        }
        Target target = Target.parse(url, instance.publicUrl());
        String base = instance.publicUrl();
        if (target.playlist()) {
            VideoPlaylist p = playlist(target.id());
            return json(base, p.displayName(), p.channel() != null ? p.channel() : p.owner(),
                    "/video-playlists/embed/" + p.uuid() + target.query(), null, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT,
                    width, height);
        }
        Video v = video(target.id());
        Map<String, Object> summary = VideoJson.summary(v);
        return json(base, v.name(), v.channel(), "/videos/embed/" + v.uuid() + target.query(),
                (String) summary.get("previewPath"), PREVIEW_WIDTH, PREVIEW_HEIGHT, width, height);
    }

    private Video video(String id) {
        Video v = (FULL_UUID.matcher(id).matches() ? videos.findByUuid(id.toLowerCase(java.util.Locale.ROOT))
                : videos.findByShortUuid(id))
                .filter(found -> !found.blacklisted() && found.state() == VideoState.PUBLISHED)
                .orElseThrow(() -> Problem.notFound("Video not found"));
        if (v.privacy() == VideoPrivacy.PUBLIC
                || v.privacy() == VideoPrivacy.UNLISTED && FULL_UUID.matcher(id).matches()) {
            return v;
        }
        throw Problem.forbidden("Video is not publicly available");
    }

    private VideoPlaylist playlist(String id) {
        VideoPlaylist p = (FULL_UUID.matcher(id).matches()
                ? playlists.findByUuid(id.toLowerCase(java.util.Locale.ROOT)) : playlists.findByShortUuid(id))
                .orElseThrow(() -> Problem.notFound("Video playlist not found"));
        if (p.privacy() == VideoPlaylistPrivacy.PUBLIC
                || p.privacy() == VideoPlaylistPrivacy.UNLISTED && FULL_UUID.matcher(id).matches()) {
            return p;
        }
        throw Problem.forbidden("Playlist is not public");
    }

    /** PeerTube's answer: the embed no larger than asked, the picture left out when it is larger than asked. */
    static Map<String, Object> json(String base, String title, ActorRef channel, String embedPath, String picturePath,
                                    int pictureWidth, int pictureHeight, Integer maxWidth, Integer maxHeight) {
        int width = maxWidth != null && maxWidth < EMBED_WIDTH ? maxWidth : EMBED_WIDTH;
        int height = maxHeight != null && maxHeight < EMBED_HEIGHT ? maxHeight : EMBED_HEIGHT;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "video");
        json.put("version", "1.0");
        json.put("html", "<iframe width=\"" + width + "\" height=\"" + height + "\" sandbox=\"allow-same-origin "
                + "allow-scripts allow-popups allow-forms\" title=\"" + escape(title) + "\" src=\""
                + escape(base + embedPath) + "\" frameborder=\"0\" allowfullscreen></iframe>");
        json.put("width", width);
        json.put("height", height);
        json.put("title", title);
        json.put("author_name", channel == null ? null : channel.name());
        json.put("author_url", channel == null ? null : channel.url());
        json.put("provider_name", "Vidiverse");
        json.put("provider_url", base);
        boolean fits = (maxWidth == null || maxWidth >= pictureWidth)
                && (maxHeight == null || maxHeight >= pictureHeight);
        if (picturePath != null && fits) {
            json.put("thumbnail_url", base + picturePath);
            json.put("thumbnail_width", pictureWidth);
            json.put("thumbnail_height", pictureHeight);
        }
        return json;
    }

    /** What a watch URL names: a video or playlist id, and the player options to pass on. */
    record Target(boolean playlist, String id, String query) {
        private static final List<String> PLAYLIST_PATHS = List.of("/w/p/", "/videos/watch/playlist/");
        private static final List<String> VIDEO_PATHS = List.of("/w/", "/videos/watch/");

        static Target parse(String url, String base) {
            if (url == null || url.isBlank()) {
                throw Problem.invalidParam("url", "url is required");
            }
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw Problem.invalidParam("url", "url is not a valid URL");
            }
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawPath() == null) {
                throw Problem.invalidParam("url", "url is not a valid URL");
            }
            String origin = uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
                    + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
            if (!origin.equals(base.toLowerCase(java.util.Locale.ROOT))) {
                throw Problem.badRequest("Invalid url.");
            }
            String path = uri.getRawPath();
            String prefix = java.util.stream.Stream.concat(PLAYLIST_PATHS.stream(), VIDEO_PATHS.stream())
                    .filter(path::startsWith).findFirst()
                    .orElseThrow(() -> Problem.badRequest("Invalid url."));
            String id = path.substring(prefix.length());
            boolean playlist = PLAYLIST_PATHS.contains(prefix);
            if (!id.matches("[0-9A-Za-z-]{1,36}")) {
                throw Problem.badRequest("Invalid video or playlist id.");
            }
            return new Target(playlist, id, playerQuery(uri.getRawQuery()));
        }

        /** {@code ?a=1&b=2} of the watch URL's player options, or an empty string. */
        static String playerQuery(String rawQuery) {
            if (rawQuery == null) {
                return "";
            }
            StringJoiner kept = new StringJoiner("&", "?", "").setEmptyValue("");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (PLAYER_PARAMS.contains(eq < 0 ? pair : pair.substring(0, eq))) {
                    kept.add(pair);
                }
            }
            return kept.toString();
        }
    }

    private static Integer integer(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw Problem.invalidParam(name, name + " must be an integer");
        }
    }

    /** For a double-quoted HTML attribute. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
