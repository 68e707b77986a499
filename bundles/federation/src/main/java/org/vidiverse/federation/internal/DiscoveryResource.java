package org.vidiverse.federation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * How other servers find this instance and its actors: WebFinger ({@code acct:name@host} of accounts, channels and
 * the instance actor), host-meta, and NodeInfo 2.0, with PeerTube's shapes.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/")
public final class DiscoveryResource {
    static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.0";

    private final ActorStore actors;
    private final InstanceSettings settings;
    private final UserStore users;
    private final VideoStore videos;
    private final CommentStore comments;

    @Activate
    public DiscoveryResource(@Reference ActorStore actors, @Reference InstanceSettings settings,
                             @Reference UserStore users, @Reference VideoStore videos,
                             @Reference CommentStore comments) {
        this.actors = actors;
        this.settings = settings;
        this.users = users;
        this.videos = videos;
        this.comments = comments;
    }

    @GET
    @Path(".well-known/webfinger")
    @Produces("application/jrd+json; charset=utf-8")
    public Map<String, Object> webfinger(@QueryParam("resource") String resource) {
        if (resource == null || resource.isBlank()) {
            throw Problem.invalidParam("resource", "resource is required (acct:name@host)");
        }
        Actor actor = find(resource.trim())
                .orElseThrow(() -> Problem.notFound("no account or channel " + resource + " here"));
        Map<String, Object> jrd = new LinkedHashMap<>();
        jrd.put("subject", "acct:" + actor.name() + "@" + settings.host());
        jrd.put("aliases", List.of(actor.url()));
        jrd.put("links", List.of(
                Map.of("rel", "self", "type", "application/activity+json", "href", actor.url()),
                Map.of("rel", "http://ostatus.org/schema/1.0/subscribe",
                        "template", settings.publicUrl() + "/remote-interaction?uri={uri}")));
        return jrd;
    }

    private Optional<Actor> find(String resource) {
        if (resource.startsWith(settings.publicUrl() + "/")) {
            return actors.findByUrl(resource).filter(Actor::local);
        }
        String handle = resource.startsWith("acct:") ? resource.substring(5) : resource;
        handle = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = handle.lastIndexOf('@');
        if (at <= 0 || !handle.substring(at + 1).equalsIgnoreCase(settings.host())) {
            if (at > 0) {
                return Optional.empty();
            }
            throw Problem.invalidParam("resource", "resource must be acct:name@" + settings.host());
        }
        String name = handle.substring(0, at);
        if (name.equalsIgnoreCase(ActorStore.INSTANCE_ACTOR_NAME)) {
            return Optional.of(actors.instanceActor());
        }
        return actors.findLocal(name);
    }

    @GET
    @Path(".well-known/host-meta")
    @Produces("application/xrd+xml; charset=utf-8")
    public String hostMeta() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                + "  <Link rel=\"lrdd\" type=\"application/xrd+xml\" template=\"" + settings.publicUrl()
                + "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n";
    }

    @GET
    @Path(".well-known/nodeinfo")
    @Produces("application/json; charset=utf-8")
    public Map<String, Object> nodeinfoLinks() {
        return Map.of("links", List.of(
                Map.of("rel", NODEINFO_SCHEMA, "href", settings.publicUrl() + "/nodeinfo/2.0.json"),
                Map.of("rel", "https://www.w3.org/ns/activitystreams#Application",
                        "href", actors.instanceActor().url())));
    }

    @GET
    @Path("nodeinfo/2.0.json")
    @Produces("application/json; profile=\"" + NODEINFO_SCHEMA + "#\"; charset=utf-8")
    public Response nodeinfo() {
        long userCount = users.count();
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("users", Map.of("total", userCount, "activeMonth", userCount, "activeHalfyear", userCount));
        usage.put("localPosts", videos.list(new org.vidiverse.api.store.VideoQuery(null, null, true, null, null, null,
                null, null), org.vidiverse.api.model.PageRequest.of(0, 0, "-publishedAt")).total());
        usage.put("localComments", comments.count());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("taxonomy", Map.of("postsName", "Videos"));
        metadata.put("nodeName", settings.name());
        metadata.put("nodeDescription", settings.shortDescription());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", "2.0");
        info.put("software", Map.of("name", "vidiverse", "version", version()));
        info.put("protocols", List.of("activitypub"));
        info.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
        info.put("openRegistrations", settings.signupMode() != InstanceSettings.SignupMode.CLOSED);
        info.put("usage", usage);
        info.put("metadata", metadata);
        return Response.ok(info).header("Access-Control-Allow-Origin", "*").build();
    }

    private static String version() {
        String version = DiscoveryResource.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version;
    }
}
