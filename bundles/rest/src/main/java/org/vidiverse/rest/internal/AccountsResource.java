package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/** {@code /api/v1/accounts/{name}}: an account, its public videos and its channels, by {@code name[@host]}. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {
    private final ChannelStore channels;
    private final VideoStore videos;

    @Activate
    public AccountsResource(@Reference ChannelStore channels, @Reference VideoStore videos) {
        this.channels = channels;
        this.videos = videos;
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(@PathParam("name") String name) {
        return UserJson.account(find(name));
    }

    @GET
    @Path("{name}/videos")
    public Map<String, Object> videos(@PathParam("name") String name, @QueryParam("start") String start,
                                      @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Account account = find(name);
        VideoQuery pub = VideoQuery.publicListing();
        VideoQuery query = new VideoQuery(pub.privacies(), pub.states(), null, null, account.id(), null, null, null);
        return ActorLists.videos(videos, query, start, count, sort);
    }

    @GET
    @Path("{name}/video-channels")
    public Map<String, Object> channels(@PathParam("name") String name, @QueryParam("start") String start,
                                        @QueryParam("count") String count, @QueryParam("sort") String sort) {
        Account account = find(name);
        return ActorLists.channels(channels, channels.channelsOf(account.id(),
                Paging.parse(start, count, sort, 15, "-updatedAt", ChannelStore.CHANNEL_SORT_FIELDS)));
    }

    private Account find(String name) {
        return channels.findAccountByHandle(ActorLists.handle(name, "name"))
                .orElseThrow(() -> Problem.notFound("Account " + name + " not found"));
    }
}
