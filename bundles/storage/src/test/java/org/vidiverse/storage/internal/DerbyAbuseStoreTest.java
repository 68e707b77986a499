package org.vidiverse.storage.internal;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** The abuse store contract on an in-memory Derby database, a new one per test. */
public class DerbyAbuseStoreTest extends AbuseStoreContract {
    private String name;

    @Override
    protected DataSource createDatabase() {
        name = "memory:vid-abuses-" + UUID.randomUUID();
        return DerbyStoresTest.dataSource(name, "create");
    }

    @Override
    protected DataSource sameDatabase() {
        return DerbyStoresTest.dataSource(name, null);
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
