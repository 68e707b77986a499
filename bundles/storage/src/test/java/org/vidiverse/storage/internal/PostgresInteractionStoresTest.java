package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Comments, ratings and views on PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, database {@code test}), in
 * a fresh schema per test. Skipped only with {@code -Dvidiverse.skipPostgres=true}.
 */
public class PostgresInteractionStoresTest extends InteractionStoreContract {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private String schema;

    @BeforeClass
    public static void unlessSkipped() {
        Assume.assumeFalse("PostgreSQL tests skipped by vidiverse.skipPostgres",
                Boolean.getBoolean("vidiverse.skipPostgres"));
    }

    @Override
    protected DataSource createDatabase() throws SQLException {
        schema = "vid_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        ds.setUser(USER);
        ds.setCurrentSchema(schema);
        return ds;
    }

    @Override
    protected void dropDatabase() throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
