package org.vidiverse.rest.internal;

import java.util.Map;

import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;

/** What the account and channel resources share: handle checks, paged lists and the channel shape. */
final class ActorLists {
    /** {@code name} or {@code name@host}, as PeerTube's {@code isValidActorHandle} accepts them. */
    private static final String HANDLE = "[a-zA-Z0-9\\-_.:]{1,255}(@[a-zA-Z0-9\\-_.:\\[\\]]{1,255})?";

    private ActorLists() {
    }

    /** The handle, or a 400 naming {@code param} when it cannot be one. */
    static String handle(String raw, String param) {
        if (raw == null || !raw.matches(HANDLE)) {
            throw Problem.invalidParam(param, param + " must be a name or a name@host handle");
        }
        return raw;
    }

    /** A playlist {@code search} parameter: at most 250 characters, blank for none. */
    static String search(String raw) {
        if (raw != null && raw.length() > org.vidiverse.api.store.VideoSearch.MAX_SEARCH_LENGTH) {
            throw Problem.invalidParam("search", "search must be at most "
                    + org.vidiverse.api.store.VideoSearch.MAX_SEARCH_LENGTH + " characters");
        }
        return raw;
    }

    /** With each video's {@code supportLinks}. */
    static Map<String, Object> videos(VideoStore videos, VideoQuery query, String start, String count, String sort,
                                      Monetization.Links links) {
        Page<Video> page = videos.list(query, Paging.parse(start, count, sort, 15, "-publishedAt",
                VideoQuery.SORT_FIELDS));
        return Map.of("total", page.total(), "data", page.map(v -> links.video(VideoJson.summary(v), v)).data());
    }

    /** With each channel's {@code supportLinks}. */
    static Map<String, Object> channels(ChannelStore channels, Page<Channel> page, Monetization.Links links) {
        return Map.of("total", page.total(), "data",
                page.map(c -> links.channel(channel(channels, c), c.id())).data());
    }

    /** PeerTube's {@code VideoChannel}: the channel with its {@code ownerAccount}. */
    static Map<String, Object> channel(ChannelStore channels, Channel c) {
        Map<String, Object> json = UserJson.channel(c);
        json.put("ownerAccount", channels.findAccount(c.owner().id()).map(UserJson::account).orElse(null));
        return json;
    }
}
