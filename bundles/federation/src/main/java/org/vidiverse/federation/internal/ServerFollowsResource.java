package org.vidiverse.federation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.federation.FederationAdmin;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * PeerTube's instance follow API: {@code /api/v1/server/following} (whom this instance follows; follow hosts or
 * handles, unfollow) and {@code /api/v1/server/followers} (who follows it; accept, reject, remove). Lists are
 * public as in PeerTube; changes need an administrator.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/server")
@Produces(MediaType.APPLICATION_JSON)
public final class ServerFollowsResource {
    private static final Set<String> SORTS = Set.of("createdAt");
    private static final int MAX_TARGETS = 50;

    private final FederationAdmin admin;

    @Activate
    public ServerFollowsResource(@Reference FederationAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Path("following")
    public Map<String, Object> following(@QueryParam("start") String start, @QueryParam("count") String count,
                                         @QueryParam("sort") String sort, @QueryParam("state") String state) {
        return list(admin.following(paging(start, count, sort)), state);
    }

    @GET
    @Path("followers")
    public Map<String, Object> followers(@QueryParam("start") String start, @QueryParam("count") String count,
                                         @QueryParam("sort") String sort, @QueryParam("state") String state) {
        return list(admin.followers(paging(start, count, sort)), state);
    }

    @POST
    @Path("following")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response follow(JsonNode body, @Context SecurityContext security) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        List<String> targets = new ArrayList<>();
        targets.addAll(strings(body, "hosts"));
        targets.addAll(strings(body, "handles"));
        if (targets.isEmpty()) {
            throw Problem.invalidParam("hosts", "give hosts or handles to follow");
        }
        if (targets.size() > MAX_TARGETS) {
            throw Problem.invalidParam("hosts", "at most " + MAX_TARGETS + " hosts and handles at once");
        }
        for (String target : targets) {
            if (!target.matches("@?([a-zA-Z0-9\\-_.:]+@)?[a-zA-Z0-9.-]+(:[0-9]{1,5})?")) {
                throw Problem.invalidParam("hosts", "not a host or handle: " + target);
            }
        }
        for (String target : targets) {
            admin.follow(target);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("following/{target}")
    public Response unfollow(@PathParam("target") String target, @Context SecurityContext security) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        admin.unfollow(target);
        return Response.noContent().build();
    }

    @POST
    @Path("followers/{handle}/accept")
    public Response accept(@PathParam("handle") String handle, @Context SecurityContext security) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        admin.acceptFollower(handle);
        return Response.noContent().build();
    }

    @POST
    @Path("followers/{handle}/reject")
    public Response reject(@PathParam("handle") String handle, @Context SecurityContext security) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
        admin.rejectFollower(handle);
        return Response.noContent().build();
    }

    @DELETE
    @Path("followers/{handle}")
    public Response remove(@PathParam("handle") String handle, @Context SecurityContext security) {
        return reject(handle, security);
    }

    private static PageRequest paging(String start, String count, String sort) {
        return Paging.parse(start, count, sort, 15, "-createdAt", SORTS);
    }

    private static Map<String, Object> list(Page<Follow> page, String state) {
        if (state != null && !Set.of("pending", "accepted", "rejected").contains(state)) {
            throw Problem.invalidParam("state", "state must be pending, accepted or rejected");
        }
        List<Map<String, Object>> data = page.data().stream()
                .filter(f -> state == null || f.state().name().equalsIgnoreCase(state))
                .map(ServerFollowsResource::json).toList();
        return Map.of("total", state == null ? page.total() : data.size(), "data", data);
    }

    /** A follow in PeerTube's {@code ActorFollow} shape. */
    static Map<String, Object> json(Follow follow) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", follow.id());
        json.put("follower", actor(follow.follower()));
        json.put("following", actor(follow.following()));
        json.put("score", 1000);
        json.put("state", follow.state().name().toLowerCase(java.util.Locale.ROOT));
        json.put("createdAt", org.vidiverse.federation.internal.activitypub.ApContext.date(follow.createdAt()));
        json.put("updatedAt", org.vidiverse.federation.internal.activitypub.ApContext.date(follow.updatedAt()));
        return json;
    }

    private static Map<String, Object> actor(ActorRef ref) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ref.id());
        json.put("url", ref.url());
        json.put("name", ref.name());
        json.put("displayName", ref.displayName());
        json.put("host", ref.host());
        json.put("hostRedundancyAllowed", false);
        return json;
    }

    private static List<String> strings(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        if (body == null || !body.has(field)) {
            return values;
        }
        JsonNode node = body.get(field);
        if (!node.isArray()) {
            throw Problem.invalidParam(field, field + " must be an array of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw Problem.invalidParam(field, field + " must be an array of strings");
            }
            values.add(value.asText().trim());
        }
        return values;
    }
}
