package org.vidiverse.storage.internal;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** The moderation feed contract on an in-memory Derby database, a new one per test. */
public class DerbyModerationFeedStoreTest extends ModerationFeedStoreContract {
    private String name;

    @Override
    protected DataSource createDatabase() {
        name = "memory:vid-feeds-" + UUID.randomUUID();
        return DerbyStoresTest.dataSource(name, "create");
    }

    @Override
    protected void dropDatabase() {
        try {
            DerbyStoresTest.dataSource(name, "drop").getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (SQLState 08006)
        }
    }
}
