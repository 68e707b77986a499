package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbuseKind;
import org.vidiverse.api.model.AbuseMessage;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.AbuseState;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.AbuseQuery;
import org.vidiverse.api.store.NotFoundException;

/**
 * Abuse reports on every database: reports of videos, comments and accounts, filters and paging, moderation,
 * messages, reports outliving what they name, and the schema step. Subclasses provide a fresh database per test.
 */
public abstract class AbuseStoreContract {
    private static final List<AbusePredefinedReason> SPAM = List.of(AbusePredefinedReason.SPAM_OR_MISLEADING);

    protected Stores s;

    protected abstract DataSource createDatabase() throws Exception;

    protected abstract DataSource sameDatabase() throws Exception;

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
    public void videoReportRecordsReporterFlaggedAccountReasonsAndTimes() {
        User alice = user("alice");
        User bob = user("bob");
        Video video = video(bob, "Bad video");

        Abuse abuse = s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "  it is spam  ",
                List.of(AbusePredefinedReason.SPAM_OR_MISLEADING, AbusePredefinedReason.PRIVACY), video.id(), 5, 10));

        assertEquals("it is spam", abuse.reason());
        assertEquals(List.of(AbusePredefinedReason.SPAM_OR_MISLEADING, AbusePredefinedReason.PRIVACY),
                abuse.predefinedReasons());
        assertEquals(AbuseState.PENDING, abuse.state());
        assertEquals(alice.accountId(), abuse.reporter().id());
        assertEquals(bob.accountId(), abuse.flaggedAccount().id());
        assertEquals(AbuseKind.VIDEO, abuse.kind());
        assertEquals(video.id(), abuse.video().id());
        assertFalse(abuse.video().deleted());
        assertEquals(video.uuid(), abuse.video().uuid());
        assertEquals("Bad video", abuse.video().name());
        assertEquals(Integer.valueOf(5), abuse.video().startAt());
        assertEquals(Integer.valueOf(10), abuse.video().endAt());
        assertEquals(1, abuse.video().reportCount());
        assertEquals(1, abuse.video().nthReport());
        assertFalse(abuse.remote());
        assertEquals(abuse, s.abuses.find(abuse.id()).orElseThrow());

        Abuse second = s.abuses.create(NewAbuse.ofVideo(bob.accountId(), "again", SPAM, video.id(), null, null));
        assertEquals(2, second.video().nthReport());
        assertEquals(2, s.abuses.find(abuse.id()).orElseThrow().video().reportCount());
        assertEquals(2, second.reportsOfFlagged());
    }

    @Test
    public void commentAndAccountReportsNameTheirAuthorAndRemoteReportsKeepTheirFlag() {
        User alice = user("alice");
        User bob = user("bob");
        Video video = video(bob, "v");
        Comment comment = s.comments.create(video.id(), bob.accountId(), null, "rude words");
        Actor remote = s.actors.saveRemote(FederationStoreContract.person("carol"));

        Abuse onComment = s.abuses.create(NewAbuse.ofComment(alice.accountId(), "rude", SPAM, comment.id()));
        Abuse onAccount = s.abuses.create(NewAbuse.ofAccount(remote.id(), "troll", List.of(), bob.accountId())
                .receivedAs("https://peertube.example.net/admin/abuses/7"));

        assertEquals(AbuseKind.COMMENT, onComment.kind());
        assertEquals("rude words", onComment.comment().text());
        assertEquals(comment.id(), onComment.comment().threadId().longValue());
        assertEquals(video.uuid(), onComment.comment().videoUuid());
        assertEquals(bob.accountId(), onComment.flaggedAccount().id());
        assertEquals(AbuseKind.ACCOUNT, onAccount.kind());
        assertTrue(onAccount.remote());
        assertEquals("carol@" + FederationStoreContract.ORIGIN, onAccount.reporter().handle());
        assertEquals(onAccount.id(), s.abuses.findByFlagUrl("https://peertube.example.net/admin/abuses/7")
                .orElseThrow().id());
    }

    @Test
    public void reportsOfBlockedVideosAreFoundByVideoIsBlacklisted() {
        User alice = user("alice");
        Video blocked = video(user("bob"), "blocked");
        Video open = video(user("carl"), "open");
        Abuse onBlocked = s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "spam", SPAM, blocked.id(), null, null));
        s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "spam too", SPAM, open.id(), null, null));
        s.blacklist.block(blocked.id(), "spam", org.vidiverse.api.model.VideoBlacklist.Type.MANUAL, false);

        AbuseQuery onBlockList = new AbuseQuery(null, null, null, null, null, null, null, null, null, true);
        assertEquals(List.of(onBlocked.id()), s.abuses.list(onBlockList, page("-id")).data().stream()
                .map(Abuse::id).toList());
        assertEquals(2, s.abuses.list(AbuseQuery.ALL, page("-id")).total());
    }

    @Test
    public void badReportsAreRefusedAndStoreNothing() {
        User alice = user("alice");
        Video video = video(user("bob"), "v");
        assertThrows(InvalidInputException.class,
                () -> s.abuses.create(NewAbuse.ofVideo(alice.accountId(), " x ", SPAM, video.id(), null, null)));
        assertThrows(InvalidInputException.class, () -> s.abuses.create(NewAbuse.ofVideo(alice.accountId(),
                "y".repeat(3001), SPAM, video.id(), null, null)));
        assertThrows(InvalidInputException.class,
                () -> s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "late", SPAM, video.id(), 10, 5)));
        assertThrows(NotFoundException.class,
                () -> s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "gone", SPAM, 999_999, null, null)));
        assertThrows(NotFoundException.class,
                () -> s.abuses.create(NewAbuse.ofComment(alice.accountId(), "gone", SPAM, 999_999)));
        assertThrows(NotFoundException.class,
                () -> s.abuses.create(NewAbuse.ofAccount(999_999, "who", SPAM, alice.accountId())));
        assertThrows(IllegalArgumentException.class, () -> new NewAbuse(alice.accountId(), "two", SPAM,
                video.id(), null, null, null, alice.accountId(), null));
        assertEquals(0, s.abuses.list(AbuseQuery.ALL, page("-id")).total());
    }

    @Test
    public void listFiltersAndSorts() {
        User alice = user("alice");
        User bob = user("bob");
        Video video = video(bob, "Cooking show");
        Comment comment = s.comments.create(video.id(), bob.accountId(), null, "hello");
        Abuse a1 = s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "spam 100%", SPAM, video.id(), null, null));
        Abuse a2 = s.abuses.create(NewAbuse.ofComment(alice.accountId(), "rude", List.of(
                AbusePredefinedReason.HATEFUL_OR_ABUSIVE), comment.id()));
        Abuse a3 = s.abuses.create(NewAbuse.ofAccount(bob.accountId(), "impersonation", List.of(),
                alice.accountId()));
        s.abuses.update(a2.id(), AbuseState.ACCEPTED, null);

        assertEquals(List.of(a3.id(), a2.id(), a1.id()), ids(AbuseQuery.ALL, "-id"));
        assertEquals(List.of(a1.id(), a3.id(), a2.id()), ids(AbuseQuery.ALL, "state"));
        assertEquals(List.of(a2.id()), ids(query(null, null, AbuseState.ACCEPTED, null, null, null), "-id"));
        assertEquals(List.of(a1.id()), ids(query(AbusePredefinedReason.SPAM_OR_MISLEADING, null, null, null, null,
                null), "-id"));
        // a comment report carries its video's name too
        assertEquals(List.of(a2.id(), a1.id()), ids(query(null, "COOKING", null, null, null, null), "-id"));
        assertEquals(List.of(a1.id()), ids(query(null, "100%", null, null, null, null), "-id"));
        assertEquals(List.of(a3.id()), ids(query(null, null, null, "bob@", null, null), "-id"));
        assertEquals(List.of(a2.id(), a1.id()), ids(query(null, null, null, null, "bob", null), "-id"));
        assertEquals(List.of(a2.id()), ids(query(null, null, null, null, null, AbuseKind.COMMENT), "-id"));
        assertEquals(List.of(a3.id()), ids(query(null, null, null, null, null, AbuseKind.ACCOUNT), "-id"));
        assertEquals(List.of(a3.id()), ids(AbuseQuery.ALL.byReporter(bob.accountId()), "-id"));
        assertEquals(List.of(a1.id()), ids(new AbuseQuery(a1.id(), null, null, null, null, null, null, null, null),
                "id"));
        Page<Abuse> second = s.abuses.list(AbuseQuery.ALL, PageRequest.of(1, 1, "createdAt"));
        assertEquals(3, second.total());
        assertEquals(List.of(a2.id()), second.data().stream().map(Abuse::id).toList());
    }

    @Test
    public void moderationUpdatesStateAndCommentAndDeleteRemovesMessagesToo() {
        User alice = user("alice");
        User mod = user("mod");
        Abuse abuse = s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "spam", SPAM, video(user("bob"), "v").id(),
                null, null));

        Abuse rejected = s.abuses.update(abuse.id(), AbuseState.REJECTED, "not spam");
        assertEquals(AbuseState.REJECTED, rejected.state());
        assertEquals("not spam", rejected.moderationComment());
        assertEquals("not spam", s.abuses.update(abuse.id(), AbuseState.ACCEPTED, null).moderationComment());
        assertThrows(InvalidInputException.class, () -> s.abuses.update(abuse.id(), null, "x"));
        assertThrows(NotFoundException.class, () -> s.abuses.update(999_999, AbuseState.ACCEPTED, null));

        AbuseMessage question = s.abuses.addMessage(abuse.id(), mod.accountId(), "Which part?", true);
        AbuseMessage answer = s.abuses.addMessage(abuse.id(), alice.accountId(), "The end", false);
        assertEquals(List.of(question, answer), s.abuses.messages(abuse.id()));
        assertTrue(question.byModerator());
        assertEquals("mod", question.account().name());
        assertEquals(2, s.abuses.find(abuse.id()).orElseThrow().messageCount());
        assertThrows(InvalidInputException.class, () -> s.abuses.addMessage(abuse.id(), mod.accountId(), "", true));
        assertThrows(NotFoundException.class, () -> s.abuses.addMessage(999_999, mod.accountId(), "hi", true));
        assertFalse(s.abuses.deleteMessage(abuse.id() + 1, question.id()));
        assertTrue(s.abuses.deleteMessage(abuse.id(), question.id()));
        assertEquals(List.of(answer), s.abuses.messages(abuse.id()));

        assertTrue(s.abuses.delete(abuse.id()));
        assertFalse(s.abuses.delete(abuse.id()));
        assertTrue(s.abuses.find(abuse.id()).isEmpty());
        assertTrue(s.abuses.findMessage(abuse.id(), answer.id()).isEmpty());
    }

    @Test
    public void reportsOutliveTheVideoCommentAndAccountsTheyName() {
        User alice = user("alice");
        User bob = user("bob");
        Video video = video(bob, "Soon gone");
        Video other = video(bob, "Other");
        Comment comment = s.comments.create(other.id(), bob.accountId(), null, "rude words");
        Abuse onVideo = s.abuses.create(NewAbuse.ofVideo(alice.accountId(), "spam", SPAM, video.id(), 1, 2));
        Abuse onComment = s.abuses.create(NewAbuse.ofComment(alice.accountId(), "rude", SPAM, comment.id()));
        s.abuses.addMessage(onVideo.id(), alice.accountId(), "please look", false);

        assertTrue(s.videos.delete(video.id()));
        s.comments.delete(comment.id());
        Abuse videoGone = s.abuses.find(onVideo.id()).orElseThrow();
        assertTrue(videoGone.video().deleted());
        assertEquals(video.id(), videoGone.video().id());
        assertEquals("Soon gone", videoGone.video().name());
        assertEquals(video.uuid(), videoGone.video().uuid());
        assertEquals(List.of(onVideo.id()), ids(new AbuseQuery(null, null, null, null, true, null, null, null, null),
                "id"));
        Abuse commentGone = s.abuses.find(onComment.id()).orElseThrow();
        assertTrue(commentGone.comment().deleted());
        assertEquals("rude words", commentGone.comment().text());

        s.users.delete(bob.id());
        s.users.delete(alice.id());
        Abuse orphan = s.abuses.find(onComment.id()).orElseThrow();
        assertNull(orphan.reporter());
        assertNull(orphan.flaggedAccount());
        assertNull(orphan.comment().threadId());
        assertEquals(comment.id(), orphan.comment().id());
        assertEquals("rude words", orphan.comment().text());
        assertNull(s.abuses.messages(onVideo.id()).get(0).account());
        assertEquals(2, s.abuses.list(AbuseQuery.ALL, page("-id")).total());
        assertEquals(2, s.abuses.list(new AbuseQuery(null, null, null, null, null, "alice", "bob", null, null),
                page("-id")).total());
    }

    @Test
    public void schemaStepNineBringsTheIndexesToAnOlderDatabase() throws Exception {
        User alice = user("alice");
        Abuse abuse = s.abuses.create(NewAbuse.ofAccount(alice.accountId(), "kept", SPAM, user("bob").accountId()));
        sql("DROP INDEX idx_abuse_reporter", "DROP INDEX idx_abuse_message_abuse",
                "DELETE FROM schema_version WHERE version = 9");
        s.close();

        s = new Stores(sameDatabase());
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                for (IndexSpec index : AbuseSchema.INDEXES) {
                    assertTrue(index.name(), index.exists(c));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("kept", s.abuses.find(abuse.id()).orElseThrow().reason());
    }

    // ---- helpers

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, null));
    }

    private Video video(User owner, String name) {
        long channel = s.channels.channelsOf(owner.accountId()).get(0).id();
        return s.videos.create(NewVideo.published(channel, name));
    }

    private static AbuseQuery query(AbusePredefinedReason reason, String search, AbuseState state,
                                    String searchReporter, String searchReportee, AbuseKind kind) {
        return new AbuseQuery(null, reason, search, state, null, searchReporter, searchReportee, kind, null);
    }

    private static PageRequest page(String sort) {
        return PageRequest.of(0, 100, sort);
    }

    private List<Long> ids(AbuseQuery query, String sort) {
        return s.abuses.list(query, page(sort)).data().stream().map(Abuse::id).toList();
    }

    private void sql(String... statements) {
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class); Statement st = c.createStatement()) {
                for (String statement : statements) {
                    st.executeUpdate(statement);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
