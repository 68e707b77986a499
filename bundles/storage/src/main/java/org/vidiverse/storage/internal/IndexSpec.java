package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index the schema needs. {@link #ensure} looks it up in the JDBC metadata of the current schema and creates
 * it only when missing, whether or not the JPA provider created it from the entity's {@code @Index}.
 */
record IndexSpec(String name, String table, String columns) {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSpec.class);

    /** @return whether the index had to be created */
    boolean ensure(Connection c) throws SQLException {
        if (exists(c)) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX " + name + " ON " + table + " (" + columns + ")");
        }
        LOG.info("Created index {} on {} ({})", name, table, columns);
        return true;
    }

    boolean exists(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), currentSchema(c), folded(md, table), false, false)) {
            while (rs.next()) {
                if (name.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An unquoted identifier as the metadata knows it: upper case on Derby, lower case on PostgreSQL. */
    static String folded(DatabaseMetaData md, String identifier) throws SQLException {
        return md.storesUpperCaseIdentifiers() ? identifier.toUpperCase(Locale.ROOT)
                : md.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }

    /**
     * The provider's connection wrapper does not pass {@code getSchema()} through, so ask the database; on others
     * than Derby and PostgreSQL, search every schema.
     */
    static String currentSchema(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String sql = product.contains("derby") ? "VALUES CURRENT SCHEMA"
                : product.contains("postgres") ? "SELECT current_schema()" : null;
        if (sql == null) {
            return null;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
