package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema step 6, for federation: the URLs of remote videos' files, playlists and pictures, the table of received
 * activity ids, lookups of comments by url, unique follow urls (a redelivered Follow must not make a second
 * row), and accounts without a user (remote and application actors' accounts). OpenJPA's schema synchronisation
 * usually adds the columns and the table before this runs; the step makes sure of them, and adds the constraint and
 * indexes it does not add to existing tables. Every part checks the JDBC metadata first, so it does only what is
 * missing.
 */
final class FederationSchema {
    private static final Logger LOG = LoggerFactory.getLogger(FederationSchema.class);

    record Column(String table, String name, String type) {
    }

    record Unique(String name, String table, String column) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("video_file", "file_url", "VARCHAR(1000)"),
            new Column("video_file", "torrent_url", "VARCHAR(1000)"),
            new Column("video_streaming_playlist", "playlist_url", "VARCHAR(1000)"),
            new Column("video_streaming_playlist", "segments_sha256_url", "VARCHAR(1000)"),
            new Column("video", "thumbnail_url", "VARCHAR(1000)"),
            new Column("video", "preview_url", "VARCHAR(1000)"));

    static final List<Unique> UNIQUES = List.of(new Unique("uq_actor_follow_url", "actor_follow", "url"));

    /** Comments by url; pruning received activities by age. */
    static final List<IndexSpec> INDEXES = List.of(
            new IndexSpec("idx_comment_url", "video_comment", "url"),
            new IndexSpec("idx_received_activity_at", "received_activity", "received_at"));

    private FederationSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        for (Column column : COLUMNS) {
            if (!columnExists(c, column.table(), column.name())) {
                execute(c, "ALTER TABLE " + column.table() + " ADD COLUMN " + column.name() + " " + column.type());
            }
        }
        if (!tableExists(c, "received_activity")) {
            execute(c, "CREATE TABLE received_activity (id_sha256 VARCHAR(64) NOT NULL, "
                    + "received_at TIMESTAMP NOT NULL, PRIMARY KEY (id_sha256))");
        }
        if (!nullable(c, "account", "user_id")) {
            // OpenJPA makes unique columns NOT NULL on Derby; remote and application accounts have no user
            boolean derby = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
            execute(c, "ALTER TABLE account ALTER COLUMN user_id " + (derby ? "NULL" : "DROP NOT NULL"));
        }
        for (Unique unique : UNIQUES) {
            if (!uniqueExists(c, unique.table(), unique.column())) {
                // a constraint rather than a unique index: on Derby only a constraint lets NULLs repeat
                execute(c, "ALTER TABLE " + unique.table() + " ADD CONSTRAINT " + unique.name() + " UNIQUE ("
                        + unique.column() + ")");
            }
        }
        for (IndexSpec index : INDEXES) {
            index.ensure(c);
        }
    }

    static boolean columnExists(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(c.getCatalog(), IndexSpec.currentSchema(c), IndexSpec.folded(md, table),
                IndexSpec.folded(md, column))) {
            return rs.next();
        }
    }

    static boolean nullable(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(c.getCatalog(), IndexSpec.currentSchema(c), IndexSpec.folded(md, table),
                IndexSpec.folded(md, column))) {
            return rs.next() && rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable;
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), IndexSpec.currentSchema(c), IndexSpec.folded(md, table),
                new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    /** Whether a unique index (a constraint's, whatever its name) covers exactly {@code columns}, in any order. */
    static boolean uniqueExists(Connection c, String table, String... columns) throws SQLException {
        Set<String> wanted = new HashSet<>();
        for (String column : columns) {
            wanted.add(column.toLowerCase(Locale.ROOT));
        }
        DatabaseMetaData md = c.getMetaData();
        Map<String, Set<String>> indexed = new HashMap<>();
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), IndexSpec.currentSchema(c), IndexSpec.folded(md, table),
                true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String name = rs.getString("COLUMN_NAME");
                if (index == null || name == null) {
                    continue;   // table statistics rows
                }
                indexed.computeIfAbsent(index, i -> new HashSet<>()).add(name.toLowerCase(Locale.ROOT));
            }
        }
        return indexed.containsValue(wanted);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        LOG.info("Schema: {}", sql);
    }
}
