package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.RemoteActor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.vidiverse.federation.internal.activitypub.Fixtures.BASE;
import static org.vidiverse.federation.internal.activitypub.Fixtures.HOST;
import static org.vidiverse.federation.internal.activitypub.Fixtures.assertRefused;
import static org.vidiverse.federation.internal.activitypub.Fixtures.edited;
import static org.vidiverse.federation.internal.activitypub.Fixtures.load;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

public class ActorDocumentsTest {
    private static final String PERSON = "ap-person-accounts-root.json";
    private static final String GROUP = "ap-group-video-channels-root_channel.json";
    private static final String APPLICATION = "ap-actor-instance-accounts-peertube.json";

    // ------------------------------------------------------------ rendering ours

    @Test
    public void accountRendersAsPeerTubesPerson() {
        assertEquals(load(PERSON), tree(ActorDocuments.render(fromFixture(PERSON, ActorType.PERSON, "root"), null, BASE)));
    }

    @Test
    public void channelRendersAsPeerTubesGroupAttributedToItsOwner() {
        Actor owner = fromFixture(PERSON, ActorType.PERSON, "root");
        Actor channel = fromFixture(GROUP, ActorType.GROUP, "Main root channel");
        assertEquals(load(GROUP), tree(ActorDocuments.render(channel, owner, BASE)));
        assertEquals("Give", ActorDocuments.render(channel, owner, "Give", BASE).get("support"));
    }

    @Test
    public void instanceRendersAsPeerTubesApplication() {
        assertEquals(load(APPLICATION),
                tree(ActorDocuments.render(fromFixture(APPLICATION, ActorType.APPLICATION, "peertube"), null, BASE)));
    }

    @Test
    public void actorWithoutStoredUrlsGetsPeerTubesUrlsAndNoKeyUntilItHasOne() {
        Actor bare = new Actor(3, ActorType.PERSON, "alice", null, null, HOST, true, BASE + "/accounts/alice", null,
                null, null, null, null, null, null, null, 0, 0, Instant.parse("2026-01-01T00:00:00Z"), null);
        JsonNode doc = tree(ActorDocuments.render(bare, null, BASE));
        assertEquals(BASE + "/accounts/alice/inbox", doc.get("inbox").asText());
        assertEquals(BASE + "/accounts/alice/outbox", doc.get("outbox").asText());
        assertEquals(BASE + "/accounts/alice/followers", doc.get("followers").asText());
        assertEquals(BASE + "/accounts/alice/following", doc.get("following").asText());
        assertEquals(BASE + "/inbox", doc.at("/endpoints/sharedInbox").asText());
        assertEquals("alice", doc.get("name").asText());
        assertFalse(doc.has("publicKey"));
        assertFalse(doc.has("icon"));
    }

    @Test
    public void renderedActorsParseBack() throws Exception {
        Actor owner = fromFixture(PERSON, ActorType.PERSON, "root");
        Actor channel = fromFixture(GROUP, ActorType.GROUP, "Main root channel");
        RemoteActor back = ActorDocuments.parse(tree(ActorDocuments.render(channel, owner, "Give", BASE)), HOST);
        assertEquals(new RemoteActor(ActorType.GROUP, channel.url(), "root_channel", HOST, "Main root channel", null,
                channel.inboxUrl(), BASE + "/inbox", channel.outboxUrl(), channel.followersUrl(), channel.followingUrl(),
                channel.publicKeyPem(), owner.url(), "Give"), back);
    }

    // ------------------------------------------------------------ parsing PeerTube's actors

    @Test
    public void peerTubePersonIsRead() throws Exception {
        RemoteActor root = ActorDocuments.parse(load(PERSON), HOST);
        assertEquals(ActorType.PERSON, root.type());
        assertEquals(BASE + "/accounts/root", root.url());
        assertEquals("root", root.name());
        assertEquals("127.0.0.1:9001", root.host());
        assertEquals("root", root.displayName());
        assertNull(root.summary());
        assertEquals(BASE + "/accounts/root/inbox", root.inboxUrl());
        assertEquals(BASE + "/inbox", root.sharedInboxUrl());
        assertEquals(BASE + "/accounts/root/outbox", root.outboxUrl());
        assertEquals(BASE + "/accounts/root/followers", root.followersUrl());
        assertEquals(BASE + "/accounts/root/following", root.followingUrl());
        assertEquals(load(PERSON).at("/publicKey/publicKeyPem").asText(), root.publicKeyPem());
        assertNull(root.ownerUrl());
        assertNull(root.support());
    }

    @Test
    public void peerTubeGroupIsReadWithItsOwner() throws Exception {
        RemoteActor channel = ActorDocuments.parse(load(GROUP), HOST);
        assertEquals(ActorType.GROUP, channel.type());
        assertEquals("root_channel", channel.name());
        assertEquals("Main root channel", channel.displayName());
        assertEquals(BASE + "/accounts/root", channel.ownerUrl());
    }

    @Test
    public void peerTubeApplicationIsRead() throws Exception {
        RemoteActor instance = ActorDocuments.parse(load(APPLICATION), "127.0.0.1:9001");
        assertEquals(ActorType.APPLICATION, instance.type());
        assertEquals("peertube", instance.name());
    }

    @Test
    public void otherSoftwaresActorsAreRead() throws Exception {
        ObjectNode service = edited(PERSON, a -> {
            a.put("type", "Service");
            a.remove("name");
            a.remove("endpoints");
            a.put("summary", "<p>A bot</p>");
        });
        RemoteActor bot = ActorDocuments.parse(service, HOST);
        assertEquals(ActorType.PERSON, bot.type());
        assertEquals("root", bot.displayName());
        assertNull(bot.sharedInboxUrl());
        assertEquals("<p>A bot</p>", bot.summary());
        assertEquals(ActorType.PERSON, ActorDocuments.parse(edited(PERSON, a -> a.put("type", "Organization")), HOST).type());

        ObjectNode group = edited(GROUP, a -> a.put("attributedTo", BASE + "/accounts/root"));
        assertEquals(BASE + "/accounts/root", ActorDocuments.parse(group, HOST).ownerUrl());

        ObjectNode keys = edited(PERSON, a -> a.set("publicKey", tree(List.of(
                Map.of("id", "https://x.example/k", "owner", "https://x.example/other", "publicKeyPem", pem()),
                Map.of("id", BASE + "/accounts/root#main-key", "owner", BASE + "/accounts/root", "publicKeyPem", "-----BEGIN PUBLIC KEY-----\nB\n-----END PUBLIC KEY-----")))));
        assertEquals("-----BEGIN PUBLIC KEY-----\nB\n-----END PUBLIC KEY-----", ActorDocuments.parse(keys, HOST).publicKeyPem());
    }

    // ------------------------------------------------------------ refusing bad actors

    @Test
    public void actorOfAnotherHostIsRefused() {
        assertRefused("Actor id: " + BASE + "/accounts/root is not on evil.example",
                () -> ActorDocuments.parse(load(PERSON), "evil.example:9001"));
    }

    @Test
    public void actorWithoutKeyIsRefused() {
        assertRefused("Actor publicKey: no publicKeyPem",
                () -> ActorDocuments.parse(edited(PERSON, a -> a.remove("publicKey")), HOST));
        assertRefused("Actor publicKey: no publicKeyPem", () -> ActorDocuments.parse(edited(PERSON,
                a -> ((ObjectNode) a.get("publicKey")).put("publicKeyPem", "not a key")), HOST));
        assertRefused("Actor publicKey: no publicKeyPem", () -> ActorDocuments.parse(edited(PERSON,
                a -> ((ObjectNode) a.get("publicKey")).put("owner", "https://evil.example/accounts/x")), HOST));
    }

    @Test
    public void actorWithABadNameIsRefused() {
        assertRefused("Actor: missing preferredUsername",
                () -> ActorDocuments.parse(edited(PERSON, a -> a.remove("preferredUsername")), HOST));
        for (String bad : List.of("root@evil.example", "a/b", "two words", "x".repeat(256))) {
            assertRefused("Actor preferredUsername",
                    () -> ActorDocuments.parse(edited(PERSON, a -> a.put("preferredUsername", bad)), HOST));
        }
    }

    @Test
    public void actorWithoutUsableInboxOrTypeIsRefused() {
        assertRefused("Actor: missing inbox", () -> ActorDocuments.parse(edited(PERSON, a -> a.remove("inbox")), HOST));
        assertRefused("Actor inbox: not an http(s) URL",
                () -> ActorDocuments.parse(edited(PERSON, a -> a.put("inbox", "ftp://x/inbox")), HOST));
        assertRefused("Actor endpoints sharedInbox: not an http(s) URL", () -> ActorDocuments.parse(edited(PERSON,
                a -> ((ObjectNode) a.get("endpoints")).put("sharedInbox", "inbox")), HOST));
        assertRefused("Actor type: not an actor type: Note",
                () -> ActorDocuments.parse(edited(PERSON, a -> a.put("type", "Note")), HOST));
        assertRefused("Actor type: not an actor type: null",
                () -> ActorDocuments.parse(edited(PERSON, a -> a.remove("type")), HOST));
        assertRefused("Actor: not a JSON object", () -> ActorDocuments.parse(tree("x"), HOST));
    }

    @Test
    public void groupWithoutOwnerIsRefused() {
        assertRefused("Group attributedTo: no Person owning the channel",
                () -> ActorDocuments.parse(edited(GROUP, a -> a.remove("attributedTo")), HOST));
        assertRefused("Group attributedTo: no Person owning the channel", () -> ActorDocuments.parse(edited(GROUP,
                a -> a.set("attributedTo", tree(List.of(Map.of("type", "Group", "id", BASE + "/video-channels/x"))))), HOST));
    }

    // ------------------------------------------------------------ helpers

    /** The local actor whose document the fixture is. */
    private static Actor fromFixture(String fixture, ActorType type, String displayName) {
        JsonNode doc = load(fixture);
        String url = doc.get("id").asText();
        return new Actor(1, type, doc.get("preferredUsername").asText(), displayName, null, HOST, true, url,
                doc.get("inbox").asText(), doc.at("/endpoints/sharedInbox").asText(), doc.get("outbox").asText(),
                doc.get("followers").asText(), doc.get("following").asText(), doc.at("/publicKey/publicKeyPem").asText(),
                "-----BEGIN PRIVATE KEY-----", null, 0, 0, Instant.parse(doc.get("published").asText()), null);
    }

    private static String pem() {
        return "-----BEGIN PUBLIC KEY-----\nA\n-----END PUBLIC KEY-----";
    }
}
