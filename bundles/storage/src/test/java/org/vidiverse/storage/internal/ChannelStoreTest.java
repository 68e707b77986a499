package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;

public class ChannelStoreTest {
    private Stores stores;
    private User alice;

    @Before
    public void open() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:channels-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        stores = new Stores(ds);
        alice = user("alice");
    }

    @After
    public void close() {
        stores.close();
    }

    private User user(String name) {
        return stores.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, name));
    }

    @Test
    public void handlesFindLocalActorsWithOrWithoutOurHostAndRegardlessOfCase() {
        assertEquals(alice.accountId(), stores.channels.findAccountByHandle("alice").orElseThrow().id());
        assertEquals(alice.accountId(), stores.channels.findAccountByHandle("ALICE@video.example.org").orElseThrow().id());
        assertEquals("alice_channel", stores.channels.findChannelByHandle("alice_channel@video.example.org")
                .orElseThrow().name());
        assertTrue(stores.channels.findAccountByHandle("alice@other.example.org").isEmpty());
        assertTrue(stores.channels.findAccountByHandle("alice_channel").isEmpty());     // a channel is no account
        assertTrue(stores.channels.findChannelByHandle("alice").isEmpty());
        for (String bad : new String[] {"", "@video.example.org", "alice@", "a b", "alice@x@y", null}) {
            assertTrue(String.valueOf(bad), stores.channels.findAccountByHandle(bad).isEmpty());
        }
    }

    @Test
    public void createdChannelBelongsToTheAccountAndIsListedPaged() {
        Channel music = stores.channels.createChannel(alice.accountId(), "alice_music", "Music", "Songs", "Tip me");
        assertEquals("alice_music", music.name());
        assertEquals("Music", music.displayName());
        assertEquals("Songs", music.description());
        assertEquals("Tip me", music.support());
        assertEquals(alice.accountId(), music.owner().id());
        assertTrue(music.local());
        assertEquals(Stores.PUBLIC_URL + "/video-channels/alice_music", music.url());

        user("bob");
        assertEquals(2, stores.channels.channelsOf(alice.accountId(), PageRequest.of(0, 10, "name")).total());
        assertEquals(List.of("alice_channel", "alice_music"), stores.channels
                .channelsOf(alice.accountId(), PageRequest.of(0, 10, "name")).data().stream().map(Channel::name).toList());
        var firstPage = stores.channels.listChannels(PageRequest.of(0, 2, "-name"));
        assertEquals(3, firstPage.total());
        assertEquals(List.of("bob_channel", "alice_music"), firstPage.data().stream().map(Channel::name).toList());
        assertEquals(1, stores.channels.listChannels(PageRequest.of(2, 2, "-name")).data().size());
    }

    @Test
    public void channelNamesFollowPeerTubeRulesAndAreUniqueAmongLocalActors() {
        for (String bad : new String[] {"", "a b", "x".repeat(51), "é", "a/b"}) {
            try {
                stores.channels.createChannel(alice.accountId(), bad, "Name", null, null);
                fail("accepted " + bad);
            } catch (InvalidInputException e) {
                assertEquals("name", e.param());
            }
        }
        for (String taken : new String[] {"alice", "ALICE_channel"}) {
            try {
                stores.channels.createChannel(alice.accountId(), taken, "Name", null, null);
                fail("accepted " + taken);
            } catch (DuplicateException expected) {
                // the account's own name and its default channel's both block the name
            }
        }
        assertEquals(1, stores.channels.channelsOf(alice.accountId()).size());
        stores.channels.createChannel(alice.accountId(), "a-b_c.d:e", "Name", null, null);
    }

    @Test(expected = NotFoundException.class)
    public void creatingForAnUnknownAccountIsNotFound() {
        stores.channels.createChannel(9_999, "nobody_channel", "Name", null, null);
    }

    @Test
    public void updateChangesOnlyTheGivenFieldsAndEmptyClears() {
        Channel c = stores.channels.createChannel(alice.accountId(), "alice_music", "Music", "Songs", "Tip me");
        Channel updated = stores.channels.updateChannel(c.id(), "Tunes", null, "");
        assertEquals("Tunes", updated.displayName());
        assertEquals("Songs", updated.description());
        assertNull(updated.support());
        assertEquals("Tunes", stores.channels.findChannel(c.id()).orElseThrow().displayName());
    }

    @Test
    public void deleteRemovesAnEmptyChannelAndFreesItsName() {
        Channel c = stores.channels.createChannel(alice.accountId(), "alice_music", "Music", null, null);
        User bob = user("bob");
        stores.follows.create(bob.accountId(), c.id(), org.vidiverse.api.model.FollowState.ACCEPTED);
        stores.channels.deleteChannel(c.id());
        assertFalse(stores.channels.findChannel(c.id()).isPresent());
        assertTrue(stores.channels.findChannelByHandle("alice_music").isEmpty());
        stores.channels.createChannel(alice.accountId(), "alice_music", "Again", null, null);
    }

    @Test
    public void deleteRefusesTheLastChannelAndChannelsWithVideos() {
        long main = stores.channels.channelsOf(alice.accountId()).get(0).id();
        assertRefused(main);
        Channel other = stores.channels.createChannel(alice.accountId(), "alice_music", "Music", null, null);
        stores.videos.create(NewVideo.published(other.id(), "song"));
        assertRefused(other.id());
        assertEquals(2, stores.channels.channelsOf(alice.accountId()).size());
    }

    @Test(expected = NotFoundException.class)
    public void deletingAnUnknownChannelIsNotFound() {
        stores.channels.deleteChannel(9_999);
    }

    private void assertRefused(long channelId) {
        try {
            stores.channels.deleteChannel(channelId);
            fail("deleted " + channelId);
        } catch (IllegalStateException expected) {
            assertTrue(stores.channels.findChannel(channelId).isPresent());
        }
    }
}
