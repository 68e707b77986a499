package org.vidiverse.federation.internal.moderationfeed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedItem;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.federation.internal.activitypub.Activities;
import org.vidiverse.federation.internal.activitypub.ApContext;
import org.vidiverse.federation.internal.activitypub.InvalidObjectException;

/**
 * The moderation feed document an instance publishes at {@value #PATH}:
 * <pre>
 * {"type": "ModerationFeed", "version": 1, "host": "a.example", "actor": "https://a.example/accounts/peertube",
 *  "published": "2026-11-24T12:00:00.000Z",
 *  "servers":  [{"host": "spam.example", "reason": "spam", "blockedAt": "..."}],
 *  "accounts": [{"handle": "troll@b.example", "url": "https://b.example/accounts/troll", "reason": null,
 *                "blockedAt": "..."}],
 *  "signature": {...}}
 * </pre>
 * {@code published} is when the document was made: it only grows, so a subscriber refuses an older copy (a
 * replay). Parsing keeps the well-formed entries and reports the others as problems, so that one bad entry does
 * not stop the rest.
 */
public final class FeedDocument {
    public static final String PATH = "/feeds/moderation.json";
    static final String TYPE = "ModerationFeed";
    static final int VERSION = 1;
    static final int MAX_REASON = 1000;
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252})(:[0-9]{1,5})?");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-]{1,100}");
    private static final int PROBLEMS_SHOWN = 10;

    /** What a verified feed says, and what of it was ignored. */
    public record Parsed(Instant published, List<ModerationFeedItem> items, List<String> problems) {
        /** The problems as one line for the subscription's {@code lastError}, or null when there were none. */
        public String problemSummary() {
            if (problems.isEmpty()) {
                return null;
            }
            String shown = String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
            return problems.size() + " entries ignored: " + shown
                    + (problems.size() > PROBLEMS_SHOWN ? "; ..." : "");
        }
    }

    private FeedDocument() {
    }

    /** The unsigned document of the given blocks. */
    public static ObjectNode build(String host, String actorUrl, Instant published, List<RemoteInstance> servers,
                                   List<AccountBlock> accounts) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("type", TYPE);
        doc.put("version", VERSION);
        doc.put("host", host);
        doc.put("actor", actorUrl);
        doc.put("published", ApContext.date(published));
        ArrayNode serverList = doc.putArray("servers");
        for (RemoteInstance server : servers) {
            ObjectNode entry = serverList.addObject();
            entry.put("host", server.host());
            entry.put("reason", server.blockReason());
            entry.put("blockedAt", ApContext.date(server.blockedAt() != null ? server.blockedAt()
                    : server.createdAt()));
        }
        ArrayNode accountList = doc.putArray("accounts");
        for (AccountBlock block : accounts) {
            ObjectNode entry = accountList.addObject();
            entry.put("handle", block.blockedAccount().handle());
            entry.put("url", block.blockedAccount().url());
            entry.put("reason", block.reason());
            entry.put("blockedAt", ApContext.date(block.createdAt()));
        }
        return doc;
    }

    /**
     * Reads a feed whose signature was verified.
     *
     * @param host       the publisher the feed must name
     * @param maxEntries a feed with more entries is refused whole
     * @throws InvalidFeedException when the document as a whole is not a feed of {@code host}
     */
    public static Parsed parse(JsonNode doc, String host, Instant now, Duration allowedClockSkew, int maxEntries)
            throws InvalidFeedException {
        if (!doc.isObject() || !TYPE.equals(doc.path("type").asText())) {
            throw new InvalidFeedException("not a moderation feed (type " + TYPE + ")");
        }
        if (doc.path("version").asInt(0) != VERSION) {
            throw new InvalidFeedException("unsupported feed version " + doc.path("version"));
        }
        if (!host.equalsIgnoreCase(doc.path("host").asText())) {
            throw new InvalidFeedException("the feed is of " + doc.path("host").asText() + ", not " + host);
        }
        Instant published;
        try {
            published = ApContext.parseDate(doc.path("published").isTextual() ? doc.get("published").asText()
                    : null);
        } catch (InvalidObjectException e) {
            throw new InvalidFeedException("bad published date: " + e.getMessage());
        }
        if (published == null) {
            throw new InvalidFeedException("the feed has no published date");
        }
        if (published.isAfter(now.plus(allowedClockSkew))) {
            throw new InvalidFeedException("the feed is dated in the future: " + published);
        }
        JsonNode servers = list(doc, "servers");
        JsonNode accounts = list(doc, "accounts");
        if (servers.size() + accounts.size() > maxEntries) {
            throw new InvalidFeedException("the feed has " + (servers.size() + accounts.size())
                    + " entries, more than the " + maxEntries + " allowed");
        }
        List<ModerationFeedItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < servers.size(); i++) {
            JsonNode entry = servers.get(i);
            String server = entry.path("host").asText("").trim().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(server).matches()) {
                problems.add("servers[" + i + "]: not a host");
            } else if (seen.add("server " + server)) {
                items.add(new ModerationFeedItem(Kind.SERVER, server, null, reason(entry), null));
            }
        }
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode entry = accounts.get(i);
            String handle = entry.path("handle").asText("").trim();
            int at = handle.lastIndexOf('@');
            String name = at < 0 ? "" : handle.substring(0, at);
            String accountHost = at < 0 ? "" : handle.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches() || !HOST.matcher(accountHost).matches()) {
                problems.add("accounts[" + i + "]: not a handle name@host");
                continue;
            }
            String url = entry.path("url").isTextual() ? entry.get("url").asText() : null;
            if (url != null && !accountHost.equals(Activities.host(url))) {
                problems.add("accounts[" + i + "]: url is not on " + accountHost);
                continue;
            }
            if (seen.add("account " + name + "@" + accountHost)) {
                items.add(new ModerationFeedItem(Kind.ACCOUNT, name + "@" + accountHost, url, reason(entry), null));
            }
        }
        return new Parsed(published, items, problems);
    }

    private static JsonNode list(JsonNode doc, String field) throws InvalidFeedException {
        JsonNode list = doc.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!list.isArray()) {
            throw new InvalidFeedException(field + " is not a list");
        }
        return list;
    }

    private static String reason(JsonNode entry) {
        JsonNode reason = entry.path("reason");
        if (!reason.isTextual() || reason.asText().isBlank()) {
            return null;
        }
        String text = reason.asText().trim();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
