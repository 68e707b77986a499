package org.vidiverse.rest.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.core.Response;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.auth.UserAdmin;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserUpdate;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code /api/v1/users/me}: the logged-in user, as PeerTube clients read it after a login. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersMeResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private static final java.util.List<String> NSFW_POLICIES = java.util.List.of("display", "blur", "do_not_list");

    private final UserStore users;
    private final ChannelStore channels;
    private final UserAdmin admin;
    private final PlaylistStore playlists;

    @Activate
    public UsersMeResource(@Reference UserStore users, @Reference ChannelStore channels, @Reference UserAdmin admin,
                           @Reference PlaylistStore playlists) {
        this.users = users;
        this.channels = channels;
        this.admin = admin;
        this.playlists = playlists;
    }

    /** The caller, with PeerTube's {@code specialPlaylists}: their watch later playlist. */
    @GET
    public Map<String, Object> me(@Context SecurityContext security) {
        User user = Caller.require(security);
        Map<String, Object> json = UserJson.user(user, channels.findAccount(user.accountId()).orElse(null),
                channels.channelsOf(user.accountId()));
        json.put("specialPlaylists", playlists.watchLaterOf(user.accountId()).map(p -> List.of(ConfigResource.map(
                "id", p.id(), "name", p.displayName(), "type", p.type().id()))).orElse(List.of()));
        return json;
    }

    /** Changes the caller's own settings; a new password or email needs the current password. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, Map<String, Object> json) {
        User user = Caller.require(security);
        Body body = new Body(json);
        String password = body.string("password", 255);
        String email = body.string("email", 400);
        if (password != null || email != null) {
            String current = body.string("currentPassword", 255);
            if (current == null || !admin.checkPassword(user.id(), current)) {
                throw Problem.unauthorized("currentPassword is invalid");
            }
        }
        if (password != null) {
            admin.validatePassword(password);
        }
        if (email != null) {
            admin.validateEmail(email);
        }
        String nsfw = body.string("nsfwPolicy", 20);
        if (nsfw != null && !NSFW_POLICIES.contains(nsfw)) {
            throw new InvalidInputException("nsfwPolicy", "nsfwPolicy must be one of " + NSFW_POLICIES);
        }
        String displayName = body.string("displayName", 120);
        if (displayName != null && displayName.isBlank()) {
            throw new InvalidInputException("displayName", "displayName must not be empty");
        }
        users.update(user.id(), new UserUpdate(email, null, null, null, null, null, null, nsfw, body.bool("p2pEnabled"),
                displayName, body.bool("videosHistoryEnabled")));
        if (displayName != null) {
            federation.tell(p -> p.actorUpdated(user.accountId()));
        }
        if (password != null) {
            admin.resetPassword(user.username(), password);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("video-quota-used")
    public Map<String, Object> quotaUsed(@Context SecurityContext security) {
        User user = Caller.require(security);
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS);
        return ConfigResource.map("videoQuotaUsed", users.videoQuotaUsed(user.id()),
                "videoQuotaUsedDaily", users.videoQuotaUsedSince(user.id(), dayAgo));
    }
}
