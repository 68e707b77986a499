package org.vidiverse.rest.internal;

import java.util.Map;

import org.vidiverse.api.store.VideoSearch.ChannelMatch;

/** A channel search hit in PeerTube's REST {@code VideoChannel} shape, with its {@code ownerAccount}. */
final class ChannelJson {
    private ChannelJson() {
    }

    static Map<String, Object> of(ChannelMatch match) {
        Map<String, Object> json = UserJson.channel(match.channel());
        json.put("followingCount", match.followingCount());
        json.put("ownerAccount", UserJson.account(match.owner()));
        return json;
    }
}
