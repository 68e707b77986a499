package org.vidiverse.rest.internal;

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
import org.vidiverse.api.model.ServerBlock;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.AccountBlockStore;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.ServerBlockStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * A user's own block lists, as PeerTube's {@code /api/v1/users/me/blocklist}: accounts ({@code name@host}) and
 * servers (host). What they name disappears from that user's video lists, subscriptions and searches.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/blocklist")
@Produces(MediaType.APPLICATION_JSON)
public final class UserBlocklistResource {
    private static final Set<String> SORTS = Set.of("createdAt");

    private final AccountBlockStore accountBlocks;
    private final ServerBlockStore serverBlocks;
    private final ChannelStore channels;
    private final InstanceIdentity instance;

    @Activate
    public UserBlocklistResource(@Reference AccountBlockStore accountBlocks, @Reference ServerBlockStore serverBlocks,
                                 @Reference ChannelStore channels, @Reference InstanceIdentity instance) {
        this.accountBlocks = accountBlocks;
        this.serverBlocks = serverBlocks;
        this.channels = channels;
        this.instance = instance;
    }

    @GET
    @Path("accounts")
    public Map<String, Object> accounts(@Context SecurityContext security, @QueryParam("start") String start,
                                        @QueryParam("count") String count, @QueryParam("sort") String sort) {
        User user = Caller.require(security);
        Page<AccountBlock> page = accountBlocks.blockedBy(user.accountId(),
                Paging.parse(start, count, sort, 15, "-createdAt", SORTS));
        List<Map<String, Object>> data = page.data().stream()
                .map(block -> BlockLists.accountEntry(block, channels)).toList();
        return Map.of("total", page.total(), "data", data);
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response blockAccount(@Context SecurityContext security, Map<String, Object> json) {
        User user = Caller.require(security);
        String name = new Body(json).requiredString("accountName", 600).trim();
        Account target = channels.findAccountByHandle(name)
                .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
        if (target.id() == user.accountId()) {
            throw new Problem(409, "You cannot block yourself", null, null);
        }
        try {
            accountBlocks.block(user.accountId(), target.id());
        } catch (DuplicateException e) {
            throw new Problem(409, "This account is already blocked", null, null);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("accounts/{accountName}")
    public Response unblockAccount(@Context SecurityContext security, @PathParam("accountName") String name) {
        User user = Caller.require(security);
        Account target = channels.findAccountByHandle(name.trim())
                .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
        if (!accountBlocks.unblock(user.accountId(), target.id())) {
            throw Problem.notFound("Account block entry not found");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("servers")
    public Map<String, Object> servers(@Context SecurityContext security, @QueryParam("start") String start,
                                       @QueryParam("count") String count, @QueryParam("sort") String sort) {
        User user = Caller.require(security);
        PageRequest request = Paging.parse(start, count, sort, 15, "-createdAt", SORTS);
        Page<ServerBlock> page = serverBlocks.blockedBy(user.accountId(), request);
        Map<String, Object> by = BlockLists.account(user.accountId(), channels);
        List<Map<String, Object>> data = page.data().stream()
                .map(block -> BlockLists.serverEntry(by, block.host(), block.createdAt())).toList();
        return Map.of("total", page.total(), "data", data);
    }

    @POST
    @Path("servers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response blockServer(@Context SecurityContext security, Map<String, Object> json) {
        User user = Caller.require(security);
        String host = BlockLists.hostToBlock(new Body(json), instance);
        try {
            serverBlocks.block(user.accountId(), host);
        } catch (DuplicateException e) {
            throw new Problem(409, "This server is already blocked", null, null);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("servers/{host}")
    public Response unblockServer(@Context SecurityContext security, @PathParam("host") String host) {
        User user = Caller.require(security);
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (!h.matches(BlockLists.HOST_PATTERN) || !serverBlocks.unblock(user.accountId(), h)) {
            throw Problem.notFound("Server block entry not found");
        }
        return Response.noContent().build();
    }
}
