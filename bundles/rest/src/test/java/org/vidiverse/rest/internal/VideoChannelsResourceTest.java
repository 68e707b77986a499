package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.vidiverse.rest.internal.ChannelFakes.anonymous;
import static org.vidiverse.rest.internal.ChannelFakes.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.junit.Test;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.PlaylistStore;

public class VideoChannelsResourceTest {
    private final ChannelFakes f = new ChannelFakes();
    private final PlaylistStore noPlaylists = InteractionFakes.proxy(PlaylistStore.class, (name, args) -> {
        throw new UnsupportedOperationException(name);
    });
    private final VideoChannelsResource resource = new VideoChannelsResource(f.channelStore, f.videoStore,
            noPlaylists, () -> "https://" + ChannelFakes.HOST);
    private final AccountsResource accounts = new AccountsResource(f.channelStore, f.videoStore, noPlaylists,
            () -> "https://" + ChannelFakes.HOST);
    private final User alice = f.user("alice", UserRole.USER);
    private final User bob = f.user("bob", UserRole.USER);
    private final User mod = f.user("mod", UserRole.MODERATOR);

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> music() {
        return body("name", "alice_music", "displayName", "Music", "description", "Songs", "support", "Tip me");
    }

    /** The status the request gets on the wire: the resource's answer or the problem mapper's. */
    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (RuntimeException e) {
            return new ProblemMapper().toResponse(e).getStatus();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void createdChannelIsOwnedByTheCallersAccountAndReadableByHandle() {
        Map<String, Object> created = resource.create(as(alice), music());
        long id = (Long) ((Map<String, Object>) created.get("videoChannel")).get("id");

        Map<String, Object> json = resource.get("alice_music@" + ChannelFakes.HOST);
        assertEquals(id, json.get("id"));
        assertEquals("Music", json.get("displayName"));
        assertEquals("Tip me", json.get("support"));
        assertEquals(true, json.get("isLocal"));
        assertEquals("alice", ((Map<String, Object>) json.get("ownerAccount")).get("name"));
        assertEquals(2L, accounts.channels("alice", null, null, null).get("total"));
    }

    @Test
    public void createNeedsALoginAValidFreeNameAndBoundedTexts() {
        assertEquals(401, status(() -> resource.create(anonymous(), music())));
        assertEquals(400, status(() -> resource.create(as(alice), body("displayName", "Music"))));
        assertEquals(400, status(() -> resource.create(as(alice), body("name", "a b", "displayName", "x"))));
        assertEquals(400, status(() -> resource.create(as(alice), body("name", "x".repeat(51), "displayName", "x"))));
        assertEquals(400, status(() -> resource.create(as(alice), body("name", "alice_music"))));
        assertEquals(400, status(() -> resource.create(as(alice), body("name", "m", "displayName", "x".repeat(121)))));
        assertEquals(400, status(() -> resource.create(as(alice), body("name", "m", "displayName", "x",
                "description", "super".repeat(201)))));
        assertEquals(400, status(() -> resource.create(as(alice), body("name", "m", "displayName", "x",
                "support", "super".repeat(201)))));
        assertEquals(400, status(() -> resource.create(as(alice), null)));
        assertEquals(409, status(() -> resource.create(as(alice), body("name", "BOB", "displayName", "x"))));
        assertEquals(409, status(() -> resource.create(as(alice), body("name", "bob_channel", "displayName", "x"))));
        assertEquals(200, status(() -> resource.create(as(alice), music())));
        assertEquals(409, status(() -> resource.create(as(bob), music())));
    }

    @Test
    public void unknownChannelsAre404AndMalformedHandles400() {
        assertEquals(404, status(() -> resource.get("nobody_channel")));
        assertEquals(404, status(() -> resource.get("alice_channel@other.example.org")));
        assertEquals(404, status(() -> resource.videos(anonymous(), "nobody_channel", null, null, null)));
        assertEquals(404, status(() -> resource.update(as(alice), "nobody_channel", body("displayName", "x"))));
        assertEquals(404, status(() -> resource.delete(as(alice), "nobody_channel")));
        for (String bad : new String[] {"a b", "alice@", "@host", "a@b@c", "x/y"}) {
            assertEquals(bad, 400, status(() -> resource.get(bad)));
        }
    }

    @Test
    public void updateIsForTheOwnerAndModeratorsOnly() {
        resource.create(as(alice), music());
        Map<String, Object> change = body("displayName", "Tunes", "description", "New", "bulkVideosSupportUpdate", false);
        assertEquals(401, status(() -> resource.update(anonymous(), "alice_music", change)));
        assertEquals(403, status(() -> resource.update(as(bob), "alice_music", change)));
        assertEquals(204, resource.update(as(alice), "alice_music", change).getStatus());
        assertEquals("Tunes", resource.get("alice_music").get("displayName"));
        assertEquals("Tip me", resource.get("alice_music").get("support"));
        assertEquals(204, resource.update(as(mod), "alice_music", body("support", "")).getStatus());
        assertEquals("", resource.get("alice_music").get("support"));
    }

    @Test
    public void updateChecksItsFields() {
        for (Map<String, Object> bad : List.of(body("displayName", "super".repeat(25)), body("displayName", " "),
                body("description", "super".repeat(201)), body("support", "super".repeat(201)),
                body("bulkVideosSupportUpdate", "super"), body("displayName", 12))) {
            assertEquals(bad.toString(), 400, status(() -> resource.update(as(alice), "alice_channel", bad)));
        }
    }

    @Test
    public void remoteChannelsAreReadOnlyEvenForModerators() {
        Channel remote = f.remoteChannel("far", "other.example.org", alice.accountId());
        assertEquals(remote.id(), resource.get("far@other.example.org").get("id"));
        assertEquals(403, status(() -> resource.update(as(mod), "far@other.example.org", body("displayName", "x"))));
        assertEquals(403, status(() -> resource.delete(as(mod), "far@other.example.org")));
    }

    @Test
    public void deleteIsForTheOwnerAndModeratorsAndRemovesTheVideosFirst() {
        resource.create(as(alice), music());
        Channel music = f.channels.values().stream().filter(c -> c.name().equals("alice_music")).findFirst()
                .orElseThrow();
        Video publicVideo = f.video(music, VideoPrivacy.PUBLIC);
        Video privateVideo = f.video(music, VideoPrivacy.PRIVATE);
        Video elsewhere = f.video(f.channels.values().iterator().next(), VideoPrivacy.PUBLIC);

        assertEquals(401, status(() -> resource.delete(anonymous(), "alice_music")));
        assertEquals(403, status(() -> resource.delete(as(bob), "alice_music")));
        assertEquals(2, ((List<?>) accounts.channels("alice", null, null, null).get("data")).size());
        assertTrue(f.deletedVideos.isEmpty());

        assertEquals(204, resource.delete(as(alice), "alice_music").getStatus());
        assertEquals(404, status(() -> resource.get("alice_music")));
        assertEquals(List.of(publicVideo.id(), privateVideo.id()), f.deletedVideos);
        assertTrue(f.videos.containsKey(elsewhere.id()));
    }

    @Test
    public void theLastChannelOfAnAccountStays() {
        assertEquals(409, status(() -> resource.delete(as(alice), "alice_channel")));
        assertEquals(409, status(() -> resource.delete(as(mod), "alice_channel")));
        resource.create(as(alice), music());
        assertEquals(204, resource.delete(as(mod), "alice_channel").getStatus());
        assertEquals(409, status(() -> resource.delete(as(alice), "alice_music")));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void channelVideosArePublicOnesOfThatChannelOnly() {
        Channel main = f.channelStore.findChannelByHandle("alice_channel").orElseThrow();
        Video shown = f.video(main, VideoPrivacy.PUBLIC);
        f.video(main, VideoPrivacy.PRIVATE);
        f.video(f.channelStore.findChannelByHandle("bob_channel").orElseThrow(), VideoPrivacy.PUBLIC);
        Map<String, Object> page = resource.videos(anonymous(), "alice_channel", "0", "10", "-publishedAt");
        assertEquals(1L, page.get("total"));
        assertEquals(shown.uuid(), ((List<Map<String, Object>>) page.get("data")).get(0).get("uuid"));
        assertEquals(400, status(() -> resource.videos(anonymous(), "alice_channel", "-1", null, null)));
        assertEquals(400, status(() -> resource.videos(anonymous(), "alice_channel", null, "101", null)));
        assertEquals(400, status(() -> resource.videos(anonymous(), "alice_channel", null, null, "password")));
    }

    @Test
    public void theOwnerAndModeratorsCanListAChannelsVideos() {
        Channel main = f.channelStore.findChannelByHandle("alice_channel").orElseThrow();
        f.video(main, VideoPrivacy.PUBLIC);
        assertEquals(1L, resource.videos(as(alice), "alice_channel", null, null, null).get("total"));
        assertEquals(1L, resource.videos(as(mod), "alice_channel", null, null, null).get("total"));
        assertEquals(1L, resource.videos(as(bob), "alice_channel", null, null, null).get("total"));
    }

    @Test
    public void channelListIsPagedAndChecksItsParameters() {
        Map<String, Object> page = resource.list("1", "2", "name");
        assertEquals(3L, page.get("total"));
        assertEquals(2, ((List<?>) page.get("data")).size());
        assertEquals(400, status(() -> resource.list("-1", null, null)));
        assertEquals(400, status(() -> resource.list(null, "101", null)));
        assertEquals(400, status(() -> resource.list(null, null, "hack")));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void accountsAreFoundByNameOrHandleWithTheirVideosAndChannels() {
        Map<String, Object> json = accounts.get("alice@" + ChannelFakes.HOST);
        assertEquals("alice", json.get("name"));
        assertEquals(alice.id(), json.get("userId"));
        Channel main = f.channelStore.findChannelByHandle("alice_channel").orElseThrow();
        Video shown = f.video(main, VideoPrivacy.PUBLIC);
        f.video(main, VideoPrivacy.UNLISTED);
        f.video(f.channelStore.findChannelByHandle("bob_channel").orElseThrow(), VideoPrivacy.PUBLIC);
        Map<String, Object> videos = accounts.videos(anonymous(), "alice", null, null, null);
        assertEquals(1L, videos.get("total"));
        assertEquals(shown.uuid(), ((List<Map<String, Object>>) videos.get("data")).get(0).get("uuid"));
        List<Map<String, Object>> channels = (List<Map<String, Object>>) accounts.channels("alice", null, null, null)
                .get("data");
        assertEquals("alice_channel", channels.get(0).get("name"));
        assertFalse(channels.get(0).containsKey("error"));
    }

    @Test
    public void unknownAccountsAre404AndBadNames400() {
        assertEquals(404, status(() -> accounts.get("nobody")));
        assertEquals(404, status(() -> accounts.get("alice_channel")));          // a channel is no account
        assertEquals(404, status(() -> accounts.videos(anonymous(), "nobody", null, null, null)));
        assertEquals(404, status(() -> accounts.channels("nobody", null, null, null)));
        assertEquals(400, status(() -> accounts.get("a b")));
        assertEquals(400, status(() -> accounts.channels("alice", null, "101", null)));
        assertEquals(400, status(() -> accounts.channels("alice", null, null, "password")));
    }

    @Test
    public void constantListsAreKeyedByIdAsPeerTubeServesThem() {
        assertEquals("Music", new VideoConstantsResource.Categories().get().get("1"));
        assertEquals("Public Domain Dedication", new VideoConstantsResource.Licences().get().get("7"));
        Map<String, String> languages = new VideoConstantsResource.Languages().get();
        assertEquals("English", languages.get("en"));
        assertEquals("French", languages.get("fr"));
        assertTrue(languages.size() > 100);
        assertEquals(List.of("1", "2", "3", "4", "5"), List.copyOf(new VideoConstantsResource.Privacies().get().keySet()));
        assertEquals("Unlisted", new VideoConstantsResource.Privacies().get().get("2"));
    }
}
