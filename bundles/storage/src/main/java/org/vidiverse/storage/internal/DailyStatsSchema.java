package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Schema step 12: {@code video_daily_stats}, one row per video and UTC day with its views and the bytes its players
 * fetched from peers and from the server. It has no entity: rows are only ever added to with SQL increments. It has
 * no reference to the video either, so the instance's history does not shrink when a video is deleted.
 */
final class DailyStatsSchema {
    static final String TABLE = "video_daily_stats";
    static final IndexSpec DAY_INDEX = new IndexSpec("idx_video_daily_stats_day", TABLE, "stat_day");

    private DailyStatsSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        if (!FederationSchema.tableExists(c, TABLE)) {
            FederationSchema.execute(c, "CREATE TABLE " + TABLE + " (video_id BIGINT NOT NULL, "
                    + "stat_day DATE NOT NULL, views BIGINT NOT NULL, bytes_from_peers BIGINT NOT NULL, "
                    + "bytes_from_server BIGINT NOT NULL, "
                    + "PRIMARY KEY (video_id, stat_day))");
        }
        DAY_INDEX.ensure(c);
    }
}
