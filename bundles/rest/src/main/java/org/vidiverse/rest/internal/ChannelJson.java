package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.store.VideoSearch.ChannelMatch;

/** A channel in PeerTube's REST {@code VideoChannel} shape, with its {@code ownerAccount}. */
final class ChannelJson {
    private ChannelJson() {
    }

    static Map<String, Object> of(ChannelMatch match) {
        Channel c = match.channel();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", c.url());
        json.put("name", c.name());
        json.put("host", c.host());
        json.put("avatars", List.of());
        json.put("id", c.id());
        json.put("hostRedundancyAllowed", false);
        json.put("followingCount", match.followingCount());
        json.put("followersCount", c.followersCount());
        json.put("createdAt", Json.date(c.createdAt()));
        json.put("banners", List.of());
        json.put("displayName", c.displayName());
        json.put("description", c.description());
        json.put("support", c.support());
        json.put("isLocal", c.local());
        json.put("updatedAt", Json.date(c.updatedAt()));
        json.put("ownerAccount", account(match.owner()));
        return json;
    }

    static Map<String, Object> account(Account a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", a.url());
        json.put("name", a.name());
        json.put("host", a.host());
        json.put("avatars", List.of());
        json.put("id", a.id());
        json.put("hostRedundancyAllowed", false);
        json.put("followingCount", a.followingCount());
        json.put("followersCount", a.followersCount());
        json.put("createdAt", Json.date(a.createdAt()));
        json.put("displayName", a.displayName());
        json.put("description", a.description());
        json.put("updatedAt", Json.date(a.updatedAt()));
        json.put("userId", a.userId());
        return json;
    }
}
