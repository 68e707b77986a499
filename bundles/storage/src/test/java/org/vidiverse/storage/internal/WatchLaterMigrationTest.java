package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.store.PlaylistQuery;

/**
 * Schema step 3 on a database whose users predate playlists: they get their watch later playlist and history
 * turned on, once.
 */
public class WatchLaterMigrationTest {
    private Stores s;

    @Before
    public void open() {
        s = new Stores(DerbyStoresTest.dataSource("memory:vid-migration-" + UUID.randomUUID(), "create"));
    }

    @After
    public void close() {
        s.close();
    }

    @Test
    public void usersFromBeforePlaylistsGetTheirWatchLaterPlaylistOnce() {
        User alice = user("alice");
        User bob = user("bob");
        sql("DELETE FROM video_playlist", "UPDATE users SET videos_history_enabled = NULL",
                "DELETE FROM schema_version WHERE version >= 3");
        assertTrue(s.playlists.watchLaterOf(alice.accountId()).isEmpty());

        assertEquals(2, s.schema.version());

        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());

        for (User u : new User[] {alice, bob}) {
            var later = s.playlists.watchLaterOf(u.accountId()).orElseThrow();
            assertEquals(Stores.PUBLIC_URL + "/video-playlists/" + later.uuid(), later.url());
            assertEquals(ShortUuid.encode(UUID.fromString(later.uuid())), later.shortUuid());
            assertEquals(1, s.playlists.list(PlaylistQuery.all().ofAccount(u.accountId())
                    .withType(VideoPlaylistType.WATCH_LATER), org.vidiverse.api.model.PageRequest.of(0, 10,
                    "createdAt")).total());
            assertTrue(s.users.findById(u.id()).orElseThrow().videosHistoryEnabled());
        }
        assertEquals(2, s.playlists.count());
    }

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, name));
    }

    private void sql(String... statements) {
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class); Statement st = c.createStatement()) {
                for (String statement : statements) {
                    st.executeUpdate(statement);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
