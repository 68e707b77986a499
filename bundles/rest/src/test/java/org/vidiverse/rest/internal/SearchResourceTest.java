package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.VideoSearch.ChannelMatch;
import org.vidiverse.api.store.VideoSearchQuery;
import org.vidiverse.rest.api.Problem;

public class SearchResourceTest {

    @Test
    public void searchParametersBecomeAQueryWithRepeatedAndBracketedLists() {
        SearchParams p = params("search", "mountain lake", "categoryOneOf", "1", "categoryOneOf[]", "15",
                "languageOneOf", "fr", "languageOneOf", "_unknown", "tagsAllOf[]", "Alps", "nsfw", "both",
                "durationMin", "10", "durationMax", "600", "startDate", "2024-01-01T00:00:00.000Z",
                "endDate", "2024-12-31", "originallyPublishedEndDate", "2020-05-01T10:00:00+02:00", "isLocal", "true");
        VideoSearchQuery q = p.videoQuery(false);
        assertEquals("mountain lake", q.search());
        assertEquals(Set.of(1, 15), q.categoryOneOf());
        assertEquals(Set.of("fr", "_unknown"), q.languageOneOf());
        assertEquals(Set.of("Alps"), q.tagsAllOf());
        assertNull(q.nsfw());
        assertEquals(Integer.valueOf(10), q.durationMin());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), q.startDate());
        assertEquals(Instant.parse("2024-12-31T00:00:00Z"), q.endDate());
        assertEquals(Instant.parse("2020-05-01T08:00:00Z"), q.originallyPublishedEndDate());
        assertEquals(Boolean.TRUE, q.local());
        PageRequest page = p.videoPage();
        assertEquals("match", page.sort());
        assertTrue(page.descending());
        assertEquals(SearchParams.DEFAULT_COUNT, page.count());
    }

    @Test
    public void withoutWordsTheNewestComeFirstAndTheNsfwDefaultApplies() {
        SearchParams p = params("search", "  ");
        assertNull(p.search());
        assertEquals("publishedAt", p.videoPage().sort());
        assertEquals(Boolean.FALSE, p.videoQuery(false).nsfw());
        assertEquals("createdAt", p.channelPage().sort());
        assertEquals("displayName", params("sort", "displayName").channelPage().sort());
    }

    @Test
    public void badValuesAre400sNamingTheParameter() {
        String[][] cases = {
                {"count", "x"}, {"count", "101"}, {"start", "-1"}, {"sort", "-password"}, {"sort", "-displayName"},
                {"search", "w".repeat(251)}, {"nsfw", "maybe"}, {"isLocal", "yes"}, {"durationMin", "-5"},
                {"durationMax", "1.5"}, {"startDate", "yesterday"}, {"endDate", "2024-13-01"},
                {"originallyPublishedStartDate", "2024"}, {"categoryOneOf", "music"}, {"licenceOneOf[]", "1e3"},
                {"tagsOneOf", "t".repeat(101)}, {"languageOneOf", ""}};
        for (String[] c : cases) {
            expect400(c[0].replace("[]", ""), () -> {
                params(c[0], c[1]).videoQuery(null);
                params(c[0], c[1]).videoPage();
            });
        }
        expect400("durationMin", () -> params("durationMin", "60", "durationMax", "30").videoQuery(null));
        expect400("startDate", () -> params("startDate", "2024-02-01", "endDate", "2024-01-01").videoQuery(null));
        expect400("sort", () -> params("sort", "-views").channelPage());
        expect400("search", () -> params("search", "c".repeat(300)).search());
    }

    @Test
    public void channelsHavePeerTubesVideoChannelShape() {
        Instant created = Instant.parse("2026-11-23T22:33:27.564Z");
        Account owner = new Account(2, "root", "root", null, "127.0.0.1:9001", true, ActorType.PERSON,
                "http://127.0.0.1:9001/accounts/root", 1L, 0, 0, created, created);
        Channel channel = new Channel(1, "root_channel", "Main root channel", null, null, "127.0.0.1:9001", true,
                "http://127.0.0.1:9001/video-channels/root_channel", new ActorRef(2, "root", "root",
                "127.0.0.1:9001", "http://127.0.0.1:9001/accounts/root"), 3, created, created);
        Map<String, Object> json = ChannelJson.of(new ChannelMatch(channel, 0, owner));
        // the keys and order of the channel in PeerTube 6.3's GET /api/v1/videos/{uuid} (peertube-wire)
        assertEquals(List.of("url", "name", "host", "avatars", "id", "hostRedundancyAllowed", "followingCount",
                "followersCount", "createdAt", "banners", "displayName", "description", "support", "isLocal",
                "updatedAt", "ownerAccount"), List.copyOf(json.keySet()));
        assertEquals(3L, json.get("followersCount"));
        assertEquals("2026-11-23T22:33:27.564Z", json.get("createdAt"));
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) json.get("ownerAccount");
        assertEquals(List.of("url", "name", "host", "avatars", "id", "hostRedundancyAllowed", "followingCount",
                "followersCount", "createdAt", "displayName", "description", "updatedAt", "userId"),
                List.copyOf(account.keySet()));
        assertEquals(1L, account.get("userId"));
    }

    private static void expect400(String param, Runnable call) {
        try {
            call.run();
            fail("accepted a bad " + param);
        } catch (Problem p) {
            assertEquals(400, p.status());
            assertTrue(param + " not named in " + p.invalidParams(), p.invalidParams().containsKey(param));
        }
    }

    private static SearchParams params(String... pairs) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return new SearchParams(map);
    }
}
