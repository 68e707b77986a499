package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;

public class UserQuotaTest {
    private Stores stores;

    @Before
    public void open() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:quota-" + UUID.randomUUID());
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

    @Test
    public void quotaUsedCountsEveryRenditionOfTheUsersVideosOnly() {
        User alice = user("alice");
        User bob = user("bob");
        long aliceChannel = stores.channels.channelsOf(alice.accountId()).get(0).id();
        long bobChannel = stores.channels.channelsOf(bob.accountId()).get(0).id();
        Video a = stores.videos.create(NewVideo.published(aliceChannel, "a"));
        Video b = stores.videos.create(NewVideo.published(bobChannel, "b"));
        stores.videos.addFile(a.id(), 720, 1_000, 30, ".mp4", "a-720.mp4");
        stores.videos.addFile(a.id(), 360, 400, 30, ".mp4", "a-360.mp4");
        stores.videos.addFile(b.id(), 720, 5_000, 30, ".mp4", "b-720.mp4");

        assertEquals(1_400, stores.users.videoQuotaUsed(alice.id()));
        assertEquals(5_000, stores.users.videoQuotaUsed(bob.id()));
        assertEquals(1_400, stores.users.videoQuotaUsedSince(alice.id(), Instant.now().minusSeconds(86_400)));
        assertEquals(0, stores.users.videoQuotaUsedSince(alice.id(), Instant.now().plusSeconds(60)));
        assertEquals(0, stores.users.videoQuotaUsed(user("carol").id()));
    }
}
