package org.vidiverse.storage.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.BeforeClass;

/** The abuse store contract on PostgreSQL. See {@link PostgresSchema}. */
public class PostgresAbuseStoreTest extends AbuseStoreContract {
    private PostgresSchema schema;

    @BeforeClass
    public static void unlessSkipped() {
        PostgresSchema.assumeEnabled();
    }

    @Override
    protected DataSource createDatabase() throws SQLException {
        schema = new PostgresSchema().create();
        return schema.dataSource();
    }

    @Override
    protected DataSource sameDatabase() {
        return schema.dataSource();
    }

    @Override
    protected void dropDatabase() throws SQLException {
        if (schema != null) {
            schema.drop();
        }
    }
}
