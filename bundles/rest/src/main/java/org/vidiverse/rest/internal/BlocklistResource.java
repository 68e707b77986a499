package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.AccountBlockStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.InstanceStore;
import org.vidiverse.api.store.ModerationFeedStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * The instance's block lists, as PeerTube's {@code /api/v1/server/blocklist}: servers (by host) and accounts (by
 * {@code name@host}). Federation refuses everything from a blocked server or account before fetching anything.
 * Moderators and administrators only. Vidiverse extensions: the POST bodies take an optional {@code reason}, and
 * list entries carry {@code reason} and {@code source} ({@code {"type": "local"}}, or {@code {"type": "feed",
 * "feedId", "url", "host"}} for a block applied from a subscribed moderation feed).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/server/blocklist")
@Produces(MediaType.APPLICATION_JSON)
public final class BlocklistResource {
    private static final Set<String> SORTS = Set.of("createdAt");
    private static final int MAX_REASON = 1000;

    private final InstanceStore instances;
    private final AccountBlockStore blocks;
    private final ActorStore actors;
    private final ChannelStore channels;
    private final InstanceIdentity instance;
    private final ModerationFeedStore feeds;

    @Activate
    public BlocklistResource(@Reference InstanceStore instances, @Reference AccountBlockStore blocks,
                             @Reference ActorStore actors, @Reference ChannelStore channels,
                             @Reference InstanceIdentity instance, @Reference ModerationFeedStore feeds) {
        this.instances = instances;
        this.blocks = blocks;
        this.actors = actors;
        this.channels = channels;
        this.instance = instance;
        this.feeds = feeds;
    }

    @GET
    @Path("servers")
    public Map<String, Object> servers(@Context SecurityContext security, @QueryParam("start") String start,
                                       @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Caller.requireRole(security, UserRole.MODERATOR);
        PageRequest page = Paging.parse(start, count, sort, 15, "-createdAt", SORTS);
        List<RemoteInstance> blocked = instances.list().stream().filter(RemoteInstance::blocked)
                .sorted((a, b) -> page.descending() ? b.createdAt().compareTo(a.createdAt())
                        : a.createdAt().compareTo(b.createdAt()))
                .toList();
        Map<String, Object> by = UserJson.account(instanceAccount());
        List<Map<String, Object>> data = blocked.stream().skip(page.start()).limit(page.count())
                .map(server -> {
                    Map<String, Object> json = BlockLists.serverEntry(by, server.host(),
                            server.blockedAt() != null ? server.blockedAt() : server.createdAt());
                    json.put("reason", server.blockReason());
                    json.put("source", source(server.blockFeedId()));
                    return json;
                }).toList();
        return Map.of("total", blocked.size(), "data", data);
    }

    @POST
    @Path("servers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response blockServer(@Context SecurityContext security, Map<String, Object> json) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Body body = new Body(json);
        String host = BlockLists.hostToBlock(body, instance);
        String reason = body.string("reason", MAX_REASON);
        if (instances.find(host).map(RemoteInstance::blocked).orElse(false)) {
            throw new Problem(409, "This server is already blocked", null, null);
        }
        try {
            instances.block(host, reason);
        } catch (DuplicateException e) {
            throw new Problem(409, "This server is already blocked", null, null);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("servers/{host}")
    public Response unblockServer(@Context SecurityContext security, @PathParam("host") String host) {
        Caller.requireRole(security, UserRole.MODERATOR);
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (!instances.find(h).map(RemoteInstance::blocked).orElse(false)) {
            throw Problem.notFound("Server block entry not found");
        }
        instances.setBlocked(h, false);
        return Response.noContent().build();
    }

    @GET
    @Path("accounts")
    public Map<String, Object> accounts(@Context SecurityContext security, @QueryParam("start") String start,
                                        @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Page<AccountBlock> page = blocks.blockedBy(instanceAccount().id(),
                Paging.parse(start, count, sort, 15, "-createdAt", SORTS));
        List<Map<String, Object>> data = page.data().stream().map(block -> {
            Map<String, Object> json = BlockLists.accountEntry(block, channels);
            json.put("reason", block.reason());
            json.put("source", source(block.feedId()));
            return json;
        }).toList();
        return Map.of("total", page.total(), "data", data);
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response blockAccount(@Context SecurityContext security, Map<String, Object> json) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Body body = new Body(json);
        String name = body.requiredString("accountName", 600).trim();
        String reason = body.string("reason", MAX_REASON);
        Account target = channels.findAccountByHandle(name)
                .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
        Account self = instanceAccount();
        if (target.id() == self.id()) {
            throw new Problem(409, "You cannot block the instance's own account", null, null);
        }
        try {
            blocks.block(self.id(), target.id(), reason);
        } catch (DuplicateException e) {
            throw new Problem(409, "This account is already blocked", null, null);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("accounts/{accountName}")
    public Response unblockAccount(@Context SecurityContext security, @PathParam("accountName") String name) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Account target = channels.findAccountByHandle(name.trim())
                .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
        if (!blocks.unblock(instanceAccount().id(), target.id())) {
            throw Problem.notFound("Account block entry not found");
        }
        return Response.noContent().build();
    }

    /** Where a block came from: a local decision, or a subscribed moderation feed. */
    private Map<String, Object> source(Long feedId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", feedId == null ? "local" : "feed");
        if (feedId != null) {
            json.put("feedId", feedId);
            feeds.find(feedId).ifPresent(feed -> {
                json.put("url", feed.url());
                json.put("host", feed.host());
            });
        }
        return json;
    }

    private Account instanceAccount() {
        return channels.findAccount(actors.instanceActor().id()).orElseThrow();
    }

}
