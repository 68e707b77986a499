package org.vidiverse.storage.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.storage.internal.entity.VideoSearchWordEntity;

/**
 * Keeps the {@code video_search_word} table in step with the videos: {@link #add} and {@link #remove} inside the
 * transaction that creates or deletes a video, {@link #rebuild} over a whole database (a schema step for videos
 * that existed before the index, and bulk loaders that insert videos with plain SQL).
 */
public final class SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BATCH = 1_000;

    private SearchIndex() {
    }

    static void add(EntityManager em, long videoId, String name, List<String> tags, String description) {
        for (SearchWords.Occurrence o : SearchWords.occurrences(name, tags, description)) {
            em.persist(new VideoSearchWordEntity(o.word(), videoId, o.field().code));
        }
    }

    static void remove(EntityManager em, long videoId) {
        em.createQuery("DELETE FROM VideoSearchWordEntity w WHERE w.videoId = :id").setParameter("id", videoId)
                .executeUpdate();
    }

    /**
     * Schema step 2: the lookup index {@code (word, video_id, field)}, the index on {@code video_id} that deletes
     * need, the {@code "C"} collation for the word column
     * on PostgreSQL (prefix ranges follow code points and stay B-tree ranges whatever the database's locale), and
     * the words of the videos that existed before the index.
     */
    static void migrate(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE video_search_word ALTER COLUMN word TYPE VARCHAR("
                        + VideoSearchWordEntity.MAX_WORD + ") COLLATE \"C\"");
            }
        }
        new IndexSpec("idx_search_word", "video_search_word", "word, video_id, field").ensure(c);
        new IndexSpec("idx_search_word_video", "video_search_word", "video_id").ensure(c);
        rebuild(c);
    }

    /**
     * Replaces the whole index with the words of every video in the database, in batches on {@code c}; the
     * caller owns the transaction. Tags are read in one pass and kept in memory: a few bytes per tag.
     *
     * @return the number of videos indexed
     */
    public static int rebuild(Connection c) throws SQLException {
        long began = System.nanoTime();
        Map<Long, List<String>> tags = new HashMap<>();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM video_search_word");
            try (ResultSet rs = s.executeQuery("SELECT video_id, name FROM video_tag ORDER BY video_id, position")) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        int videos = 0;
        int pending = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, description FROM video");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO video_search_word (word, video_id, field) VALUES (?, ?, ?)")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                for (SearchWords.Occurrence o : SearchWords.occurrences(rs.getString(2),
                        tags.getOrDefault(id, List.of()), rs.getString(3))) {
                    insert.setString(1, o.word());
                    insert.setLong(2, id);
                    insert.setInt(3, o.field().code);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                videos++;
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        LOG.info("Indexed the words of {} videos for search in {} ms", videos, (System.nanoTime() - began) / 1_000_000);
        return videos;
    }
}
