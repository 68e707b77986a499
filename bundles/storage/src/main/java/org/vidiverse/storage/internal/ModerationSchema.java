package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema step 8: moderation. OpenJPA's schema synchronisation adds the new columns (the video's blacklist entry,
 * the comment's {@code held_for_review}) and tables (account server blocks, the moderation log); this step makes
 * sure of what it may not do: the unique pair of a server block, the log's date index, and comments stored before
 * the column existed counted as not held, so that queries can compare the flag plainly.
 */
final class ModerationSchema {
    static final String SERVER_BLOCKS = "account_server_block";
    static final List<IndexSpec> INDEXES = List.of(
            new IndexSpec("idx_moderation_log_at", "moderation_log", "created_at"),
            new IndexSpec("idx_video_blacklist_type", "video", "blacklist_type"));

    private ModerationSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        if (FederationSchema.tableExists(c, SERVER_BLOCKS)
                && !FederationSchema.uniqueExists(c, SERVER_BLOCKS, "by_account_id", "host")) {
            FederationSchema.execute(c, "ALTER TABLE " + SERVER_BLOCKS + " ADD CONSTRAINT uq_account_server_block "
                    + "UNIQUE (by_account_id, host)");
        }
        if (FederationSchema.columnExists(c, "video_comment", "held_for_review")) {
            // a bound parameter, as the column is BOOLEAN on one database and SMALLINT on another
            try (var s = c.prepareStatement("UPDATE video_comment SET held_for_review = ? WHERE held_for_review IS NULL")) {
                s.setBoolean(1, false);
                s.executeUpdate();
            }
        }
        for (IndexSpec index : INDEXES) {
            if (FederationSchema.tableExists(c, index.table())) {
                index.ensure(c);
            }
        }
    }
}
