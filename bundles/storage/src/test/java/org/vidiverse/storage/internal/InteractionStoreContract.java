package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.RatingStore.Rating;

/** Comment threads, ratings and views on a real database; subclasses give a fresh, empty one per test. */
public abstract class InteractionStoreContract {
    protected Stores s;
    protected RatingStoreImpl ratings;

    protected abstract DataSource createDatabase() throws Exception;

    protected abstract void dropDatabase() throws Exception;

    @Before
    public void open() throws Exception {
        s = new Stores(createDatabase());
        ratings = new RatingStoreImpl(s.jpa, s.schema);
    }

    @After
    public void close() throws Exception {
        if (s != null) {
            s.close();
        }
        dropDatabase();
    }

    // ---- comments

    @Test
    public void threadsCountTheirRepliesAndSortOnThem() {
        User owner = user("owner");
        User bob = user("bob");
        Video v = video(owner);
        Comment quiet = s.comments.create(v.id(), bob.accountId(), null, "no answers");
        Comment busy = s.comments.create(v.id(), bob.accountId(), null, "two answers");
        Comment r1 = s.comments.create(v.id(), owner.accountId(), busy.id(), "from the owner");
        s.comments.create(v.id(), bob.accountId(), r1.id(), "nested");
        Comment one = s.comments.create(v.id(), bob.accountId(), null, "one answer");
        s.comments.create(v.id(), bob.accountId(), one.id(), "reply");

        Page<Comment> newest = s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt"));
        assertEquals(3, newest.total());
        assertEquals(List.of(one.id(), busy.id(), quiet.id()), ids(newest));
        Comment busyListed = newest.data().get(1);
        assertEquals(2, busyListed.totalReplies());
        assertEquals(1, busyListed.totalRepliesFromVideoAuthor());

        assertEquals(List.of(busy.id(), one.id(), quiet.id()),
                ids(s.comments.threads(v.id(), PageRequest.of(0, 10, "-totalReplies"))));
        assertEquals(List.of(quiet.id(), one.id(), busy.id()),
                ids(s.comments.threads(v.id(), PageRequest.of(0, 10, "totalReplies"))));
        Page<Comment> second = s.comments.threads(v.id(), PageRequest.of(1, 1, "-totalReplies"));
        assertEquals(3, second.total());
        assertEquals(List.of(one.id()), ids(second));
        assertEquals(List.of(quiet.id()), ids(s.comments.threads(v.id(), PageRequest.of(0, 1, "createdAt"))));
        assertThrows(IllegalArgumentException.class,
                () -> s.comments.threads(v.id(), PageRequest.of(0, 1, "text")));
    }

    @Test
    public void aThreadComesWholeOldestFirstAndOnlyFromItsFirstComment() {
        User alice = user("alice");
        Video v = video(alice);
        Comment t = s.comments.create(v.id(), alice.accountId(), null, "thread");
        Comment r1 = s.comments.create(v.id(), alice.accountId(), t.id(), "r1");
        Comment r2 = s.comments.create(v.id(), alice.accountId(), r1.id(), "r2");
        Comment r3 = s.comments.create(v.id(), alice.accountId(), t.id(), "r3");
        s.comments.create(v.id(), alice.accountId(), null, "other thread");

        List<Comment> thread = s.comments.thread(t.id());
        assertEquals(List.of(t.id(), r1.id(), r2.id(), r3.id()), thread.stream().map(Comment::id).toList());
        assertEquals(t.id(), r2.threadIdOrSelf());
        assertEquals(t.id(), thread.get(0).threadIdOrSelf());
        assertTrue("a reply is not a thread", s.comments.thread(r1.id()).isEmpty());
        assertTrue(s.comments.thread(999_999).isEmpty());
        assertEquals(r2, s.comments.findById(r2.id()).orElseThrow());
        assertTrue(s.comments.findById(999_999).isEmpty());
    }

    @Test
    public void deletingLeavesATombstoneKeepsRepliesAndMovesTheCounter() {
        User alice = user("alice");
        Video v = video(alice);
        Comment t = s.comments.create(v.id(), alice.accountId(), null, "thread");
        Comment r1 = s.comments.create(v.id(), alice.accountId(), t.id(), "r1");
        Comment r2 = s.comments.create(v.id(), alice.accountId(), r1.id(), "r2");
        assertEquals(3, s.videos.findById(v.id()).orElseThrow().commentsCount());

        assertTrue(s.comments.delete(t.id()));
        assertFalse("deleting twice changes nothing", s.comments.delete(t.id()));
        assertThrows(NotFoundException.class, () -> s.comments.delete(999_999));

        Comment tombstone = s.comments.findById(t.id()).orElseThrow();
        assertTrue(tombstone.deleted());
        assertEquals("", tombstone.text());
        assertNotNull(tombstone.deletedAt());
        assertEquals(alice.accountId(), tombstone.account().id());
        assertEquals(List.of(t.id(), r1.id(), r2.id()),
                s.comments.thread(t.id()).stream().map(Comment::id).toList());
        Page<Comment> threads = s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt"));
        assertEquals(1, threads.total());
        assertEquals(2, threads.data().get(0).totalReplies());

        assertTrue(s.comments.delete(r2.id()));
        assertEquals(1, s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt")).data().get(0).totalReplies());
        assertEquals(1, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(1, s.comments.countNotDeleted(v.id()));
        assertEquals(3, s.comments.count());
        assertNull(s.comments.findById(r1.id()).orElseThrow().deletedAt());
    }

    @Test
    public void badCommentsWriteNothing() {
        User alice = user("alice");
        Video v = video(alice);
        assertThrows(IllegalArgumentException.class, () -> s.comments.create(v.id(), alice.accountId(), null, " "));
        assertThrows(IllegalArgumentException.class,
                () -> s.comments.create(v.id(), alice.accountId(), null, "x".repeat(10_001)));
        assertThrows(NotFoundException.class, () -> s.comments.create(v.id(), 999_999, null, "x"));
        assertThrows(NotFoundException.class, () -> s.comments.create(v.id(), alice.accountId(), 999_999L, "x"));
        assertEquals(0, s.comments.count());
        assertEquals(0, s.videos.findById(v.id()).orElseThrow().commentsCount());
        s.comments.create(v.id(), alice.accountId(), null, "x".repeat(10_000));
        assertEquals(1, s.videos.findById(v.id()).orElseThrow().commentsCount());
    }

    @Test
    public void concurrentCommentsKeepTheCounterExact() throws Exception {
        User alice = user("alice");
        Video v = video(alice);
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            accounts.add(user("c" + i).accountId());
        }
        runTogether(accounts, account -> {
            for (int i = 0; i < 3; i++) {
                s.comments.create(v.id(), account, null, "hello " + i);
            }
        });
        assertEquals(24, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(24, s.comments.countNotDeleted(v.id()));
    }

    // ---- ratings

    @Test
    public void ratingMovesTheCountersBothWays() {
        User alice = user("alice");
        User bob = user("bob");
        Video v = video(alice);
        assertEquals(Rating.NONE, ratings.ratingOf(v.id(), bob.accountId()));
        assertEquals(Rating.NONE, ratings.rate(v.id(), bob.accountId(), Rating.LIKE));
        assertCounters(v, 1, 0);
        assertEquals(Rating.LIKE, ratings.rate(v.id(), bob.accountId(), Rating.LIKE));
        assertCounters(v, 1, 0);
        assertEquals(Rating.LIKE, ratings.rate(v.id(), bob.accountId(), Rating.DISLIKE));
        assertCounters(v, 0, 1);
        assertEquals(Rating.DISLIKE, ratings.ratingOf(v.id(), bob.accountId()));
        ratings.rate(v.id(), alice.accountId(), Rating.DISLIKE);
        assertCounters(v, 0, 2);
        assertEquals(Rating.DISLIKE, ratings.rate(v.id(), bob.accountId(), Rating.NONE));
        assertCounters(v, 0, 1);
        assertEquals(Rating.NONE, ratings.ratingOf(v.id(), bob.accountId()));
        assertEquals(Rating.NONE, ratings.rate(v.id(), bob.accountId(), Rating.NONE));
        assertCounters(v, 0, 1);
        String url = s.jpa.txExpr(em -> em.createQuery("SELECT r.url FROM VideoRateEntity r", String.class)
                .getSingleResult());
        assertEquals(Stores.PUBLIC_URL + "/accounts/alice/dislikes/" + v.id(), url);
    }

    @Test
    public void ratingAnUnknownVideoOrAccountWritesNothing() {
        User alice = user("alice");
        Video v = video(alice);
        assertThrows(NotFoundException.class, () -> ratings.rate(999_999, alice.accountId(), Rating.LIKE));
        assertThrows(NotFoundException.class, () -> ratings.rate(v.id(), 999_999, Rating.LIKE));
        assertCounters(v, 0, 0);
        assertEquals(0L, (long) s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(r) FROM VideoRateEntity r",
                Long.class).getSingleResult()));
    }

    @Test
    public void concurrentRatingsFromManyAccountsKeepCountersExact() throws Exception {
        User owner = user("owner");
        Video v = video(owner);
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            accounts.add(user("rater" + i).accountId());
        }
        // each account flips its rating several times; the last word is like for even accounts, dislike for odd
        runTogether(accounts, account -> {
            boolean even = accounts.indexOf(account) % 2 == 0;
            for (Rating r : List.of(Rating.LIKE, Rating.DISLIKE, Rating.NONE, Rating.LIKE, Rating.DISLIKE)) {
                ratings.rate(v.id(), account, r);
            }
            ratings.rate(v.id(), account, even ? Rating.LIKE : Rating.DISLIKE);
        });
        assertCounters(v, 12, 12);
        long likeRows = s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(r) FROM VideoRateEntity r "
                + "WHERE r.type = 'like'", Long.class).getSingleResult());
        assertEquals(12, likeRows);
    }

    @Test
    public void theSameAccountRatingConcurrentlyLeavesOneRow() throws Exception {
        User owner = user("owner");
        Video v = video(owner);
        List<Long> sameAccount = java.util.Collections.nCopies(8, owner.accountId());
        runTogether(sameAccount, account -> ratings.rate(v.id(), account, Rating.LIKE));
        assertCounters(v, 1, 0);
        assertEquals(Rating.LIKE, ratings.ratingOf(v.id(), owner.accountId()));
    }

    // ---- views

    @Test
    public void viewsAddUpEvenConcurrently() throws Exception {
        Video v = video(user("alice"));
        ratings.addView(v.id());
        assertEquals(1, s.videos.findById(v.id()).orElseThrow().views());
        runTogether(java.util.Collections.nCopies(8, v.id()), id -> {
            for (int i = 0; i < 5; i++) {
                ratings.addView(id);
            }
        });
        assertEquals(41, s.videos.findById(v.id()).orElseThrow().views());
        assertThrows(NotFoundException.class, () -> ratings.addView(999_999));
    }

    // ---- helpers

    private void assertCounters(Video v, long likes, long dislikes) {
        Video now = s.videos.findById(v.id()).orElseThrow();
        assertEquals("likes", likes, now.likes());
        assertEquals("dislikes", dislikes, now.dislikes());
    }

    interface Work {
        void run(long id) throws Exception;
    }

    /** Runs one task per id on its own thread, all released at once; fails if any task failed. */
    private static void runTogether(List<Long> ids, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (long id : ids) {
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run(id);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, null));
    }

    private Video video(User owner) {
        return s.videos.create(NewVideo.published(s.channels.channelsOf(owner.accountId()).get(0).id(), "v"));
    }

    private static List<Long> ids(Page<Comment> page) {
        return page.data().stream().map(Comment::id).toList();
    }
}
