package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Account;
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
 * {@code /api/v1/accounts/{name}}: an account, its public videos, its channels and its playlists, by
 * {@code name[@host]}.
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {
    private final ChannelStore channels;
    /** Support links and the access hint of monetization plugins; replaced by the DS-managed one. */
    @org.osgi.service.component.annotations.Reference
    Monetization monetization = new Monetization();
    private final VideoStore videos;
    private final PlaylistStore playlists;
    private final InstanceIdentity instance;

    @Activate
    public AccountsResource(@Reference ChannelStore channels, @Reference VideoStore videos,
                            @Reference PlaylistStore playlists, @Reference InstanceIdentity instance) {
        this.channels = channels;
        this.videos = videos;
        this.playlists = playlists;
        this.instance = instance;
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(@PathParam("name") String name) {
        return UserJson.account(find(name));
    }

    @GET
    @Path("{name}/videos")
    public Map<String, Object> videos(@javax.ws.rs.core.Context javax.ws.rs.core.SecurityContext security,
                                      @PathParam("name") String name, @QueryParam("start") String start,
                                      @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Account account = find(name);
        VideoQuery pub = VideoQuery.publicListing();
        VideoQuery query = new VideoQuery(pub.privacies(), pub.states(), null, null, account.id(), null, null, null,
                null, Moderated.viewerOf(security, account.id()));
        return ActorLists.videos(videos, query, start, count, sort, monetization.links());
    }

    @GET
    @Path("{name}/video-channels")
    public Map<String, Object> channels(@PathParam("name") String name, @QueryParam("start") String start,
                                        @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Account account = find(name);
        return ActorLists.channels(channels, channels.channelsOf(account.id(),
                Paging.parse(start, count, sort, 15, "-updatedAt", ChannelStore.CHANNEL_SORT_FIELDS)),
                monetization.links());
    }

    /** The account's public playlists; the account's own user sees all of them, watch later included. */
    @GET
    @Path("{name}/video-playlists")
    public Map<String, Object> playlists(@Context SecurityContext security, @PathParam("name") String name,
                                         @QueryParam("start") String start, @QueryParam("count") String count,
                                         @QueryParam("sort") String sort, @QueryParam("search") String search,
                                         @QueryParam("playlistType") String type) {
        Account account = find(name);
        boolean own = Caller.of(security).map(u -> u.accountId() == account.id()).orElse(false);
        PlaylistQuery query = (own ? PlaylistQuery.all() : PlaylistQuery.publicOnly()).ofAccount(account.id())
                .withSearch(ActorLists.search(search));
        return VideoPlaylistsResource.page(playlists, instance, query, start, count, sort, type);
    }

    private Account find(String name) {
        return channels.findAccountByHandle(ActorLists.handle(name, "name"))
                .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
    }
}
