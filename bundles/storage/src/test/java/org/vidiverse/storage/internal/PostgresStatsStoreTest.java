package org.vidiverse.storage.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.BeforeClass;

/** The statistics contract on PostgreSQL. See {@link PostgresSchema}. */
public class PostgresStatsStoreTest extends StatsStoreContract {
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
    protected void dropDatabase() throws SQLException {
        if (schema != null) {
            schema.drop();
        }
    }
}
