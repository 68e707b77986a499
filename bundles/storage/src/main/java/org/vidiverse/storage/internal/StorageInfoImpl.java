package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.store.StorageInfo;

/** Database product, URL (credentials removed), schema version and row counts, read live on each call. */
@Component(service = StorageInfo.class)
public final class StorageInfoImpl implements StorageInfo {
    private static final Map<String, String> COUNTED = countedEntities();

    private final JpaTemplate jpa;
    private final SchemaMigrator schema;

    @Activate
    public StorageInfoImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                           @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.schema = schema;
    }

    private static Map<String, String> countedEntities() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("users", "UserEntity");
        m.put("accounts", "AccountEntity");
        m.put("channels", "ChannelEntity");
        m.put("videos", "VideoEntity");
        m.put("videoFiles", "VideoFileEntity");
        m.put("comments", "CommentEntity");
        m.put("follows", "FollowEntity");
        m.put("jobs", "JobEntity");
        return m;
    }

    @Override
    public String database() {
        return metadata(md -> {
            try {
                String version = md.getDatabaseProductVersion();
                int build = version.indexOf(" - ");   // Derby appends " - (build number)"
                return md.getDatabaseProductName() + " " + (build > 0 ? version.substring(0, build) : version);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public String url() {
        return metadata(md -> {
            try {
                return withoutCredentials(md.getURL());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Drops {@code user:password@} and {@code user}/{@code password} parameters from a JDBC URL. */
    static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        String s = url.replaceFirst("//[^/@?;]*@", "//");
        s = s.replaceAll("(?i)([;&?])(user|password)=[^;&]*", "$1");
        return s.replaceAll("[;&]{2,}", ";").replaceAll("\\?[&;]", "?").replaceAll("[?;&]+$", "");
    }

    private <T> T metadata(Function<DatabaseMetaData, T> read) {
        return jpa.txExpr(Required, (EntityManager em) -> {
            try (Connection c = em.unwrap(Connection.class)) {
                return read.apply(c.getMetaData());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database metadata", e);
            }
        });
    }

    @Override
    public int schemaVersion() {
        return schema.version();
    }

    @Override
    public Map<String, Long> counts() {
        return jpa.txExpr(Required, em -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            COUNTED.forEach((key, entity) -> counts.put(key,
                    em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult()));
            return counts;
        });
    }
}
