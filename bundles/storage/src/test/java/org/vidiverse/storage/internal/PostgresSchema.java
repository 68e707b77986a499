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
 * A fresh database on the real PostgreSQL at 127.0.0.1:5432 (user {@code postgres}) for one test, dropped afterwards
 * so runs never collide. Tests are skipped only with {@code -Dvidiverse.skipPostgres=true}; a server that cannot be
 * reached fails them.
 *
 * <p>Each database is a copy of a template made once per test run: a database whose schema {@value #SCHEMA} the
 * stores have already created and migrated. Copying it takes a fraction of a second where creating the tables
 * took most of each test's time; a test starts from the same state either way, as opening the stores on an empty
 * schema migrates it before the test runs.
 */
final class PostgresSchema {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String URL = SERVER + "test";
    static final String USER = "postgres";
    static final String SCHEMA = "vid";
    /** The template of this run, made by the first test that needs one. */
    private static String template;

    final String name = "vid_test_" + UUID.randomUUID().toString().replace("-", "");

    static void assumeEnabled() {
        Assume.assumeFalse("PostgreSQL tests skipped by vidiverse.skipPostgres",
                Boolean.getBoolean("vidiverse.skipPostgres"));
    }

    PostgresSchema create() throws SQLException {
        String source = template();
        execute("CREATE DATABASE " + name + " TEMPLATE " + source);
        return this;
    }

    DataSource dataSource() {
        return dataSource(name);
    }

    void drop() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A connection to this test's database. */
    Connection connection() throws SQLException {
        return DriverManager.getConnection(SERVER + name, USER, null);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, null);
    }

    private static DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(SERVER + database);
        ds.setUser(USER);
        ds.setCurrentSchema(SCHEMA);
        return ds;
    }

    private static synchronized String template() throws SQLException {
        if (template == null) {
            String database = "vid_template_" + UUID.randomUUID().toString().replace("-", "");
            execute("CREATE DATABASE " + database);
            try (Connection c = DriverManager.getConnection(SERVER + database, USER, null);
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
            new Stores(dataSource(database)).close();
            // nobody may be connected to a database that is copied
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                } catch (SQLException e) {
                    System.err.println("Could not drop the test template " + database + ": " + e.getMessage());
                }
            }));
            template = database;
        }
        return template;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
