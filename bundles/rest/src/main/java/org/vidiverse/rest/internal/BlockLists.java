package org.vidiverse.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.rest.api.Problem;

/** What the instance's and a user's block lists share: the host a block names, and PeerTube's entry shapes. */
final class BlockLists {
    static final String HOST_PATTERN = "[a-zA-Z0-9.-]+(:[0-9]{1,5})?";

    private BlockLists() {
    }

    /** The {@code host} of a block request, in lower case; 400 when it is no host, 409 when it is this instance. */
    static String hostToBlock(Body body, InstanceIdentity instance) {
        String host = body.requiredString("host", 255).trim().toLowerCase(Locale.ROOT);
        if (!host.matches(HOST_PATTERN)) {
            throw Problem.invalidParam("host", "host must be a host name, with a port if needed");
        }
        if (host.equals(instance.host().toLowerCase(Locale.ROOT))) {
            throw new Problem(409, "You cannot block your own server", null, null);
        }
        return host;
    }

    /** PeerTube's account block entry: {@code byAccount}, {@code blockedAccount}, {@code createdAt}. */
    static Map<String, Object> accountEntry(AccountBlock block, ChannelStore channels) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("byAccount", account(block.byAccount().id(), channels));
        json.put("blockedAccount", account(block.blockedAccount().id(), channels));
        json.put("createdAt", Json.date(block.createdAt()));
        return json;
    }

    /** PeerTube's server block entry: {@code byAccount}, {@code blockedServer}, {@code createdAt}. */
    static Map<String, Object> serverEntry(Map<String, Object> byAccount, String host, Instant createdAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("byAccount", byAccount);
        json.put("blockedServer", Map.of("host", host));
        json.put("createdAt", Json.date(createdAt));
        return json;
    }

    static Map<String, Object> account(long accountId, ChannelStore channels) {
        return channels.findAccount(accountId).map(UserJson::account).orElse(Map.of());
    }
}
