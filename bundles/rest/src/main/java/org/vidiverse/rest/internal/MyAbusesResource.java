package org.vidiverse.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.AbuseQuery;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.RestWhiteboard;

/** PeerTube's {@code GET /api/v1/users/me/abuses}: the reports the logged-in user made, in the reporter's shape. */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@Path("/api/v1/users/me/abuses")
@Produces(MediaType.APPLICATION_JSON)
public final class MyAbusesResource {
    private final AbuseStore abuses;
    private final AbuseJson json;

    @Activate
    public MyAbusesResource(@Reference AbuseStore abuses, @Reference VideoStore videos,
                            @Reference ChannelStore channels) {
        this.abuses = abuses;
        this.json = new AbuseJson(videos, channels);
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort,
                                    @QueryParam("id") String id, @QueryParam("search") String search,
                                    @QueryParam("state") String state) {
        User user = Caller.require(security);
        var page = Paging.parse(start, count, sort, 15, "-id", AbusesResource.SORTS);
        AbuseQuery query = new AbuseQuery(AbusesResource.optionalId("id", id), null, search,
                AbusesResource.state(state), null, null, null, null, user.accountId());
        Page<Abuse> found = abuses.list(query, page);
        return Map.of("total", found.total(), "data", found.data().stream().map(json::user).toList());
    }
}
