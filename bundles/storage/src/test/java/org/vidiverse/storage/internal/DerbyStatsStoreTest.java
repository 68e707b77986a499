package org.vidiverse.storage.internal;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** The statistics contract on an in-memory Derby database, a new one per test. */
public class DerbyStatsStoreTest extends StatsStoreContract {
    private String name;

    @Override
    protected DataSource createDatabase() {
        name = "memory:vid-stats-" + UUID.randomUUID();
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
