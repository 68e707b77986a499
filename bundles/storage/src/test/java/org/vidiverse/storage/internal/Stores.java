package org.vidiverse.storage.internal;

import java.util.HashMap;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.vidiverse.api.instance.InstanceIdentity;

/** Every store over one persistence unit, wired as DS would wire them, on a given DataSource. */
final class Stores implements AutoCloseable {
    static final String PUBLIC_URL = "https://video.example.org";

    final EntityManagerFactory emf;
    final ResourceLocalJpaTemplate jpa;
    final InstanceIdentity identity = () -> PUBLIC_URL;
    final SchemaMigrator schema;
    final UserStoreImpl users;
    final ChannelStoreImpl channels;
    final VideoChanges changes = new VideoChanges();
    final VideoStoreImpl videos;
    final CommentStoreImpl comments;
    final FollowStoreImpl follows;
    final JobStoreImpl jobs;
    final InstanceStoreImpl instances;
    final StorageInfoImpl info;
    final PlaylistStoreImpl playlists;
    final WatchHistoryStoreImpl history;
    final RatingStoreImpl ratings;
    final TokenStoreImpl tokens;
    final ActorStoreImpl actors;
    final AccountBlockStoreImpl blocks;
    final VideoBlacklistStoreImpl blacklist;
    final ServerBlockStoreImpl serverBlocks;
    final ModerationLogStoreImpl moderationLog;
    final ModerationFeedStoreImpl feeds;
    final AbuseStoreImpl abuses;
    final StatsStoreImpl stats;
    final FeedTokenStoreImpl feedTokens;

    final VideoCache videoCache = new VideoCache(changes);

    Stores(DataSource dataSource) {
        emf = Persistence.createEntityManagerFactory("vidiverse", properties(dataSource));
        jpa = new ResourceLocalJpaTemplate(emf);
        schema = new SchemaMigrator(jpa, identity);
        users = new UserStoreImpl(jpa, identity, schema, changes);
        channels = new ChannelStoreImpl(jpa, identity, schema, changes);
        videos = new VideoStoreImpl(jpa, identity, schema, changes, videoCache);
        comments = new CommentStoreImpl(jpa, identity, schema);
        follows = new FollowStoreImpl(jpa, identity, schema);
        jobs = new JobStoreImpl(jpa, schema);
        instances = new InstanceStoreImpl(jpa, identity, schema, changes);
        info = new StorageInfoImpl(jpa, schema);
        playlists = new PlaylistStoreImpl(jpa, identity, schema);
        history = new WatchHistoryStoreImpl(jpa, identity, schema);
        ratings = new RatingStoreImpl(jpa, schema);
        tokens = new TokenStoreImpl(jpa, schema);
        actors = new ActorStoreImpl(jpa, identity, schema, changes, instances);
        blocks = new AccountBlockStoreImpl(jpa, identity, schema, changes);
        blacklist = new VideoBlacklistStoreImpl(jpa, identity, changes, schema);
        serverBlocks = new ServerBlockStoreImpl(jpa, changes, schema);
        moderationLog = new ModerationLogStoreImpl(jpa, schema);
        feeds = new ModerationFeedStoreImpl(jpa, identity, schema, actors, changes);
        abuses = new AbuseStoreImpl(jpa, identity, schema);
        stats = new StatsStoreImpl(jpa, schema);
        feedTokens = new FeedTokenStoreImpl(jpa, schema);
    }

    /**
     * Aries JPA hands the DataSource it found under the unit's JNDI name to the provider as
     * {@code javax.persistence.nonJtaDataSource}; doing the same keeps OpenJPA from looking the name up in JNDI.
     */
    static Map<String, Object> properties(DataSource dataSource) {
        Map<String, Object> p = new HashMap<>();
        p.put("javax.persistence.nonJtaDataSource", dataSource);
        p.put("openjpa.ConnectionFactory", dataSource);
        if (dataSource instanceof org.postgresql.ds.PGSimpleDataSource pg && pg.getCurrentSchema() != null) {
            // Without it the provider looks tables up in every schema of the database: while another build's
            // tests hold a schema of their own with an older "users", it would alter that table's name here.
            p.put("openjpa.jdbc.Schema", pg.getCurrentSchema());
        }
        return p;
    }

    @Override
    public void close() {
        emf.close();
    }
}
