import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.vidiverse.storage.internal.SearchIndex;
import org.vidiverse.storage.internal.ShortUuid;

/**
 * Fills an instance's database (schema made by a first start, instance stopped) with N public videos of the
 * root user's channel, their tags and their search words, with JDBC batches. Deterministic (seed 42): words
 * follow a Zipf law over a vocabulary where "mountain" has rank 150, so it is in about 3% of videos.
 *
 * <p>java -cp CLASSPATH bench/Seed.java JDBC_URL USER PUBLIC_URL COUNT
 */
public class Seed {
    static final String[] REAL = ("video music live show travel city night day game news film art trip summer "
            + "winter river lake sea ocean forest desert island road bike car train cooking food recipe kitchen "
            + "garden home house school science space star planet moon sun earth history war peace science "
            + "tutorial guide review unboxing football tennis running dance song guitar piano drums concert "
            + "festival interview podcast talk lecture course lesson language french english spanish german "
            + "camera drone photo painting drawing design code linux open source software hardware repair "
            + "build wood metal stone snow rain storm wind cloud sky bird cat dog horse fish animal nature "
            + "wild park trail hike climb camp fire water boat sail surf swim beach valley hill glacier volcano "
            + "canyon cave bridge tower castle church market street village farm field flower tree leaf autumn "
            + "spring morning evening story kids family friends party wedding birthday holiday journey adventure "
            + "explore discover world europe africa asia america australia north south east west").split(" ");
    static final String[] TAGS = ("travel music gaming nature tutorial cooking sport science art news comedy "
            + "education diy tech linux outdoor hiking cycling film animation documentary vlog podcast live "
            + "mountain ocean city history space animals kids family").split(" ");
    static final int VOCABULARY = 3_000;
    static final int MOUNTAIN_RANK = 150;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1].isEmpty() ? null : args[1];
        String publicUrl = args[2];
        int count = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            c.setAutoCommit(false);
            long channel = rootChannel(c);
            long began = System.nanoTime();
            insertVideos(c, channel, publicUrl, count);
            c.commit();
            insertTags(c, count);
            c.commit();
            SearchIndex.rebuild(c);
            c.commit();
            analyze(c);
            c.commit();
            System.out.printf("Seeded %d videos in %d s%n", count, (System.nanoTime() - began) / 1_000_000_000L);
        }
        if (url.startsWith("jdbc:derby:")) {
            shutDownDerby(url);
        }
    }

    /** A clean shutdown checkpoints the database: the instance then boots without replaying the whole load's log. */
    static void shutDownDerby(String url) {
        try {
            DriverManager.getConnection(url.replace(";create=true", "") + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as an exception (SQLState 08006)
        }
    }

    static long rootChannel(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ch.id FROM video_channel ch "
                + "JOIN actor a ON a.id = ch.actor_id WHERE a.preferred_username = 'root_channel'")) {
            if (!rs.next()) {
                throw new IllegalStateException("no root_channel: start the instance once first");
            }
            return rs.getLong(1);
        }
    }

    static void insertVideos(Connection c, long channel, String publicUrl, int count) throws SQLException {
        Random random = new Random(42);
        Zipf words = new Zipf(VOCABULARY, random);
        long now = System.currentTimeMillis();
        String[] languages = {"en", "fr", "de", "es", null};
        try (PreparedStatement p = c.prepareStatement("INSERT INTO video (uuid, short_uuid, name, description, "
                + "privacy, state, duration, category, licence, language, nsfw, comments_enabled, download_enabled, "
                + "wait_transcoding, views, likes, dislikes, comments_count, is_local, url, channel_id, created_at, "
                + "updated_at, published_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, "
                + "?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                UUID uuid = new UUID(random.nextLong(), random.nextLong() & ~0xF000L | 0x4000L);
                Timestamp published = new Timestamp(now - (long) (random.nextDouble() * 3 * 365 * 86_400_000L));
                String language = languages[random.nextInt(languages.length)];
                int k = 1;
                p.setString(k++, uuid.toString());
                p.setString(k++, ShortUuid.encode(uuid));
                p.setString(k++, capitalise(text(words, 3 + random.nextInt(4))));
                p.setString(k++, text(words, 20 + random.nextInt(30)));
                p.setInt(k++, 10 + random.nextInt(3_600));
                p.setInt(k++, 1 + random.nextInt(18));
                p.setInt(k++, 1 + random.nextInt(7));
                if (language == null) {
                    p.setNull(k++, Types.VARCHAR);
                } else {
                    p.setString(k++, language);
                }
                p.setBoolean(k++, random.nextInt(20) == 0);
                p.setBoolean(k++, true);
                p.setBoolean(k++, true);
                p.setBoolean(k++, false);
                p.setLong(k++, random.nextInt(100_000));
                p.setLong(k++, random.nextInt(1_000));
                p.setLong(k++, random.nextInt(100));
                p.setBoolean(k++, true);
                p.setString(k++, publicUrl + "/videos/watch/" + uuid);
                p.setLong(k++, channel);
                p.setTimestamp(k++, published);
                p.setTimestamp(k++, published);
                p.setTimestamp(k, published);
                p.addBatch();
                if (i % 1_000 == 999) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
        }
    }

    static void insertTags(Connection c, int count) throws SQLException {
        Random random = new Random(7);
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM video ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO video_tag (video_id, name, position) VALUES (?, ?, ?)")) {
            int n = 0;
            for (long id : ids.subList(Math.max(0, ids.size() - count), ids.size())) {
                Map<String, Boolean> seen = new HashMap<>();
                int tags = random.nextInt(4);
                for (int t = 0; t < tags; t++) {
                    String tag = TAGS[random.nextInt(TAGS.length)];
                    if (seen.putIfAbsent(tag, true) == null) {
                        p.setLong(1, id);
                        p.setString(2, tag);
                        p.setInt(3, seen.size() - 1);
                        p.addBatch();
                        n++;
                    }
                }
                if (n >= 1_000) {
                    p.executeBatch();
                    n = 0;
                }
            }
            p.executeBatch();
        }
    }

    /** Fresh optimizer statistics after a bulk load, as a growing instance would have them. */
    static void analyze(Connection c) throws SQLException {
        boolean derby = c.getMetaData().getDatabaseProductName().toLowerCase().contains("derby");
        try (Statement s = c.createStatement()) {
            for (String table : List.of("video", "video_tag", "video_search_word", "video_channel", "actor")) {
                s.execute(derby ? "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, '"
                        + table.toUpperCase() + "', NULL)" : "ANALYZE " + table);
            }
        }
    }

    static String text(Zipf words, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(word(words.next()));
        }
        return b.toString();
    }

    /** Rank 150 is "mountain"; other ranks are real words first, then made-up ones. */
    static String word(int rank) {
        if (rank == MOUNTAIN_RANK) {
            return "mountain";
        }
        return rank < REAL.length ? REAL[rank] : "w" + Integer.toString(rank * 7919 % 100_000, 36);
    }

    static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Ranks 0..n-1 with probability proportional to 1/(rank+1). */
    static final class Zipf {
        private final double[] cumulative;
        private final Random random;

        Zipf(int n, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next() {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
        }
    }
}
