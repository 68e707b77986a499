package org.vidiverse.federation.internal.moderationfeed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.federation.ModerationFeedAdmin;
import org.vidiverse.api.model.ModerationFeed;
import org.vidiverse.api.model.ModerationFeed.Trust;
import org.vidiverse.api.model.ModerationFeedEntry;
import org.vidiverse.api.model.ModerationFeedEntry.State;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.ModerationFeedStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * The moderation feeds this instance subscribes to, {@code /api/v1/server/moderation-feeds} (a Vidiverse
 * extension): list, subscribe ({@code {"url": ...} or {"host": ...}, "trust": "apply"|"propose"}), change the
 * trust, unsubscribe, sync now; and their entries, where moderators accept or reject proposals and override or
 * re-enable applied blocks. Subscriptions are an administrator's choice; entries a moderator's.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/server/moderation-feeds")
@Produces(MediaType.APPLICATION_JSON)
public final class ModerationFeedsResource {
    private static final Set<String> SORTS = Set.of("createdAt");
    private static final String HOST_PATTERN = "[a-z0-9.-]+(:[0-9]{1,5})?";

    private final ModerationFeedStore feeds;
    private final ModerationFeedAdmin admin;

    @Activate
    public ModerationFeedsResource(@Reference ModerationFeedStore feeds, @Reference ModerationFeedAdmin admin) {
        this.feeds = feeds;
        this.admin = admin;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        Caller.requireRole(security, UserRole.MODERATOR);
        var data = feeds.list().stream().map(this::json).toList();
        return Map.of("total", data.size(), "data", data);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@Context SecurityContext security, JsonNode body) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("give {\"url\": ...} or {\"host\": ...} and a trust");
        }
        String url = text(body, "url");
        String host = text(body, "host");
        if ((url == null) == (host == null)) {
            throw Problem.invalidParam("url", "give either url or host");
        }
        if (url == null && !host.toLowerCase(Locale.ROOT).matches(HOST_PATTERN)) {
            throw Problem.invalidParam("host", "host must be a host name, with a port if needed");
        }
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw Problem.invalidParam("url", "url must be an http(s) URL");
        }
        Trust trust = trust(body, Trust.PROPOSE);
        try {
            return Response.ok(json(admin.subscribe(url != null ? url : host, trust))).build();
        } catch (DuplicateException e) {
            throw new Problem(409, "This instance already subscribes to that feed", null, null);
        }
    }

    @GET
    @Path("{id: [0-9]+}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") long id) {
        Caller.requireRole(security, UserRole.MODERATOR);
        return json(find(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@Context SecurityContext security, @PathParam("id") long id, JsonNode body) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        if (body == null || !body.has("trust")) {
            throw Problem.invalidParam("trust", "trust must be apply or propose");
        }
        try {
            return json(feeds.setTrust(id, trust(body, null)));
        } catch (NotFoundException e) {
            throw Problem.notFound("Moderation feed subscription not found");
        }
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public Response unsubscribe(@Context SecurityContext security, @PathParam("id") long id) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        if (!feeds.unsubscribe(id)) {
            throw Problem.notFound("Moderation feed subscription not found");
        }
        return Response.noContent().build();
    }

    /** Syncs the feed now and answers the subscription as it is afterwards ({@code lastError} tells how it went). */
    @POST
    @Path("{id: [0-9]+}/sync")
    public Map<String, Object> syncNow(@Context SecurityContext security, @PathParam("id") long id) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        try {
            return json(admin.sync(id));
        } catch (NotFoundException e) {
            throw Problem.notFound("Moderation feed subscription not found");
        }
    }

    @GET
    @Path("entries")
    public Map<String, Object> entries(@Context SecurityContext security, @QueryParam("feedId") String feedId,
                                       @QueryParam("state") String state, @QueryParam("start") String start,
                                       @QueryParam("count") String count) {
        Caller.requireRole(security, UserRole.MODERATOR);
        PageRequest page = Paging.parse(start, count, null, 15, "-createdAt", SORTS);
        Long feed = null;
        if (feedId != null) {
            if (!feedId.matches("[0-9]{1,18}")) {
                throw Problem.invalidParam("feedId", "feedId must be a subscription id");
            }
            feed = Long.valueOf(feedId);
        }
        Page<ModerationFeedEntry> entries = feeds.entries(feed, state == null ? null : state(state), page);
        return Map.of("total", entries.total(), "data", entries.data().stream().map(this::json).toList());
    }

    /** Accepts a proposal, or re-enables an overridden entry: the target is blocked with the feed as source. */
    @POST
    @Path("entries/{entryId: [0-9]+}/accept")
    public Map<String, Object> accept(@Context SecurityContext security, @PathParam("entryId") long entryId) {
        Caller.requireRole(security, UserRole.MODERATOR);
        try {
            return json(feeds.accept(entryId));
        } catch (NotFoundException e) {
            throw Problem.notFound("Moderation feed entry not found");
        } catch (IllegalStateException e) {
            throw new Problem(409, e.getMessage(), null, null);
        }
    }

    /** Rejects a proposal, or overrides an applied entry (unblocking it): no sync brings it back. */
    @POST
    @Path("entries/{entryId: [0-9]+}/reject")
    public Map<String, Object> reject(@Context SecurityContext security, @PathParam("entryId") long entryId) {
        Caller.requireRole(security, UserRole.MODERATOR);
        try {
            return json(feeds.reject(entryId));
        } catch (NotFoundException e) {
            throw Problem.notFound("Moderation feed entry not found");
        }
    }

    private ModerationFeed find(long id) {
        return feeds.find(id).orElseThrow(() -> Problem.notFound("Moderation feed subscription not found"));
    }

    private Map<String, Object> json(ModerationFeed feed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", feed.id());
        json.put("url", feed.url());
        json.put("host", feed.host());
        json.put("trust", feed.trust().name().toLowerCase(Locale.ROOT));
        json.put("createdAt", ApContext.date(feed.createdAt()));
        json.put("lastSyncAt", ApContext.date(feed.lastSyncAt()));
        json.put("lastSuccessAt", ApContext.date(feed.lastSuccessAt()));
        json.put("lastError", feed.lastError());
        json.put("publishedAt", ApContext.date(feed.publishedAt()));
        Map<String, Object> counts = new LinkedHashMap<>();
        for (State state : State.values()) {
            counts.put(state.name().toLowerCase(Locale.ROOT),
                    feeds.entries(feed.id(), state, new PageRequest(0, 0, "createdAt", true)).total());
        }
        json.put("entries", counts);
        return json;
    }

    private Map<String, Object> json(ModerationFeedEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("feedId", entry.feedId());
        json.put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
        json.put("target", entry.target());
        json.put("targetUrl", entry.targetUrl());
        json.put("reason", entry.reason());
        json.put("state", entry.state().name().toLowerCase(Locale.ROOT));
        json.put("error", entry.error());
        json.put("createdAt", ApContext.date(entry.createdAt()));
        json.put("updatedAt", ApContext.date(entry.updatedAt()));
        return json;
    }


    private static Trust trust(JsonNode body, Trust fallback) {
        JsonNode trust = body.path("trust");
        if (trust.isMissingNode() && fallback != null) {
            return fallback;
        }
        return switch (trust.asText("")) {
            case "apply" -> Trust.APPLY;
            case "propose" -> Trust.PROPOSE;
            default -> throw Problem.invalidParam("trust", "trust must be apply or propose");
        };
    }

    private static State state(String state) {
        for (State s : State.values()) {
            if (s.name().equalsIgnoreCase(state)) {
                return s;
            }
        }
        throw Problem.invalidParam("state", "state must be proposed, applied, pending or overridden");
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw Problem.invalidParam(field, field + " must be a string");
        }
        return node.asText().trim();
    }
}
