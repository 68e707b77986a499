package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.RatingStore.Rating;

/** Deleting a user on a real database: everything of theirs goes in one transaction, nothing dangles. */
public abstract class UserDeletionContract {
    /** Every table with a row per user, account, channel, actor or video, and how to count rows left of one. */
    private static final List<String> TABLES = List.of("users", "account", "actor", "video_channel", "video",
            "video_tag", "video_file", "video_comment", "account_video_rate", "actor_follow", "oauth_token",
            "video_playlist", "video_playlist_element", "user_video_history", "video_search_word", "account_block");

    protected Stores s;

    protected abstract DataSource createDatabase() throws Exception;

    protected abstract void dropDatabase() throws Exception;

    @Before
    public void open() throws Exception {
        s = new Stores(createDatabase());
    }

    @After
    public void close() throws Exception {
        if (s != null) {
            s.close();
        }
        dropDatabase();
    }

    @Test
    public void deletingAUserTakesEverythingOfTheirsAndLeavesOthersConsistent() throws Exception {
        User gone = user("gone");
        User bob = user("bob");
        Map<String, Long> before = counts();     // two users with their account, channel and watch later

        long goneChannel = channelOf(gone);
        long goneSecond = s.channels.createChannel(gone.accountId(), "gone_second", "Second", null, null).id();
        Video goneVideo = video(goneChannel, "gone's video", List.of("alps", "snow"));
        video(goneSecond, "second channel video", List.of());
        s.videos.addFile(goneVideo.id(), 720, 1000, 30, ".mp4", "gone.mp4");
        Video bobVideo = video(channelOf(bob), "bob's video", List.of("music"));

        // comments both ways, with replies under the gone user's comments
        Comment onGone = s.comments.create(goneVideo.id(), bob.accountId(), null, "bob on gone's video");
        s.comments.create(goneVideo.id(), gone.accountId(), onGone.id(), "gone answers");
        Comment goneThread = s.comments.create(bobVideo.id(), gone.accountId(), null, "gone starts a thread");
        Comment bobReply = s.comments.create(bobVideo.id(), bob.accountId(), goneThread.id(), "bob replies");
        s.comments.create(bobVideo.id(), bob.accountId(), bobReply.id(), "bob replies deeper");
        Comment bobThread = s.comments.create(bobVideo.id(), bob.accountId(), null, "bob's own thread");
        Comment goneReply = s.comments.create(bobVideo.id(), gone.accountId(), bobThread.id(), "gone replies");
        s.comments.create(bobVideo.id(), bob.accountId(), goneReply.id(), "bob answers gone");
        s.comments.create(bobVideo.id(), bob.accountId(), bobThread.id(), "bob's reply stays");

        // ratings both ways
        s.ratings.rate(bobVideo.id(), gone.accountId(), Rating.LIKE);
        s.ratings.rate(goneVideo.id(), bob.accountId(), Rating.DISLIKE);
        s.ratings.rate(bobVideo.id(), bob.accountId(), Rating.LIKE);

        // subscriptions both ways
        s.follows.create(gone.accountId(), channelOf(bob), FollowState.ACCEPTED);
        s.follows.create(bob.accountId(), goneChannel, FollowState.ACCEPTED);
        s.follows.create(bob.accountId(), gone.accountId(), FollowState.ACCEPTED);

        // blocks both ways
        s.blocks.block(gone.accountId(), bob.accountId());
        s.blocks.block(bob.accountId(), gone.accountId());

        // playlists both ways, history both ways, tokens
        long goneList = s.playlists.create(gone.accountId(), "gone's list", null, VideoPlaylistPrivacy.PUBLIC,
                goneChannel).id();
        s.playlists.addElement(goneList, bobVideo.id(), null, null);
        s.playlists.addElement(goneList, goneVideo.id(), null, null);
        long bobLater = s.playlists.watchLaterOf(bob.accountId()).orElseThrow().id();
        s.playlists.addElement(bobLater, goneVideo.id(), 5, null);
        s.playlists.addElement(bobLater, bobVideo.id(), null, null);
        s.history.record(gone.id(), bobVideo.id(), 10);
        s.history.record(bob.id(), goneVideo.id(), 20);
        s.history.record(bob.id(), bobVideo.id(), 30);
        s.tokens.saveToken(gone.id(), "client", "a".repeat(64), Instant.now().plusSeconds(60), "b".repeat(64),
                Instant.now().plusSeconds(120));

        s.users.delete(gone.id());

        assertTrue(s.users.findById(gone.id()).isEmpty());
        assertTrue(s.channels.findLocalAccount("gone").isEmpty());
        assertTrue(s.channels.findLocalChannel("gone_second").isEmpty());
        assertTrue(s.videos.findById(goneVideo.id()).isEmpty());
        assertTrue(s.tokens.findByAccessHash("a".repeat(64)).isEmpty());

        // bob's side: counters recounted from what stays
        Video bobNow = s.videos.findById(bobVideo.id()).orElseThrow();
        assertEquals(1, bobNow.likes());
        assertEquals(0, bobNow.dislikes());
        assertEquals("bob's own thread and the reply not under gone's", 2, bobNow.commentsCount());
        assertEquals(2, s.comments.count());
        assertEquals(List.of(bobThread.id()), s.comments.threads(bobVideo.id(), PageRequest.of(0, 10, "createdAt"))
                .data().stream().map(Comment::id).toList());
        assertEquals(0, s.channels.findChannel(channelOf(bob)).orElseThrow().followersCount());
        assertEquals(0, s.channels.findAccount(bob.accountId()).orElseThrow().followingCount());
        assertTrue(s.follows.followingOf(bob.accountId(), PageRequest.of(0, 10, "createdAt")).data().isEmpty());
        List<VideoPlaylistElement> later = s.playlists.elements(bobLater, PageRequest.of(0, 10, "position")).data();
        assertEquals("bob's watch later keeps the place", 2, later.size());
        assertNull(later.get(0).video());
        assertEquals(bobVideo.id(), later.get(1).video().id());
        assertEquals(Map.of(bobVideo.id(), 30), s.history.currentTimes(bob.id(), List.of(goneVideo.id(),
                bobVideo.id())));
        assertEquals(1, s.playlists.count());

        // and exactly the rows of two users minus one are left, none pointing at a removed row
        Map<String, Long> after = counts();
        assertEquals(Long.valueOf(before.get("users") - 1), after.get("users"));
        assertEquals(Long.valueOf(before.get("account") - 1), after.get("account"));
        assertEquals(Long.valueOf(before.get("video_channel") - 1), after.get("video_channel"));
        assertEquals(Long.valueOf(before.get("actor") - 2), after.get("actor"));
        assertEquals(Long.valueOf(1), after.get("video"));
        assertEquals(Long.valueOf(1), after.get("video_tag"));
        assertEquals(Long.valueOf(0), after.get("video_file"));
        assertEquals(Long.valueOf(1), after.get("account_video_rate"));
        assertEquals(Long.valueOf(0), after.get("actor_follow"));
        assertEquals(Long.valueOf(0), after.get("oauth_token"));
        assertEquals(Long.valueOf(2), after.get("video_playlist_element"));
        assertEquals(Long.valueOf(1), after.get("user_video_history"));
        assertEquals(Long.valueOf(0), after.get("account_block"));
        assertEquals(0L, dangling());
    }

    @Test
    public void deletingAnUnknownUserChangesNothing() throws Exception {
        user("alice");
        Map<String, Long> before = counts();
        assertThrows(NotFoundException.class, () -> s.users.delete(999_999));
        assertEquals(before, counts());
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, query("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    /** Rows that refer to a missing row through a plain column (the foreign keys guard the others). */
    private long dangling() throws Exception {
        return query("SELECT COUNT(*) FROM oauth_token t WHERE NOT EXISTS (SELECT u.id FROM users u WHERE u.id = t.user_id)")
                + query("SELECT COUNT(*) FROM video_search_word w WHERE NOT EXISTS "
                + "(SELECT v.id FROM video v WHERE v.id = w.video_id)")
                + query("SELECT COUNT(*) FROM actor a WHERE NOT EXISTS (SELECT c.id FROM account c WHERE c.id = a.id) "
                + "AND NOT EXISTS (SELECT c.id FROM video_channel c WHERE c.id = a.id) AND a.actor_type <> 'APPLICATION'");
    }

    private long query(String sql) {
        return s.jpa.txExpr(em -> {
            try (Connection c = em.unwrap(Connection.class); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, name));
    }

    private long channelOf(User user) {
        return s.channels.channelsOf(user.accountId()).get(0).id();
    }

    private Video video(long channel, String name, List<String> tags) {
        return s.videos.create(new NewVideo(channel, name, "words for the index", null,
                org.vidiverse.api.model.VideoPrivacy.PUBLIC, org.vidiverse.api.model.VideoState.PUBLISHED, 60, null,
                null, null, tags, false, true, true, false));
    }
}
