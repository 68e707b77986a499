package org.vidiverse.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Component;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * Lets web pages of any origin call the API, as PeerTube's does: players embedded on other sites, third-party web
 * clients. Access goes by bearer token, never by cookie, so an open origin exposes nothing a page could not ask for
 * with its own token. Preflight requests get the methods and headers that uploads and token requests use.
 */
@Component(service = Object.class, property = RestWhiteboard.PROVIDER + "=true")
public final class CorsFilter implements ContainerResponseFilter {
    static final String ALLOW_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Content-Range, Range, X-Upload-Content-Length, "
            + "X-Upload-Content-Type";
    static final String EXPOSE_HEADERS = "Location, Range, Content-Range, X-Vidiverse-Cache";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // on every answer, Origin or not, as PeerTube does: cached answers are shared by all anonymous clients
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        if ("OPTIONS".equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", ALLOW_METHODS);
            headers.putSingle("Access-Control-Allow-Headers", ALLOW_HEADERS);
            headers.putSingle("Access-Control-Max-Age", "86400");
        }
    }
}
