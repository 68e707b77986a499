package org.vidiverse.storage.internal;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The store contract on an in-memory Derby database, a new one per test. */
public class DerbyStoresTest extends StoreContract {
    private String name;

    @Override
    protected DataSource createDatabase() {
        name = "memory:vid-" + UUID.randomUUID();
        return dataSource(name, "create");
    }

    @Override
    protected DataSource sameDatabase() {
        return dataSource(name, null);
    }

    @Override
    protected void dropDatabase() {
        try {
            dataSource(name, "drop").getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (SQLState 08006)
        }
    }

    static EmbeddedDataSource dataSource(String databaseName, String createOrDrop) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(databaseName);
        if ("create".equals(createOrDrop)) {
            ds.setCreateDatabase("create");
        } else if ("drop".equals(createOrDrop)) {
            ds.setConnectionAttributes("drop=true");
        }
        return ds;
    }
}
