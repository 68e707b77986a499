package org.vidiverse.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.User;

/** Users, accounts and channels in PeerTube's REST shapes. */
final class UserJson {
    private UserJson() {
    }

    static Map<String, Object> user(User u, Account account, List<Channel> channels) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id());
        json.put("username", u.username());
        json.put("email", u.email());
        json.put("theme", "instance-default");
        json.put("pendingEmail", null);
        json.put("emailPublic", false);
        json.put("emailVerified", u.emailVerified());
        json.put("nsfwPolicy", u.nsfwPolicy());
        json.put("p2pEnabled", u.p2pEnabled());
        json.put("videosHistoryEnabled", u.videosHistoryEnabled());
        json.put("autoPlayVideo", true);
        json.put("autoPlayNextVideo", false);
        json.put("autoPlayNextVideoPlaylist", true);
        json.put("videoLanguages", null);
        json.put("role", Labels.idLabel(u.role().id(), u.role().label()));
        json.put("videoQuota", u.videoQuota());
        json.put("videoQuotaDaily", u.videoQuotaDaily());
        json.put("noInstanceConfigWarningModal", true);
        json.put("noWelcomeModal", true);
        json.put("noAccountSetupWarningModal", true);
        json.put("blocked", u.blocked());
        json.put("blockedReason", u.blockedReason());
        json.put("account", account == null ? null : account(account));
        json.put("videoChannels", channels.stream().map(UserJson::channel).toList());
        json.put("createdAt", Json.date(u.createdAt()));
        json.put("lastLoginDate", Json.date(u.lastLoginAt()));
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

    static Map<String, Object> channel(Channel c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", c.url());
        json.put("name", c.name());
        json.put("host", c.host());
        json.put("avatars", List.of());
        json.put("id", c.id());
        json.put("hostRedundancyAllowed", false);
        json.put("followingCount", 0);
        json.put("followersCount", c.followersCount());
        json.put("createdAt", Json.date(c.createdAt()));
        json.put("banners", List.of());
        json.put("displayName", c.displayName());
        json.put("description", c.description());
        json.put("support", c.support());
        json.put("isLocal", c.local());
        json.put("updatedAt", Json.date(c.updatedAt()));
        return json;
    }
}
