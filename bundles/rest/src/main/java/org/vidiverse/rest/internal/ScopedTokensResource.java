package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.FeedTokenStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/users/scoped-tokens} as PeerTube has it: the logged-in user's feed token ({@code GET}) and a new
 * one in its place ({@code POST}), for the URL of their subscription feed.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/scoped-tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class ScopedTokensResource {
    private final FeedTokenStore tokens;

    @Activate
    public ScopedTokensResource(@Reference FeedTokenStore tokens) {
        this.tokens = tokens;
    }

    @GET
    public Map<String, Object> get(@Context SecurityContext security) {
        User user = Caller.require(security);
        return Map.of("feedToken", tokens.feedToken(user.id()));
    }

    @POST
    public Map<String, Object> renew(@Context SecurityContext security) {
        User user = Caller.require(security);
        return Map.of("feedToken", tokens.renew(user.id()));
    }
}
