package org.vidiverse.storage.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.BeforeClass;
import org.junit.Test;

/** Search on PostgreSQL. See {@link PostgresSchema}. */
public class PostgresVideoSearchTest extends VideoSearchContract {
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

    @Test
    public void wordColumnComparesByCodePointWhateverTheLocale() throws SQLException {
        try (java.sql.Connection c = schema.connection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT collation_name FROM information_schema.columns "
                     + "WHERE table_schema = '" + PostgresSchema.SCHEMA + "' AND table_name = 'video_search_word' "
                     + "AND column_name = 'word'")) {
            org.junit.Assert.assertTrue(rs.next());
            org.junit.Assert.assertEquals("C", rs.getString(1));
        }
    }
}
