package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema step 9: abuse reports and their messages. OpenJPA's schema synchronisation creates both tables (they hold
 * plain ids, no foreign keys to what they name); the step makes sure of the lookups by reporter, flagged account,
 * video, Flag activity and report, on databases where the provider did not create the entities' indexes.
 */
final class AbuseSchema {
    static final List<IndexSpec> INDEXES = List.of(
            new IndexSpec("idx_abuse_reporter", "abuse", "reporter_account_id"),
            new IndexSpec("idx_abuse_flagged_account", "abuse", "flagged_account_id"),
            new IndexSpec("idx_abuse_video", "abuse", "video_id"),
            new IndexSpec("idx_abuse_flag_url", "abuse", "flag_url"),
            new IndexSpec("idx_abuse_message_abuse", "abuse_message", "abuse_id"));

    private AbuseSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        for (IndexSpec index : INDEXES) {
            index.ensure(c);
        }
    }
}
