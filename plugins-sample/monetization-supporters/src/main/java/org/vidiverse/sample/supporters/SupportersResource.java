package org.vidiverse.sample.supporters;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;

/**
 * The channel owner's REST endpoints, published on the instance's API port by the core's JAX-RS whiteboard (the
 * service property {@value #WHITEBOARD}; a plugin needs no import of the REST bundle for it):
 * <ul>
 * <li>{@code GET /plugins/supporters/router/channels/{channelName}/supporters}: {@code {total, data: [{username}]}}</li>
 * <li>{@code PUT .../supporters/{username}}: grants supporter status (204)</li>
 * <li>{@code DELETE .../supporters/{username}}: revokes it (204, also when the user was not a supporter)</li>
 * </ul>
 * Only the channel's owner or a moderator, with {@code Authorization: Bearer}. Errors are problem JSON: 401 without
 * a valid token, 403 for anyone else, 404 for an unknown local channel or user, 400 for a malformed name.
 */
@Component(service = Object.class, property = SupportersResource.WHITEBOARD + "=true")
@Path("/plugins/supporters/router/channels/{channelName}/supporters")
public final class SupportersResource {
    /** The core's whiteboard property for JAX-RS root resources ({@code org.vidiverse.rest.api.RestWhiteboard}). */
    static final String WHITEBOARD = "vidiverse.jaxrs.resource";
    private static final Logger LOG = LoggerFactory.getLogger(SupportersResource.class);
    private static final String NAME = "[a-zA-Z0-9\\-_.:]{1,50}";
    private static final String BEARER = "bearer ";

    private final LoginService logins;
    private final ChannelStore channels;
    private final UserStore users;
    private final Supporters supporters;

    @Activate
    public SupportersResource(@Reference LoginService logins, @Reference ChannelStore channels,
                              @Reference UserStore users, @Reference Supporters supporters) {
        this.logins = logins;
        this.channels = channels;
        this.users = users;
        this.supporters = supporters;
    }

    /** An answer before it becomes a JAX-RS response (kept apart so that tests need no JAX-RS runtime). */
    record Answer(int status, String contentType, String body) {
        static final Answer NO_CONTENT = new Answer(204, null, null);

        Response response() {
            return Response.status(status).type(contentType).entity(body).build();
        }
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("channelName") String channelName) {
        return listing(authorization, channelName).response();
    }

    @PUT
    @Path("{username}")
    public Response grant(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("channelName") String channelName, @PathParam("username") String username) {
        return granting(authorization, channelName, username).response();
    }

    @DELETE
    @Path("{username}")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("channelName") String channelName, @PathParam("username") String username) {
        return revoking(authorization, channelName, username).response();
    }

    Answer listing(String authorization, String channelName) {
        try {
            Channel channel = managed(authorization, channelName);
            List<String> names = supporters.of(channel.id());
            String data = names.stream().map(n -> "{\"username\":" + JsonText.quote(n) + "}")
                    .collect(Collectors.joining(","));
            return new Answer(200, "application/json", "{\"total\":" + names.size() + ",\"data\":[" + data + "]}");
        } catch (Refusal refusal) {
            return refusal.answer();
        }
    }

    Answer granting(String authorization, String channelName, String username) {
        try {
            Channel channel = managed(authorization, channelName);
            User supporter = user(username);
            if (supporters.grant(channel.id(), supporter.username())) {
                LOG.info("{} is now a supporter of channel {}", supporter.username(), channel.name());
            }
            return Answer.NO_CONTENT;
        } catch (Refusal refusal) {
            return refusal.answer();
        }
    }

    Answer revoking(String authorization, String channelName, String username) {
        try {
            Channel channel = managed(authorization, channelName);
            if (username == null || !username.matches(NAME)) {
                throw new Refusal(400, "Invalid username");
            }
            String name = users.findByUsername(username).map(User::username).orElse(username);
            if (supporters.revoke(channel.id(), name)) {
                LOG.info("{} is no longer a supporter of channel {}", name, channel.name());
            }
            return Answer.NO_CONTENT;
        } catch (Refusal refusal) {
            return refusal.answer();
        }
    }

    /** The local channel if the caller is its owner or a moderator. */
    private Channel managed(String authorization, String channelName) throws Refusal {
        User caller = caller(authorization);
        if (channelName == null || !channelName.matches(NAME)) {
            throw new Refusal(400, "Invalid channel name");
        }
        Channel channel = channels.findLocalChannel(channelName)
                .orElseThrow(() -> new Refusal(404, "Video channel not found"));
        boolean owner = channel.owner() != null && channel.owner().id() == caller.accountId();
        if (!owner && !caller.role().atLeast(UserRole.MODERATOR)) {
            throw new Refusal(403, "Only the owner of the channel or a moderator may manage its supporters");
        }
        return channel;
    }

    private User caller(String authorization) throws Refusal {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Refusal(401, "Authentication is required");
        }
        String token = authorization.substring(BEARER.length()).trim();
        Optional<User> user = token.isEmpty() ? Optional.empty() : logins.authenticate(token);
        return user.orElseThrow(() -> new Refusal(401, "Token is invalid"));
    }

    private User user(String username) throws Refusal {
        if (username == null || !username.matches(NAME)) {
            throw new Refusal(400, "Invalid username");
        }
        return users.findByUsername(username).orElseThrow(() -> new Refusal(404, "User not found"));
    }

    /** An error answer, as problem JSON like the core's. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }

        Answer answer() {
            String title = switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                default -> "Error";
            };
            String detail = JsonText.quote(getMessage());
            return new Answer(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":"
                    + JsonText.quote(title) + ",\"status\":" + status + ",\"detail\":" + detail + ",\"error\":"
                    + detail + "}");
        }
    }
}
