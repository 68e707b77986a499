package org.vidiverse.rest.internal;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.auth.UserAdmin;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.instance.InstanceSettings.SignupMode;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.UserUpdate;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/users}: OAuth tokens, registration, and user management for administrators and moderators
 * (moderators manage plain users only, as in PeerTube).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UsersResource.class);
    private static final java.util.Set<String> SORTS = java.util.Set.of("createdAt", "username", "lastLoginDate");

    private final LoginService logins;
    private final UserAdmin admin;
    private final UserStore users;
    private final ChannelStore channels;
    private final InstanceSettings settings;

    @Activate
    public UsersResource(@Reference LoginService logins, @Reference UserAdmin admin, @Reference UserStore users,
                         @Reference ChannelStore channels, @Reference InstanceSettings settings) {
        this.logins = logins;
        this.admin = admin;
        this.users = users;
        this.channels = channels;
        this.settings = settings;
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> token(MultivaluedMap<String, String> form, @Context HttpServletRequest http) {
        return TokenEndpoint.grant(logins, form, http.getRemoteAddr());
    }

    @POST
    @Path("revoke-token")
    public Response revoke(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller.require(security);
        logins.revoke(authorization.substring("bearer ".length()).trim());
        return Response.ok(Map.of()).build();
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Map<String, Object> json) {
        SignupMode mode = settings.signupMode();
        if (mode == SignupMode.CLOSED) {
            throw Problem.forbidden("User registration is not enabled");
        }
        if (settings.signupLimit() >= 0 && users.count() >= settings.signupLimit()) {
            throw Problem.forbidden("User registration limit is reached");
        }
        Body body = new Body(json);
        String username = body.requiredString("username", 50);
        String email = body.requiredString("email", 400);
        String password = body.requiredString("password", 255);
        User user = admin.create(username, email, password, UserRole.USER, settings.defaultVideoQuota(),
                settings.defaultVideoQuotaDaily());
        if (mode == SignupMode.OPEN_WITH_APPROVAL) {
            // no approval queue yet: the account waits blocked until a moderator unblocks it
            admin.setBlocked(user.username(), true, "Waiting for a moderator to approve the registration");
        }
        return Response.noContent().build();
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort,
                                    @QueryParam("search") String search, @QueryParam("blocked") String blocked) {
        Caller.requireRole(security, UserRole.MODERATOR);
        Boolean onlyBlocked = QueryParams.bool("blocked", blocked);
        if (search != null && search.length() > 100) {
            throw Problem.invalidParam("search", "search is at most 100 characters");
        }
        Page<User> page = users.list(search, onlyBlocked, Paging.parse(start, count, sort, 15, "-createdAt", SORTS));
        return Map.of("total", page.total(), "data", page.map(this::json).data());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@Context SecurityContext security, Map<String, Object> json) {
        User caller = Caller.requireRole(security, UserRole.MODERATOR);
        Body body = new Body(json);
        UserRole role = role(body);
        if (!caller.role().atLeast(UserRole.ADMINISTRATOR) && role != UserRole.USER) {
            throw Problem.forbidden("Moderators can only create users");
        }
        Long quota = body.integer("videoQuota");
        Long daily = body.integer("videoQuotaDaily");
        User user = admin.create(body.requiredString("username", 50), body.requiredString("email", 400),
                body.requiredString("password", 255), role,
                quota == null ? settings.defaultVideoQuota() : quota,
                daily == null ? settings.defaultVideoQuotaDaily() : daily);
        return Map.of("user", ConfigResource.map("id", user.id(), "account", ConfigResource.map("id", user.accountId())));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") String id) {
        Caller.requireRole(security, UserRole.MODERATOR);
        return json(find(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, @PathParam("id") String id, Map<String, Object> json) {
        User caller = Caller.requireRole(security, UserRole.MODERATOR);
        User target = manageable(caller, find(id));
        Body body = new Body(json);
        UserRole role = body.has("role") ? role(body) : null;
        if (role != null && !caller.role().atLeast(UserRole.ADMINISTRATOR) && role != UserRole.USER) {
            throw Problem.forbidden("Moderators can only manage users");
        }
        String email = body.string("email", 400);
        if (email != null) {
            admin.validateEmail(email);
        }
        Long quota = quota(body, "videoQuota");
        Long daily = quota(body, "videoQuotaDaily");
        String password = body.string("password", 255);
        users.update(target.id(), new UserUpdate(email, null, role, quota, daily, null, null, null, null, null));
        if (password != null) {
            admin.resetPassword(target.username(), password);
        }
        return Response.noContent().build();
    }

    /**
     * Deletes a user with everything of theirs (see {@link UserStore#delete}), with PeerTube's rules: root cannot
     * be deleted (400), nor can one delete oneself (400); moderators delete plain users only (403).
     */
    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        User caller = Caller.requireRole(security, UserRole.MODERATOR);
        User target = find(id);
        if (target.username().equals("root")) {
            throw Problem.badRequest("Cannot remove the root user");
        }
        if (target.id() == caller.id()) {
            throw Problem.badRequest("You cannot delete yourself");
        }
        if (!caller.role().atLeast(UserRole.ADMINISTRATOR) && target.role() != UserRole.USER) {
            throw Problem.forbidden("A moderator can only manage users.");
        }
        users.delete(target.id());
        LOG.info("{} deleted user {} (id {})", caller.username(), target.username(), target.id());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/block")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response block(@Context SecurityContext security, @PathParam("id") String id, Map<String, Object> json) {
        User caller = Caller.requireRole(security, UserRole.MODERATOR);
        User target = manageable(caller, find(id));
        if (target.id() == caller.id()) {
            throw Problem.badRequest("You cannot block yourself");
        }
        String reason = json == null ? null : new Body(json).string("reason", 250);
        admin.setBlocked(target.username(), true, reason);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unblock")
    public Response unblock(@Context SecurityContext security, @PathParam("id") String id) {
        User caller = Caller.requireRole(security, UserRole.MODERATOR);
        admin.setBlocked(manageable(caller, find(id)).username(), false, null);
        return Response.noContent().build();
    }

    private User find(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw Problem.invalidParam("id", "id must be a user id");
        }
        return users.findById(Long.parseLong(id)).orElseThrow(() -> Problem.notFound("User not found"));
    }

    /** Admins manage everyone but root; moderators manage plain users only. */
    private static User manageable(User caller, User target) {
        if (target.username().equals("root") && !caller.username().equals("root")) {
            throw Problem.forbidden("Cannot change the root user");
        }
        if (!caller.role().atLeast(UserRole.ADMINISTRATOR) && target.role() != UserRole.USER) {
            throw Problem.forbidden("Moderators can only manage users");
        }
        return target;
    }

    private static UserRole role(Body body) {
        Long id = body.integer("role");
        if (id == null) {
            throw new InvalidInputException("role", "role is required (0 administrator, 1 moderator, 2 user)");
        }
        return UserRole.byId(id.intValue()).orElseThrow(() ->
                new InvalidInputException("role", "role must be 0 (administrator), 1 (moderator) or 2 (user)"));
    }

    private static Long quota(Body body, String name) {
        Long value = body.integer(name);
        if (value != null && value < -1) {
            throw new InvalidInputException(name, name + " must be -1 (unlimited) or a number of bytes");
        }
        return value;
    }

    private Map<String, Object> json(User user) {
        Map<String, Object> json = UserJson.user(user, channels.findAccount(user.accountId()).orElse(null),
                channels.channelsOf(user.accountId()));
        json.put("videoQuotaUsed", users.videoQuotaUsed(user.id()));
        json.put("role", Labels.idLabel(user.role().id(), user.role().label()));
        json.remove("noInstanceConfigWarningModal");
        return json;
    }
}
