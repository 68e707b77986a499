package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.Assume;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh schema on the real PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, database {@code test}) for one
 * test, dropped afterwards so runs never collide. Tests are skipped only with {@code -Dvidiverse.skipPostgres=true};
 * a database that cannot be reached fails them.
 */
final class PostgresSchema {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    final String name = "vid_test_" + UUID.randomUUID().toString().replace("-", "");

    static void assumeEnabled() {
        Assume.assumeFalse("PostgreSQL tests skipped by vidiverse.skipPostgres",
                Boolean.getBoolean("vidiverse.skipPostgres"));
    }

    PostgresSchema create() throws SQLException {
        execute("CREATE SCHEMA " + name);
        return this;
    }

    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(URL);
        ds.setUser(USER);
        ds.setCurrentSchema(name);
        return ds;
    }

    void drop() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, null);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
