package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.p2p.P2pSettings;
import org.vidiverse.api.instance.InstanceSettings.SignupMode;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /api/v1/config}: what PeerTube clients read before anything else. Every value says what this
 * instance really does; features it does not offer yet are reported as disabled.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/config")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigResource {
    /** The PeerTube REST API version whose shapes we serve; clients compare it to enable features. */
    static final String PEERTUBE_API_VERSION = "6.3.0";
    static final List<Integer> RESOLUTIONS = List.of(144, 240, 360, 480, 720, 1080, 1440, 2160);

    private final InstanceSettings settings;
    private final UserStore users;
    private final String version;
    /** The tracker's settings; while no tracker is installed there is no P2P either. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile P2pSettings p2p;

    @Activate
    public ConfigResource(@Reference InstanceSettings settings, @Reference UserStore users,
                          org.osgi.framework.BundleContext context) {
        this.settings = settings;
        this.users = users;
        this.version = context.getBundle().getVersion().toString();
    }

    private boolean p2pEnabled() {
        P2pSettings p2pSettings = p2p;
        return p2pSettings != null && p2pSettings.p2pEnabled();
    }

    @GET
    public Map<String, Object> config() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance", map("name", settings.name(), "shortDescription", settings.shortDescription(),
                "isNSFW", false, "defaultNSFWPolicy", settings.defaultNsfwPolicy(),
                "defaultClientRoute", "/videos/recently-added",
                "customizations", map("javascript", "", "css", ""), "avatars", List.of(), "banners", List.of()));
        json.put("serverVersion", PEERTUBE_API_VERSION);
        json.put("serverCommit", "");
        json.put("vidiverse", map("version", version));
        json.put("signup", signup());
        json.put("user", map("videoQuota", settings.defaultVideoQuota(),
                "videoQuotaDaily", settings.defaultVideoQuotaDaily()));
        json.put("video", map("image", map("extensions", List.of(".png", ".jpg", ".jpeg", ".webp"),
                        "size", map("max", 4 * 1024 * 1024)),
                "file", map("extensions", List.of(".mp4", ".webm", ".ogv", ".mkv", ".mov", ".m4v", ".avi",
                        ".flv", ".mp3", ".ogg", ".wav", ".flac", ".m4a"))));
        json.put("videoFile", map("update", map("enabled", false)));
        json.put("client", map("videos", map("miniature", map("displayAuthorAvatar", false,
                        "preferAuthorDisplayName", false), "resumableUpload", map("maxChunkSize", 0)),
                "menu", map("login", map("redirectOnSingleExternalAuth", false))));
        json.put("defaults", map("publish", map("downloadEnabled", true, "commentsPolicy", 1,
                        "commentsEnabled", true, "privacy", 1, "licence", null),
                "p2p", map("webapp", map("enabled", p2pEnabled()), "embed", map("enabled", p2pEnabled()))));
        json.put("search", map("remoteUri", map("users", true, "anonymous", false),
                "searchIndex", map("enabled", false, "url", "", "disableLocalSearch", false, "isDefaultSearch", false)));
        json.put("plugin", map("registered", List.of(), "registeredExternalAuths", List.of(),
                "registeredIdAndPassAuths", List.of()));
        json.put("theme", map("registered", List.of(), "default", "default"));
        json.put("email", map("enabled", false));
        json.put("contactForm", map("enabled", false));
        json.put("transcoding", map("remoteRunners", map("enabled", false), "hls", map("enabled", true),
                "web_videos", map("enabled", true), "enabledResolutions", RESOLUTIONS, "profile", "default",
                "availableProfiles", List.of("default")));
        json.put("live", map("enabled", false, "allowReplay", false, "latencySetting", map("enabled", false),
                "maxDuration", -1, "maxInstanceLives", 0, "maxUserLives", 0,
                "transcoding", map("enabled", false, "remoteRunners", map("enabled", false),
                        "enabledResolutions", List.of(), "profile", "default", "availableProfiles", List.of("default")),
                "rtmp", map("port", 1935)));
        json.put("videoStudio", map("enabled", false, "remoteRunners", map("enabled", false)));
        json.put("videoTranscription", map("enabled", false, "remoteRunners", map("enabled", false)));
        json.put("import", map("videos", map("http", map("enabled", false), "torrent", map("enabled", false)),
                "videoChannelSynchronization", map("enabled", false), "users", map("enabled", false)));
        json.put("export", map("users", map("enabled", false, "exportExpiration", 0, "maxUserVideoQuota", 0)));
        json.put("autoBlacklist", map("videos", map("ofUsers", map("enabled", settings.autoBlockVideosOfUsers()))));
        json.put("avatar", map("file", map("size", map("max", 4 * 1024 * 1024),
                "extensions", List.of(".png", ".jpeg", ".jpg", ".gif", ".webp"))));
        json.put("banner", map("file", map("size", map("max", 4 * 1024 * 1024),
                "extensions", List.of(".png", ".jpeg", ".jpg", ".gif", ".webp"))));
        json.put("videoCaption", map("file", map("size", map("max", 20 * 1024 * 1024),
                "extensions", List.of(".vtt", ".srt"))));
        json.put("videoChannels", map("maxPerUser", 20));
        json.put("trending", map("videos", map("intervalDays", 7, "algorithms",
                map("enabled", List.of("most-viewed"), "default", "most-viewed"))));
        P2pSettings p2pSettings = p2p;
        json.put("tracker", map("enabled", p2pSettings != null && p2pSettings.trackerEnabled()));
        json.put("followings", map("instance", map("autoFollowIndex", map("indexUrl", ""))));
        json.put("broadcastMessage", map("enabled", false, "message", "", "level", "info", "dismissable", false));
        json.put("homepage", map("enabled", false));
        json.put("openTelemetry", map("metrics", map("enabled", false, "playbackStatsInterval", 15000)));
        json.put("views", map("videos", map("watchingInterval", map("anonymous", 5000, "users", 5000))));
        json.put("storyboards", map("enabled", false));
        json.put("webadmin", map("configuration", map("edition", map("allowed", false))));
        return json;
    }

    private Map<String, Object> signup() {
        SignupMode mode = settings.signupMode();
        boolean underLimit = settings.signupLimit() < 0 || users.count() < settings.signupLimit();
        boolean allowed = mode != SignupMode.CLOSED && underLimit;
        return map("allowed", allowed, "allowedForCurrentIP", allowed, "minimumAge", 16,
                "requiresApproval", mode == SignupMode.OPEN_WITH_APPROVAL, "requiresEmailVerification", false);
    }

    /** An insertion-ordered map that, unlike {@code Map.of}, keeps nulls and its order on the wire. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
