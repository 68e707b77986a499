package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.PlaylistQuery;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * {@code /api/v1/video-channels}: list, create, read, update and delete channels, and a channel's public videos.
 * Only the owner, a moderator or an administrator changes a local channel; remote channels are read-only.
 * Deleting a channel deletes its videos first (through {@link VideoStore#delete}), as PeerTube does; the last
 * channel of an account stays (409).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/video-channels")
@Produces(MediaType.APPLICATION_JSON)
public final class VideoChannelsResource {
    @org.osgi.service.component.annotations.Reference
    Federation federation = new Federation();   // replaced by the DS-managed one; tests keep this no-op
    private static final Logger LOG = LoggerFactory.getLogger(VideoChannelsResource.class);
    static final int DISPLAY_NAME_MAX = 120;
    static final int TEXT_MAX = 1000;

    /** Support links and the access hint of monetization plugins; replaced by the DS-managed one. */
    @org.osgi.service.component.annotations.Reference
    Monetization monetization = new Monetization();
    private final ChannelStore channels;
    private final VideoStore videos;
    private final PlaylistStore playlists;
    private final InstanceIdentity instance;

    @Activate
    public VideoChannelsResource(@Reference ChannelStore channels, @Reference VideoStore videos,
                                 @Reference PlaylistStore playlists, @Reference InstanceIdentity instance) {
        this.channels = channels;
        this.videos = videos;
        this.playlists = playlists;
        this.instance = instance;
    }

    @GET
    public Map<String, Object> list(@QueryParam("start") String start, @QueryParam("count") String count,
                                    @QueryParam("sort") String sort) {
        return ActorLists.channels(channels, channels.listChannels(
                Paging.parse(start, count, sort, 15, "-createdAt", ChannelStore.CHANNEL_SORT_FIELDS)),
                monetization.links());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@Context SecurityContext security, Map<String, Object> json) {
        User user = Caller.require(security);
        Body body = new Body(json);
        String name = body.requiredString("name", 50);
        String displayName = body.requiredString("displayName", DISPLAY_NAME_MAX);
        String description = body.string("description", TEXT_MAX);
        String support = body.string("support", TEXT_MAX);
        Channel channel = channels.createChannel(user.accountId(), name, displayName, description, support);
        return Map.of("videoChannel", ConfigResource.map("id", channel.id()));
    }

    @GET
    @Path("{handle}")
    public Map<String, Object> get(@PathParam("handle") String handle) {
        Channel channel = find(handle);
        return monetization.links().channel(ActorLists.channel(channels, channel), channel.id());
    }

    @PUT
    @Path("{handle}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context SecurityContext security, @PathParam("handle") String handle,
                           Map<String, Object> json) {
        Channel channel = manageable(Caller.require(security), find(handle));
        Body body = new Body(json);
        String displayName = body.string("displayName", DISPLAY_NAME_MAX);
        if (displayName != null && displayName.isBlank()) {
            throw Problem.invalidParam("displayName", "displayName must not be blank");
        }
        String description = body.string("description", TEXT_MAX);
        String support = body.string("support", TEXT_MAX);
        body.bool("bulkVideosSupportUpdate");           // checked as PeerTube does; videos keep their own support
        channels.updateChannel(channel.id(), displayName, description, support);
        federation.tell(p -> p.actorUpdated(channel.id()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{handle}")
    public Response delete(@Context SecurityContext security, @PathParam("handle") String handle) {
        User user = Caller.require(security);
        Channel channel = manageable(user, find(handle));
        if (channels.channelsOf(channel.owner().id()).size() <= 1) {
            throw conflict("Cannot remove the last channel of this user");
        }
        int removed = deleteVideos(channel.id());
        try {
            channels.deleteChannel(channel.id());
        } catch (IllegalStateException e) {
            throw conflict("Cannot remove channel " + channel.name() + ": " + e.getMessage());
        }
        LOG.info("{} deleted channel {} and its {} videos", user.username(), channel.name(), removed);
        return Response.noContent().build();
    }

    @GET
    @Path("{handle}/videos")
    public Map<String, Object> videos(@Context SecurityContext security, @PathParam("handle") String handle,
                                      @QueryParam("start") String start, @QueryParam("count") String count,
                                      @QueryParam("sort") String sort) {
        Channel channel = find(handle);
        // boxed on both sides: with a primitive long on one, the owner's null ("hide nothing") would be unboxed
        Long viewer = channel.owner() == null ? Long.valueOf(Moderated.viewer(security))
                : Moderated.viewerOf(security, channel.owner().id());
        return ActorLists.videos(videos, VideoQuery.publicListing().withChannel(channel.id()).moderatedFor(viewer),
                start, count, sort, monetization.links());
    }

    /** The playlists shown on the channel: public ones, and all of them for the channel's owner. */
    @GET
    @Path("{handle}/video-playlists")
    public Map<String, Object> playlists(@Context SecurityContext security, @PathParam("handle") String handle,
                                         @QueryParam("start") String start, @QueryParam("count") String count,
                                         @QueryParam("sort") String sort, @QueryParam("playlistType") String type) {
        Channel channel = find(handle);
        boolean own = Caller.of(security).map(u -> u.accountId() == channel.owner().id()).orElse(false);
        PlaylistQuery query = (own ? PlaylistQuery.all() : PlaylistQuery.publicOnly()).ofChannel(channel.id());
        return VideoPlaylistsResource.page(playlists, instance, query, start, count, sort, type);
    }

    /** Every video of the channel, whatever its privacy or state, one page at a time from the start. */
    private int deleteVideos(long channelId) {
        VideoQuery all = new VideoQuery(null, null, null, channelId, null, null, null, null);
        int removed = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            Page<Video> page = videos.list(all, PageRequest.of(0, PageRequest.MAX_COUNT, "createdAt"));
            for (Video video : page.data()) {
                if (videos.delete(video.id())) {
                    federation.tell(p -> p.videoDeleted(video));
                    removed++;
                    progress = true;
                }
            }
        }
        return removed;
    }

    private Channel find(String handle) {
        return channels.findChannelByHandle(ActorLists.handle(handle, "handle"))
                .orElseThrow(() -> Problem.notFound("Video channel " + handle + " not found"));
    }

    private static Channel manageable(User user, Channel channel) {
        if (!channel.local()) {
            throw Problem.forbidden("Cannot manage a video channel of another server");
        }
        if (channel.owner().id() != user.accountId() && !user.role().atLeast(UserRole.MODERATOR)) {
            throw Problem.forbidden("Cannot manage a video channel of another user");
        }
        return channel;
    }

    private static Problem conflict(String detail) {
        return new Problem(409, detail, null, null);
    }
}
