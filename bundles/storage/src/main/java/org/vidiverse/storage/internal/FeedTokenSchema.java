package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Schema step 13: {@code user_feed_token}, one secret per user for the subscription feed's URL, unique so that a
 * token names one user. Rows go with their user (the reference cascades).
 */
final class FeedTokenSchema {
    static final String TABLE = "user_feed_token";

    private FeedTokenSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        if (!FederationSchema.tableExists(c, TABLE)) {
            FederationSchema.execute(c, "CREATE TABLE " + TABLE + " (user_id BIGINT NOT NULL, "
                    + "token VARCHAR(64) NOT NULL, created_at TIMESTAMP NOT NULL, PRIMARY KEY (user_id), "
                    + "CONSTRAINT uq_user_feed_token UNIQUE (token), CONSTRAINT fk_user_feed_token_user "
                    + "FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)");
        }
    }
}
