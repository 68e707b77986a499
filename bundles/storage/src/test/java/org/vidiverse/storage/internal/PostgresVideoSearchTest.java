package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Search on a real PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, database {@code test}), in a fresh schema
 * per test. Skipped only with {@code -Dvidiverse.skipPostgres=true}; a database that cannot be reached fails.
 */
public class PostgresVideoSearchTest extends VideoSearchContract {
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
        schema = "vid_search_" + UUID.randomUUID().toString().replace("-", "");
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

    @Test
    public void wordColumnComparesByCodePointWhateverTheLocale() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, null); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT collation_name FROM information_schema.columns "
                     + "WHERE table_schema = '" + schema + "' AND table_name = 'video_search_word' "
                     + "AND column_name = 'word'")) {
            org.junit.Assert.assertTrue(rs.next());
            org.junit.Assert.assertEquals("C", rs.getString(1));
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
