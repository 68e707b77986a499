package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code GET /api/v1/oauth-clients/local}: the credentials of the instance's own OAuth client. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/oauth-clients")
@Produces(MediaType.APPLICATION_JSON)
public final class OAuthResource {
    private final LoginService logins;

    @Activate
    public OAuthResource(@Reference LoginService logins) {
        this.logins = logins;
    }

    @GET
    @Path("local")
    public Map<String, Object> localClient() {
        LoginService.OAuthClient client = logins.localClient();
        return ConfigResource.map("client_id", client.clientId(), "client_secret", client.clientSecret());
    }
}
