package org.vidiverse.federation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * The inboxes: the shared {@code /inbox} and each actor's own. All take the same activities; the processor decides.
 * Bodies are read up to the configured limit and no further.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/")
public final class InboxResource {
    private final InboxProcessor processor;
    private final ActorStore actors;
    private final FederationGate gate;

    @Activate
    public InboxResource(@Reference InboxProcessor processor, @Reference ActorStore actors,
                         @Reference FederationGate gate) {
        this.processor = processor;
        this.actors = actors;
        this.gate = gate;
    }

    @POST
    @Path("inbox")
    public Response sharedInbox(@Context HttpServletRequest request) throws IOException {
        return receive(request);
    }

    @POST
    @Path("accounts/{name}/inbox")
    public Response accountInbox(@PathParam("name") String name, @Context HttpServletRequest request)
            throws IOException {
        if (!ActorStore.INSTANCE_ACTOR_NAME.equalsIgnoreCase(name)
                && actors.findLocal(name).filter(a -> a.type() != ActorType.GROUP).isEmpty()) {
            throw Problem.notFound("no account " + name);
        }
        return receive(request);
    }

    @POST
    @Path("video-channels/{name}/inbox")
    public Response channelInbox(@PathParam("name") String name, @Context HttpServletRequest request)
            throws IOException {
        if (actors.findLocal(name).filter(a -> a.type() == ActorType.GROUP).isEmpty()) {
            throw Problem.notFound("no channel " + name);
        }
        return receive(request);
    }

    private Response receive(HttpServletRequest request) throws IOException {
        int limit = gate.config().maxInboxBytes();
        if (request.getContentLengthLong() > limit) {
            throw new Problem(413, "activity larger than " + limit + " bytes", null, null);
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                + request.getQueryString());
        InboxProcessor.Outcome outcome = processor.process(target, request::getHeader, body);
        if (outcome.status() >= 400) {
            throw new Problem(outcome.status(), outcome.detail(), null, null);
        }
        return Response.status(outcome.status()).build();
    }

    /** The body, or a 413 as soon as it passes {@code limit} (chunked bodies announce no length). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > limit) {
                throw new Problem(413, "activity larger than " + limit + " bytes", null, null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
