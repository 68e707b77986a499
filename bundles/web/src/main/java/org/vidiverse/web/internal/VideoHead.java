package org.vidiverse.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.VideoStore;

/**
 * OpenGraph and oEmbed discovery tags for watch and embed pages, so that links shared elsewhere show a card and
 * embedders find {@code /services/oembed}. Only videos anyone may see get tags: a private video's page looks like
 * any other page.
 */
final class VideoHead implements PageHead {
    private static final Pattern VIDEO_PAGE = Pattern.compile("^/(?:w|videos/watch|videos/embed)/([A-Za-z0-9-]{1,64})/?$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int DESCRIPTION_MAX = 200;

    private final InstanceIdentity instance;
    private final VideoStore videos;

    /** @param videos null when the store is not there (then no page has tags) */
    VideoHead(InstanceIdentity instance, VideoStore videos) {
        this.instance = instance;
        this.videos = videos;
    }

    static Optional<String> videoId(String path) {
        Matcher m = VIDEO_PAGE.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public String tags(String path) {
        if (videos == null) {
            return "";
        }
        return videoId(path).flatMap(this::find).filter(Video::federated).map(this::tags).orElse("");
    }

    private Optional<Video> find(String id) {
        return UUID.matcher(id).matches() ? videos.findByUuid(id.toLowerCase(java.util.Locale.ROOT))
                : videos.findByShortUuid(id);
    }

    String tags(Video v) {
        String base = instance.publicUrl();
        String watch = base + "/w/" + v.shortUuid();
        String embed = base + "/videos/embed/" + v.uuid();
        String description = v.description() == null ? "" : v.description().strip();
        if (description.length() > DESCRIPTION_MAX) {
            description = description.substring(0, DESCRIPTION_MAX - 1) + "…";
        }
        StringBuilder h = new StringBuilder(1024);
        meta(h, "og:type", "video.other");
        meta(h, "og:site_name", "Vidiverse");
        meta(h, "og:title", v.name());
        meta(h, "og:url", watch);
        if (!description.isEmpty()) {
            meta(h, "og:description", description);
        }
        if (v.state() == org.vidiverse.api.model.VideoState.PUBLISHED && (v.local() ? v.duration() > 0
                : v.thumbnailUrl() != null)) {
            meta(h, "og:image", base + "/lazy-static/previews/" + v.uuid() + ".jpg");
        }
        meta(h, "og:video:url", embed);
        meta(h, "og:video:type", "text/html");
        h.append("<meta name=\"twitter:card\" content=\"player\">");
        h.append("<meta name=\"twitter:player\" content=\"").append(attr(embed)).append("\">");
        h.append("<link rel=\"canonical\" href=\"").append(attr(watch)).append("\">");
        h.append("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"")
                .append(attr(base + "/services/oembed?url=" + URLEncoder.encode(watch, StandardCharsets.UTF_8)))
                .append("\" title=\"").append(attr(v.name())).append("\">");
        return h.toString();
    }

    private static void meta(StringBuilder h, String property, String content) {
        h.append("<meta property=\"").append(property).append("\" content=\"").append(attr(content)).append("\">");
    }

    static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
