package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.storage.internal.entity.SchemaVersionEntity;

/**
 * Brings the database to the current schema version at activation. OpenJPA's {@code SynchronizeMappings} creates
 * missing tables and columns (and never drops any); the steps here do what it cannot: indexes it may not create,
 * data migrations. Each applied step is a row in {@code schema_version}; running again applies nothing, so
 * restarts and nodes starting together are safe. Every store references this component, so none is used before
 * the schema is ready.
 */
@Component(service = SchemaMigrator.class, immediate = true)
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** One migration step; steps are applied in version order and never change once released. */
    record Step(int version, String description, SqlWork work) {
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection connection, InstanceIdentity identity) throws SQLException;
    }

    /** The indexes listing, sorting, searching and claiming rely on (step 1). */
    static final List<IndexSpec> LISTING_INDEXES = List.of(
            new IndexSpec("idx_video_published_at", "video", "published_at"),
            new IndexSpec("idx_video_created_at", "video", "created_at"),
            new IndexSpec("idx_video_views", "video", "views"),
            new IndexSpec("idx_video_privacy_state", "video", "privacy, state"),
            new IndexSpec("idx_video_channel", "video", "channel_id"),
            new IndexSpec("idx_video_tag_name", "video_tag", "name"),
            new IndexSpec("idx_video_file_video", "video_file", "video_id"),
            new IndexSpec("idx_comment_video_created", "video_comment", "video_id, created_at"),
            new IndexSpec("idx_follow_following", "actor_follow", "following_id"),
            new IndexSpec("idx_job_state_run_after", "job", "state, run_after"));

    /**
     * Listing indexes whose column order and directions match the listing's filter and default sorts, so that a page
     * is an index range scan that stops after start + count entries: without them Derby sorts every public video
     * for each page (about 200 ms at 100,000 videos; 1 ms with them). PostgreSQL scans them in both directions.
     * (step 4)
     */
    static final List<IndexSpec> SORTED_LISTING_INDEXES = List.of(
            new IndexSpec("idx_video_list_published", "video", "privacy, state, published_at DESC, id DESC"),
            new IndexSpec("idx_video_list_created", "video", "privacy, state, created_at DESC, id DESC"),
            new IndexSpec("idx_video_channel_published", "video", "channel_id, published_at DESC, id DESC"));

    /**
     * The same for what anonymous visitors list since moderation and the NSFW policy filter it: NSFW videos out and
     * blocked videos out, so that a page and its total stay index scans (step 11).
     */
    static final List<IndexSpec> MODERATED_LISTING_INDEXES = List.of(
            new IndexSpec("idx_video_list_safe_published", "video",
                    "privacy, state, nsfw, blacklist_type, published_at DESC, id DESC"),
            new IndexSpec("idx_video_list_safe_created", "video",
                    "privacy, state, nsfw, blacklist_type, created_at DESC, id DESC"));

    /** Static file serving finds the video of a requested file by its name on every request. */
    static final List<IndexSpec> FILE_NAME_INDEXES = List.of(
            new IndexSpec("idx_video_file_filename", "video_file", "filename"),
            new IndexSpec("idx_video_file_torrent", "video_file", "torrent_filename"));

    /** The indexes playlists and watch history rely on (step 3). */
    static final List<IndexSpec> PLAYLIST_INDEXES = List.of(
            new IndexSpec("idx_playlist_owner", "video_playlist", "owner_account_id"),
            new IndexSpec("idx_playlist_channel", "video_playlist", "channel_id"),
            new IndexSpec("idx_playlist_element_position", "video_playlist_element", "playlist_id, position"),
            new IndexSpec("idx_playlist_element_video", "video_playlist_element", "video_id"),
            new IndexSpec("idx_history_user_updated", "user_video_history", "user_id, updated_at"),
            new IndexSpec("idx_history_video", "user_video_history", "video_id"));

    /** Every index the steps ensure. */
    static final List<IndexSpec> INDEXES = java.util.stream.Stream.of(LISTING_INDEXES, PLAYLIST_INDEXES,
            SORTED_LISTING_INDEXES, FILE_NAME_INDEXES, FederationSchema.INDEXES,
            List.of(AccountBlockSchema.TARGET_INDEX), ModerationSchema.INDEXES, AbuseSchema.INDEXES,
            List.of(ModerationFeedSchema.TARGET_INDEX), MODERATED_LISTING_INDEXES,
            List.of(DailyStatsSchema.DAY_INDEX)).flatMap(List::stream).toList();

    static final List<Step> STEPS = List.of(
            new Step(1, "indexes for listing, sorting, searching and claiming jobs", (c, identity) -> {
                for (IndexSpec index : LISTING_INDEXES) {
                    index.ensure(c);
                }
            }),
            new Step(2, "video search words: indexes, C collation on PostgreSQL, words of existing videos",
                    (c, identity) -> SearchIndex.migrate(c)),
            new Step(3, "playlists and watch history: indexes, a watch later playlist for every user, history on",
                    (c, identity) -> {
                        for (IndexSpec index : PLAYLIST_INDEXES) {
                            index.ensure(c);
                        }
                        WatchLaterMigration.run(c, identity);
                    }),
            new Step(4, "listing indexes matching the filters and default sorts", (c, identity) -> {
                for (IndexSpec index : SORTED_LISTING_INDEXES) {
                    index.ensure(c);
                }
            }),
            new Step(5, "video file lookups by file name and torrent name, as static file serving does them",
                    (c, identity) -> {
                        for (IndexSpec index : FILE_NAME_INDEXES) {
                            index.ensure(c);
                        }
                    }),
            new Step(6, "federation: URLs of remote files, playlists and pictures, received activities, comments "
                    + "by url, unique follow urls, accounts without a user",
                    (c, identity) -> FederationSchema.migrate(c)),
            new Step(7, "account block lists: the table, one block per pair of accounts, lookups by blocked account",
                    (c, identity) -> AccountBlockSchema.migrate(c)),
            new Step(8, "moderation: video block list, comments held for review, account server blocks, the "
                    + "moderation log", (c, identity) -> ModerationSchema.migrate(c)),
            new Step(9, "abuse reports and their messages: lookups by reporter, flagged account, video, Flag, report",
                    (c, identity) -> AbuseSchema.migrate(c)),
            new Step(10, "moderation feeds: reasons and sources of instance blocks, subscriptions, their entries",
                    (c, identity) -> ModerationFeedSchema.migrate(c)),
            new Step(11, "listing indexes with the NSFW flag and the block list, as moderated listings filter",
                    (c, identity) -> {
                        for (IndexSpec index : MODERATED_LISTING_INDEXES) {
                            index.ensure(c);
                        }
                    }),
            new Step(12, "daily statistics per video: views, bytes from peers and from the server",
                    (c, identity) -> DailyStatsSchema.migrate(c)),
            new Step(13, "feed tokens: one secret per user for the subscription feed",
                    (c, identity) -> FeedTokenSchema.migrate(c)));

    private final JpaTemplate jpa;
    private final InstanceIdentity identity;

    @Activate
    public SchemaMigrator(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                          @Reference InstanceIdentity identity) {
        this.jpa = jpa;
        this.identity = identity;
        migrate();
    }

    /** The version a fully migrated database is at. */
    public static int latestVersion() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /** Applies the steps not yet applied, in order; returns the version reached. */
    public int migrate() {
        int from = version();
        for (Step step : STEPS) {
            apply(step);   // a no-op for a step already recorded
        }
        int to = version();
        if (to != from) {
            LOG.info("Database schema migrated from version {} to {}", from, to);
        } else {
            LOG.debug("Database schema is at version {}", to);
        }
        return to;
    }

    /** The highest applied step, 0 on an empty database. */
    public int version() {
        return jpa.txExpr(Required, em -> {
            Integer v = em.createQuery("SELECT MAX(s.version) FROM SchemaVersionEntity s", Integer.class)
                    .getSingleResult();
            return v == null ? 0 : v;
        });
    }

    private void apply(Step step) {
        try {
            boolean applied = jpa.txExpr(Required, em -> {
                if (em.find(SchemaVersionEntity.class, step.version()) != null) {
                    return false;   // applied before, or by another node just now
                }
                runOnConnection(em, step);
                SchemaVersionEntity row = new SchemaVersionEntity();
                row.setVersion(step.version());
                row.setDescription(step.description());
                row.setAppliedAt(new Date());
                em.persist(row);
                em.flush();
                return true;
            });
            if (applied) {
                LOG.info("Applied schema step {}: {}", step.version(), step.description());
            }
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                LOG.info("Schema step {} was applied concurrently by another node", step.version());
                return;
            }
            throw e;
        }
    }

    private void runOnConnection(EntityManager em, Step step) {
        // the provider's connection wrapper only releases its hold on close; the connection itself stays open
        try (Connection c = em.unwrap(Connection.class)) {
            step.work().run(c, identity);
        } catch (SQLException e) {
            throw new IllegalStateException("schema step " + step.version() + " failed: " + e.getMessage(), e);
        }
    }
}
