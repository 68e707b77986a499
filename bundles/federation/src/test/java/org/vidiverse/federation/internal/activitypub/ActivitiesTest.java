package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.vidiverse.federation.internal.activitypub.Fixtures.BASE;
import static org.vidiverse.federation.internal.activitypub.Fixtures.assertRefused;
import static org.vidiverse.federation.internal.activitypub.Fixtures.fieldNames;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

public class ActivitiesTest {
    private static final String ROOT = BASE + "/accounts/root";
    private static final String VIDEO = BASE + "/videos/watch/f1576c16-26a0-4ab3-9c7d-5ab21a47bece";
    private static final String REMOTE = "https://remote.example/accounts/bob";

    @Test
    public void createOfAVideoIsShapedLikePeerTubesOutboxItemsAndCarriesTheVideoContext() {
        Map<String, Object> video = ApContext.withContext(ApContext.VIDEO_CONTEXT,
                ApContext.ordered("type", "Video", "id", VIDEO, "name", "a video"));
        JsonNode create = tree(Activities.create(VIDEO + "/activity", ROOT, video, List.of(ApContext.PUBLIC),
                List.of(ROOT + "/followers")));

        // ap-outbox-accounts-root-page1.json: to, cc, type, id, actor, object
        assertEquals(List.of("@context", "to", "cc", "type", "id", "actor", "object"), fieldNames(create));
        assertEquals(tree(ApContext.VIDEO_CONTEXT), create.get("@context"));
        assertFalse("the embedded video has no context of its own", create.get("object").has("@context"));
        assertEquals(VIDEO, create.at("/object/id").asText());
        assertEquals(VIDEO, Activities.objectUrl(create));
        assertEquals(ROOT, Activities.actorUrl(create));
    }

    @Test
    public void createOfAnUrlHasTheActivityContext() {
        JsonNode create = tree(Activities.create("https://a.example/c/1", ROOT, VIDEO, List.of(), List.of()));
        assertEquals(tree(ApContext.ACTIVITY_CONTEXT), create.get("@context"));
        assertEquals(VIDEO, create.get("object").asText());
    }

    @Test
    public void acceptEmbedsTheWholeFollowWithoutItsContext() throws Exception {
        Map<String, Object> follow = Activities.follow(REMOTE + "/follows/1", REMOTE, ROOT);
        JsonNode accept = tree(Activities.accept(ROOT + "/accepts/follows/1", ROOT, follow));

        assertEquals(List.of("@context", "type", "id", "actor", "object"), fieldNames(accept));
        assertEquals("Accept", accept.get("type").asText());
        assertEquals(List.of("type", "id", "actor", "object"), fieldNames(accept.get("object")));
        assertEquals(ROOT, accept.at("/object/object").asText());
        assertEquals(REMOTE + "/follows/1", Activities.objectUrl(accept));
        Activities.validateShape(accept);
        Activities.validateShape(tree(Activities.reject("https://a.example/r/1", ROOT, follow)));
    }

    @Test
    public void everyBuilderMakesAnActivityThatPassesValidation() throws Exception {
        List<Map<String, Object>> activities = List.of(
                Activities.create("https://a.example/1", ROOT, VIDEO, List.of(ApContext.PUBLIC), List.of()),
                Activities.update("https://a.example/2", ROOT, Map.of("type", "Video", "id", VIDEO), List.of(), List.of()),
                Activities.delete("https://a.example/3", ROOT, VIDEO, List.of(ApContext.PUBLIC), List.of()),
                Activities.delete("https://a.example/3b", ROOT, ROOT),
                Activities.announce("https://a.example/4", ROOT, VIDEO, List.of(ApContext.PUBLIC), List.of()),
                Activities.follow("https://a.example/5", ROOT, REMOTE),
                Activities.undo("https://a.example/6", ROOT, Activities.like("https://a.example/7", ROOT, VIDEO)),
                Activities.dislike("https://a.example/8", ROOT, VIDEO),
                Activities.view("https://a.example/9", ROOT, VIDEO),
                Activities.viewers("https://a.example/10", ROOT, VIDEO, 3, Instant.parse("2026-01-01T00:00:00Z")),
                Activities.flag("https://a.example/11", ROOT, VIDEO, "spam", List.of("spamOrMisleading"), REMOTE));
        for (Map<String, Object> activity : activities) {
            Activities.validateShape(tree(activity));
        }
    }

    @Test
    public void viewIsPublicWithPeerTubesViewContext() {
        JsonNode view = tree(Activities.view("https://a.example/views/1", ROOT, VIDEO));
        assertEquals(tree(ApContext.VIEW_CONTEXT), view.get("@context"));
        assertEquals(ApContext.PUBLIC, view.at("/to/0").asText());
        assertEquals(VIDEO, view.get("object").asText());
    }

    @Test
    public void flagIsAddressedToTheReportedAccountWithItsReasons() {
        JsonNode flag = tree(Activities.flag("https://a.example/abuses/1", ROOT, VIDEO, "Spam", List.of("spamOrMisleading"),
                REMOTE));
        assertEquals(tree(List.of(REMOTE)), flag.get("to"));
        assertEquals("Spam", flag.get("content").asText());
        assertEquals("text/markdown", flag.get("mediaType").asText());
        assertEquals(VIDEO, flag.get("object").asText());
        assertEquals("spamOrMisleading", flag.at("/tag/0/name").asText());
    }

    @Test
    public void activityShapesOfOtherSoftwareAreAccepted() throws Exception {
        Activities.validateShape(tree(Map.of("type", "Like", "id", "https://m.example/likes/1",
                "actor", Map.of("type", "Person", "id", "https://m.example/users/a"), "object", VIDEO)));
        Activities.validateShape(tree(Map.of("type", "Flag", "id", "https://m.example/flags/1",
                "actor", "https://m.example/actor", "object", List.of(ROOT, VIDEO), "content", "x")));
        Activities.validateShape(tree(Map.of("type", "Delete", "id", "https://m.example/users/a#delete",
                "actor", "https://m.example/users/a", "object", Map.of("type", "Tombstone", "id", "https://m.example/n/1"),
                "to", ApContext.PUBLIC)));
    }

    @Test
    public void malformedActivitiesAreRefusedWithTheReason() {
        assertRefused("Activity: not a JSON object", () -> Activities.validateShape(tree(List.of())));
        assertRefused("Activity type: not supported: Move", () -> Activities.validateShape(activity(a -> a.put("type", "Move"))));
        assertRefused("Activity type: not supported: null", () -> Activities.validateShape(activity(a -> a.remove("type"))));
        assertRefused("Like: missing id", () -> Activities.validateShape(activity(a -> a.remove("id"))));
        assertRefused("Like id: not an http(s) URL", () -> Activities.validateShape(activity(a -> a.put("id", "urn:x:1"))));
        assertRefused("Like id: not an http(s) URL", () -> Activities.validateShape(
                activity(a -> a.put("id", "https://a.example/" + "x".repeat(2000)))));
        assertRefused("Like actor: missing or not an http(s) URL",
                () -> Activities.validateShape(activity(a -> a.remove("actor"))));
        assertRefused("Like actor: missing or not an http(s) URL",
                () -> Activities.validateShape(activity(a -> a.set("actor", tree(Map.of("type", "Person"))))));
        assertRefused("Like: missing object", () -> Activities.validateShape(activity(a -> a.remove("object"))));
        assertRefused("Like object: not an http(s) URL", () -> Activities.validateShape(activity(a -> a.put("object", "x"))));
        assertRefused("Like object: has no type",
                () -> Activities.validateShape(activity(a -> a.set("object", tree(Map.of("id", VIDEO))))));
        assertRefused("Like object: neither a URL nor an object",
                () -> Activities.validateShape(activity(a -> a.set("object", tree(List.of(VIDEO))))));
        assertRefused("Like to: not a list of URLs",
                () -> Activities.validateShape(activity(a -> a.set("to", tree(List.of(Map.of("id", ROOT)))))));
    }

    @Test
    public void anEmbeddedActivityIsCheckedToo() {
        Map<String, Object> badFollow = Map.of("type", "Follow", "id", "ftp://x/1", "actor", REMOTE, "object", ROOT);
        assertRefused("Follow id: not an http(s) URL",
                () -> Activities.validateShape(tree(Activities.undo("https://a.example/u/1", REMOTE, badFollow))));
    }

    @Test
    public void hostKeepsOnlyPortsThatAreNotTheDefault() {
        assertEquals("127.0.0.1:9001", Activities.host("http://127.0.0.1:9001/accounts/root"));
        assertEquals("peertube.example", Activities.host("https://PeerTube.Example/videos/watch/x"));
        assertEquals("peertube.example", Activities.host("https://peertube.example:443/a"));
        assertEquals("peertube.example", Activities.host("http://peertube.example:80/a"));
        assertEquals("peertube.example:80", Activities.host("https://peertube.example:80/a"));
        assertNull(Activities.host("mailto:a@b.example"));
        assertNull(Activities.host("not a url"));
        assertNull(Activities.host(null));
    }

    private static JsonNode activity(java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode like = (ObjectNode) tree(Activities.like("https://a.example/likes/1", ROOT, VIDEO));
        edit.accept(like);
        return like;
    }
}
