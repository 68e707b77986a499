package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.FollowStore;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/users/me/subscriptions}: the channels a user follows and the videos they publish. A subscription
 * is a follow from the user's account to the channel, accepted at once for local channels. Remote channels come
 * with federation.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionsResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private final FollowStore follows;
    private final ChannelStore channels;
    private final VideoStore videos;
    private final InstanceIdentity instance;

    @Activate
    public SubscriptionsResource(@Reference FollowStore follows, @Reference ChannelStore channels,
                                 @Reference VideoStore videos, @Reference InstanceIdentity instance) {
        this.follows = follows;
        this.channels = channels;
        this.videos = videos;
        this.instance = instance;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort) {
        User user = Caller.require(security);
        Page<Follow> page = follows.followingOf(user.accountId(),
                Paging.parse(start, count, sort, 15, "-createdAt", java.util.Set.of("createdAt")));
        List<Map<String, Object>> data = page.data().stream()
                .map(f -> channels.findChannel(f.following().id()))
                .flatMap(Optional::stream)
                .map(UserJson::channel)
                .toList();
        return Map.of("total", page.total(), "data", data);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@Context SecurityContext security, Map<String, Object> json) {
        User user = Caller.require(security);
        String uri = new Body(json).requiredString("uri", 400);
        Channel channel = resolve(uri).or(() -> remoteChannel(uri))
                .orElseThrow(() -> Problem.notFound("Video channel " + uri + " not found"));
        try {
            if (channel.local()) {
                follows.create(user.accountId(), channel.id(), FollowState.ACCEPTED);
            } else {
                // a remote channel accepts (or not) when our Follow reaches it
                String accountUrl = channels.findAccount(user.accountId()).orElseThrow().url();
                Follow follow = follows.create(user.accountId(), channel.id(), FollowState.PENDING,
                        accountUrl + "/follows/" + java.util.UUID.randomUUID());
                federation.tell(p -> p.followed(follow));
            }
        } catch (DuplicateException alreadySubscribed) {
            // PeerTube answers 204 to a repeated subscription too
        }
        return Response.noContent().build();
    }

    @GET
    @Path("exist")
    public Map<String, Object> exist(@Context SecurityContext security, @QueryParam("uris") List<String> uris) {
        User user = Caller.require(security);
        if (uris == null || uris.isEmpty()) {
            throw Problem.invalidParam("uris", "uris must list at least one channel handle");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String uri : uris) {
            answer.put(uri, resolve(uri).flatMap(c -> follows.find(user.accountId(), c.id())).isPresent());
        }
        return answer;
    }

    @GET
    @Path("videos")
    public Map<String, Object> videos(@Context SecurityContext security, @QueryParam("start") String start,
                                      @QueryParam("count") String count, @QueryParam("sort") String sort) {
        User user = Caller.require(security);
        Page<Video> page = videos.list(VideoQuery.publicListing().followedBy(user.accountId())
                        .moderatedFor(user.accountId()),
                Paging.parse(start, count, sort, 15, "-publishedAt", VideoQuery.SORT_FIELDS));
        return Map.of("total", page.total(), "data", page.map(VideoJson::summary).data());
    }

    @GET
    @Path("{handle}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("handle") String handle) {
        User user = Caller.require(security);
        Channel channel = subscribed(user, handle);
        return UserJson.channel(channel);
    }

    @DELETE
    @Path("{handle}")
    public Response unsubscribe(@Context SecurityContext security, @PathParam("handle") String handle) {
        User user = Caller.require(security);
        Channel channel = subscribed(user, handle);
        Follow follow = follows.find(user.accountId(), channel.id()).orElseThrow();
        follows.delete(user.accountId(), channel.id());
        if (!channel.local()) {
            federation.tell(p -> p.unfollowed(follow));
        }
        return Response.noContent().build();
    }

    private Channel subscribed(User user, String handle) {
        return resolve(handle).filter(c -> follows.find(user.accountId(), c.id()).isPresent())
                .orElseThrow(() -> Problem.notFound("Subscription " + handle + " not found"));
    }

    /** A channel of another instance, found (and fetched when unknown) by the federation layer. */
    private Optional<Channel> remoteChannel(String handle) {
        return federation.remoteActor(handle.trim())
                .filter(a -> a.type() == org.vidiverse.api.model.ActorType.GROUP)
                .flatMap(a -> channels.findChannel(a.id()));
    }

    /** {@code name} or {@code name@host} of a channel: this instance's, or a remote one already known here. */
    private Optional<Channel> resolve(String handle) {
        String value = handle.trim();
        int at = value.lastIndexOf('@');
        String name = at < 0 ? value : value.substring(0, at);
        String host = at < 0 ? instance.host() : value.substring(at + 1);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return host.equalsIgnoreCase(instance.host()) ? channels.findLocalChannel(name)
                : channels.findChannelByHandle(value);
    }
}
