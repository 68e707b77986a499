package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.VideoQuery;

public class SubscriptionStoreTest {
    private Stores stores;

    @Before
    public void open() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:subs-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        stores = new Stores(ds);
    }

    @After
    public void close() {
        stores.close();
    }

    private User user(String name) {
        return stores.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, name));
    }

    private long channel(User u) {
        return stores.channels.channelsOf(u.accountId()).get(0).id();
    }

    @Test
    public void subscriptionVideosComeFromFollowedChannelsOnly() {
        User viewer = user("viewer");
        User alice = user("alice");
        User bob = user("bob");
        stores.videos.create(NewVideo.published(channel(alice), "alice 1"));
        stores.videos.create(NewVideo.published(channel(bob), "bob 1"));
        stores.follows.create(viewer.accountId(), channel(alice), FollowState.ACCEPTED);

        var feed = stores.videos.list(VideoQuery.publicListing().followedBy(viewer.accountId()),
                PageRequest.of(0, 10, "-publishedAt"));
        assertEquals(1, feed.total());
        assertEquals("alice 1", feed.data().get(0).name());
        assertEquals(1, stores.channels.findChannel(channel(alice)).orElseThrow().followersCount());

        assertEquals(1, stores.follows.followingOf(viewer.accountId(), PageRequest.of(0, 10, "-createdAt")).total());
        assertTrue(stores.follows.find(viewer.accountId(), channel(alice)).isPresent());
        assertTrue(stores.follows.delete(viewer.accountId(), channel(alice)));
        assertFalse(stores.follows.delete(viewer.accountId(), channel(alice)));
        assertEquals(0, stores.channels.findChannel(channel(alice)).orElseThrow().followersCount());
        assertEquals(0, stores.videos.list(VideoQuery.publicListing().followedBy(viewer.accountId()),
                PageRequest.of(0, 10, "-publishedAt")).total());
    }
}
