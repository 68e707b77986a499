package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.store.PlaylistStore;

/**
 * Schema step 3 for databases that had users before playlists: every user's account gets its watch later
 * playlist, and the new {@code videos_history_enabled} column (added empty by the provider) is switched on, as it
 * is for new users.
 */
final class WatchLaterMigration {
    private static final Logger LOG = LoggerFactory.getLogger(WatchLaterMigration.class);

    private WatchLaterMigration() {
    }

    static void run(Connection c, InstanceIdentity identity) throws SQLException {
        try (PreparedStatement history = c.prepareStatement(
                "UPDATE users SET videos_history_enabled = ? WHERE videos_history_enabled IS NULL")) {
            history.setBoolean(1, true);
            history.executeUpdate();
        }
        List<Long> accounts = new ArrayList<>();
        try (PreparedStatement missing = c.prepareStatement("SELECT a.id FROM account a WHERE a.user_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT p.id FROM video_playlist p WHERE p.owner_account_id = a.id "
                + "AND p.playlist_type = ?) ORDER BY a.id")) {
            missing.setInt(1, VideoPlaylistType.WATCH_LATER.id());
            try (ResultSet rs = missing.executeQuery()) {
                while (rs.next()) {
                    accounts.add(rs.getLong(1));
                }
            }
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_playlist (uuid, short_uuid, name, "
                + "privacy, playlist_type, url, owner_account_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long account : accounts) {
                UUID uuid = UUID.randomUUID();
                insert.setString(1, uuid.toString());
                insert.setString(2, ShortUuid.encode(uuid));
                insert.setString(3, PlaylistStore.WATCH_LATER_NAME);
                insert.setInt(4, VideoPlaylistPrivacy.PRIVATE.id());
                insert.setInt(5, VideoPlaylistType.WATCH_LATER.id());
                insert.setString(6, Playlists.url(identity, uuid.toString()));
                insert.setLong(7, account);
                insert.setTimestamp(8, now);
                insert.setTimestamp(9, now);
                insert.addBatch();
            }
            if (!accounts.isEmpty()) {
                insert.executeBatch();
            }
        }
        LOG.info("Created the watch later playlist of {} existing users", accounts.size());
    }
}
