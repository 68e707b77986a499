package org.vidiverse.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code GET /feeds/videos.{format}}, {@code /feeds/video-comments.{format}} and
 * {@code /feeds/subscriptions.{format}} as PeerTube serves them: the newest videos of the public listing (public,
 * published, nothing moderation hides from anonymous visitors, NSFW as the instance's default policy lists it),
 * optionally of one account or channel, as RSS, Atom or JSON Feed. Feed readers fetch anonymously, so the answer is
 * the same for everyone: it is sent with a public max-age and an ETag.
 * ({@code /feeds/moderation.json} is the federation bundle's; JAX-RS prefers its longer literal path.)
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/feeds")
public final class FeedsResource {
    /** How many videos a feed carries, as PeerTube's {@code FEEDS.COUNT}. */
    static final int COUNT = 20;
    static final int MAX_AGE_SECONDS = 300;

    private final VideoStore videos;
    private final ChannelStore channels;
    private final org.vidiverse.api.store.CommentStore comments;
    private final org.vidiverse.api.store.FeedTokenStore feedTokens;
    private final org.vidiverse.api.store.UserStore users;
    private final InstanceIdentity instance;
    private final InstanceSettings settings;

    @Activate
    public FeedsResource(@Reference VideoStore videos, @Reference ChannelStore channels,
                         @Reference org.vidiverse.api.store.CommentStore comments,
                         @Reference org.vidiverse.api.store.FeedTokenStore feedTokens,
                         @Reference org.vidiverse.api.store.UserStore users,
                         @Reference InstanceIdentity instance, @Reference InstanceSettings settings) {
        this.videos = videos;
        this.comments = comments;
        this.feedTokens = feedTokens;
        this.users = users;
        this.channels = channels;
        this.instance = instance;
        this.settings = settings;
    }

    @GET
    @Path("videos.{format}")
    public Response videos(@Context Request request, @Context UriInfo uri, @PathParam("format") String format,
                           @QueryParam("accountId") String accountId, @QueryParam("accountName") String accountName,
                           @QueryParam("videoChannelId") String channelId,
                           @QueryParam("videoChannelName") String channelName, @QueryParam("sort") String sort,
                           @QueryParam("nsfw") String nsfw, @QueryParam("isLocal") String isLocal) {
        Feeds.Format type = Feeds.Format.parse(format);
        PageRequest page = Paging.parse("0", Integer.toString(COUNT), sort, COUNT, "-publishedAt",
                VideoQuery.SORT_FIELDS);
        Boolean nsfwFilter = SearchParams.nsfwFilter(nsfw,
                "do_not_list".equals(settings.defaultNsfwPolicy()) ? Boolean.FALSE : null);
        Boolean local = QueryParams.bool("isLocal", isLocal);
        String base = instance.publicUrl();
        Channel channel = channel(channelId, channelName);
        Account account = channel != null ? null : account(accountId, accountName);
        VideoQuery pub = VideoQuery.publicListing();
        VideoQuery query = new VideoQuery(pub.privacies(), pub.states(), local, channel == null ? null : channel.id(),
                account == null ? null : account.id(), nsfwFilter, null, null, null, 0L);
        Feeds.Meta meta;
        String feedUrl = feedUrl(base, uri);
        if (channel != null) {
            meta = new Feeds.Meta(channel.displayName(), channel.description(), channel.url(), feedUrl, null);
        } else if (account != null) {
            meta = new Feeds.Meta(account.displayName(), account.description(), account.url(), feedUrl, null);
        } else {
            meta = new Feeds.Meta(settings.name(), settings.shortDescription(), base, feedUrl, null);
        }
        List<Feeds.Item> items = new ArrayList<>();
        for (Video v : videos.list(query, page).data()) {
            items.add(item(v, base));
        }
        return cached(request, type.mediaType, Feeds.render(type, meta, items));
    }

    /**
     * {@code GET /feeds/subscriptions.{format}?accountId=&token=}: the newest videos of the channels an account
     * follows, for feed readers that cannot log in: {@code token} is the account's user's feed token
     * ({@code /api/v1/users/scoped-tokens}). Without either parameter 400, unknown account 404, a token that is not
     * that account's 403.
     */
    @GET
    @Path("subscriptions.{format}")
    public Response subscriptions(@Context Request request, @Context UriInfo uri, @PathParam("format") String format,
                                  @QueryParam("accountId") String accountId, @QueryParam("token") String token,
                                  @QueryParam("sort") String sort, @QueryParam("nsfw") String nsfw) {
        Feeds.Format type = Feeds.Format.parse(format);
        if (accountId == null || accountId.isBlank()) {
            throw Problem.invalidParam("accountId", "accountId is required");
        }
        if (token == null || token.isBlank()) {
            throw Problem.invalidParam("token", "token is required");
        }
        PageRequest page = Paging.parse("0", Integer.toString(COUNT), sort, COUNT, "-publishedAt",
                VideoQuery.SORT_FIELDS);
        Account account = account(accountId, null);
        boolean owner = feedTokens.userOf(token.trim()).flatMap(users::findById)
                .map(u -> u.accountId() == account.id()).orElse(false);
        if (!owner) {
            throw Problem.forbidden("This token is not the feed token of account " + account.id());
        }
        Boolean nsfwFilter = SearchParams.nsfwFilter(nsfw,
                "do_not_list".equals(settings.defaultNsfwPolicy()) ? Boolean.FALSE : null);
        VideoQuery pub = VideoQuery.publicListing();
        VideoQuery query = new VideoQuery(pub.privacies(), pub.states(), null, null, null, nsfwFilter, null, null,
                account.id(), account.id());
        String base = instance.publicUrl();
        Feeds.Meta meta = new Feeds.Meta(account.displayName() + " - subscriptions", null, base,
                feedUrl(base, uri), null);
        List<Feeds.Item> items = new ArrayList<>();
        for (Video v : videos.list(query, page).data()) {
            items.add(item(v, base));
        }
        CacheControl privateCache = new CacheControl();
        privateCache.setPrivate(true);
        privateCache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(Feeds.render(type, meta, items), type.mediaType).cacheControl(privateCache).build();
    }

    /**
     * {@code GET /feeds/video-comments.{format}}: the newest readable comments of the public listing's videos, of
     * one video ({@code videoId}: id, UUID or short UUID of a listed video), or of one account's or channel's videos.
     */
    @GET
    @Path("video-comments.{format}")
    public Response comments(@Context Request request, @Context UriInfo uri, @PathParam("format") String format,
                             @QueryParam("videoId") String videoId, @QueryParam("accountId") String accountId,
                             @QueryParam("accountName") String accountName,
                             @QueryParam("videoChannelId") String channelId,
                             @QueryParam("videoChannelName") String channelName) {
        Feeds.Format type = Feeds.Format.parse(format);
        String base = instance.publicUrl();
        Video only = videoId == null || videoId.isBlank() ? null : listedVideo(videoId);
        Channel channel = channel(channelId, channelName);
        Account account = channel != null ? null : account(accountId, accountName);
        VideoQuery pub = VideoQuery.publicListing();
        VideoQuery query = new VideoQuery(pub.privacies(), pub.states(), null, channel == null ? null : channel.id(),
                account == null ? null : account.id(), null, null, null, null, 0L);
        String title = only != null ? only.name() : channel != null ? channel.displayName()
                : account != null ? account.displayName() : settings.name();
        Feeds.Meta meta = new Feeds.Meta(title + " - comments", null,
                only != null ? base + "/w/" + only.shortUuid() : base, feedUrl(base, uri), null);
        Map<Long, Video> seen = new java.util.HashMap<>();
        List<Feeds.Item> items = new ArrayList<>();
        for (org.vidiverse.api.model.Comment c : comments.latest(query, only == null ? null : only.id(), COUNT)) {
            Video v = seen.computeIfAbsent(c.videoId(), id -> videos.findById(id).orElse(null));
            if (v == null) {
                continue;   // deleted in between
            }
            String link = base + "/w/" + v.shortUuid() + ";threadId=" + (c.threadId() == null ? c.id() : c.threadId());
            items.add(new Feeds.Item(c.url(), v.name(), link, c.text(), c.createdAt(), c.updatedAt(),
                    c.account() == null ? null : c.account().displayName(),
                    c.account() == null ? null : c.account().url(), null, null, List.of()));
        }
        return cached(request, type.mediaType, Feeds.render(type, meta, items));
    }

    /** A video anonymous visitors can list, by id, UUID or short UUID; 404 for others too, as if unknown. */
    private Video listedVideo(String id) {
        Video v = new VideoAccess(videos).find(id);
        if (v.privacy() != org.vidiverse.api.model.VideoPrivacy.PUBLIC
                || v.state() != org.vidiverse.api.model.VideoState.PUBLISHED || v.blacklisted()) {
            throw Problem.notFound("Video not found");
        }
        return v;
    }

    private static String feedUrl(String base, UriInfo uri) {
        return base + uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
    }

    /** A video as a feed item; its enclosures are its web videos, else its HLS renditions, highest first. */
    Feeds.Item item(Video v, String base) {
        Map<String, Object> json = VideoJson.details(v, videos.files(v.id()), videos.hlsPlaylist(v.id()).orElse(null),
                base);
        List<Feeds.Enclosure> enclosures = new ArrayList<>();
        List<?> files = (List<?>) json.get("files");
        if (files.isEmpty()) {
            List<?> playlists = (List<?>) json.get("streamingPlaylists");
            files = playlists.isEmpty() ? List.of() : (List<?>) ((Map<?, ?>) playlists.get(0)).get("files");
        }
        for (Object f : files) {
            Map<?, ?> file = (Map<?, ?>) f;
            int height = ((Number) ((Map<?, ?>) file.get("resolution")).get("id")).intValue();
            enclosures.add(new Feeds.Enclosure((String) file.get("fileUrl"), height == 0 ? "audio/mp4" : "video/mp4",
                    ((Number) file.get("size")).longValue(), height, ((Number) file.get("fps")).intValue(),
                    v.duration()));
        }
        enclosures.sort((a, b) -> Integer.compare(b.height(), a.height()));
        String thumbnail = (String) json.get("previewPath");
        return new Feeds.Item(v.url(), v.name(), base + "/w/" + v.shortUuid(), v.description(), v.publishedAt(),
                v.updatedAt(), v.channel() == null ? null : v.channel().displayName(),
                v.channel() == null ? null : v.channel().url(), thumbnail == null ? null : base + thumbnail,
                base + "/videos/embed/" + v.uuid(), enclosures);
    }

    private Channel channel(String id, String name) {
        if (id != null && !id.isBlank()) {
            return channels.findChannel(id("videoChannelId", id))
                    .orElseThrow(() -> Problem.notFound("Video channel " + id + " not found"));
        }
        if (name != null && !name.isBlank()) {
            return channels.findChannelByHandle(name.trim())
                    .orElseThrow(() -> Problem.notFound("Video channel " + name + " not found"));
        }
        return null;
    }

    private Account account(String id, String name) {
        if (id != null && !id.isBlank()) {
            return channels.findAccount(id("accountId", id))
                    .orElseThrow(() -> Problem.notFound("Account " + id + " not found"));
        }
        if (name != null && !name.isBlank()) {
            return channels.findAccountByHandle(name.trim())
                    .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
        }
        return null;
    }

    static long id(String param, String raw) {
        try {
            long id = Long.parseLong(raw.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.invalidParam(param, param + " must be a positive integer");
    }

    /** The body with a strong ETag; a reader that has it gets 304. */
    static Response cached(Request request, String mediaType, String body) {
        EntityTag tag = new EntityTag(sha256(body));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(body, mediaType).cacheControl(cache).tag(tag).build();
    }

    private static String sha256(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
