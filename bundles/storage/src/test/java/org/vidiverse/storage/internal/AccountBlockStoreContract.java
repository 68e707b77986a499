package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountBlockEntity;

/**
 * Account block lists on every database: blocking and unblocking local and remote accounts, the block list of an
 * account, blocks racing each other, user deletion and the schema step that brings the table to an existing
 * database. Subclasses provide a fresh, empty database per test, and the same one again for a restart.
 */
public abstract class AccountBlockStoreContract {
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

    // ---- blocking

    @Test
    public void blockedAccountIsBlockedOneWayUntilUnblocked() {
        long alice = user("alice").accountId();
        Actor bob = remote("bob");

        AccountBlock block = s.blocks.block(alice, bob.id());

        assertEquals(alice, block.byAccount().id());
        assertEquals("alice", block.byAccount().name());
        assertEquals("Alice A.", block.byAccount().displayName());
        assertEquals("video.example.org", block.byAccount().host());
        assertEquals(bob.id(), block.blockedAccount().id());
        assertEquals("bob@" + FederationStoreContract.ORIGIN, block.blockedAccount().handle());
        assertTrue(block.createdAt().isAfter(Instant.now().minusSeconds(60)));
        assertTrue(s.blocks.isBlocked(alice, bob.id()));
        assertFalse("a block goes one way", s.blocks.isBlocked(bob.id(), alice));

        assertTrue(s.blocks.unblock(alice, bob.id()));
        assertFalse(s.blocks.isBlocked(alice, bob.id()));
        assertFalse("nothing left to unblock", s.blocks.unblock(alice, bob.id()));
        assertEquals(0, s.blocks.blockedBy(alice, PageRequest.of(0, 10, "-createdAt")).total());

        assertTrue(s.blocks.block(alice, bob.id()).id() > block.id());
        assertTrue("blocked again after an unblock", s.blocks.isBlocked(alice, bob.id()));
    }

    @Test
    public void blockingAnAccountTwiceIsADuplicateAndKeepsOneBlock() {
        long alice = user("alice").accountId();
        long bob = user("bob").accountId();
        AccountBlock first = s.blocks.block(alice, bob);

        assertThrows(DuplicateException.class, () -> s.blocks.block(alice, bob));

        Page<AccountBlock> list = s.blocks.blockedBy(alice, PageRequest.of(0, 10, "-createdAt"));
        assertEquals(1, list.total());
        assertEquals(List.of(first), list.data());
        s.blocks.block(bob, alice);   // the other way round is another block
        assertTrue(s.blocks.isBlocked(bob, alice));
    }

    @Test
    public void anAccountCannotBlockItself() {
        long alice = user("alice").accountId();
        assertThrows(IllegalArgumentException.class, () -> s.blocks.block(alice, alice));
        assertFalse(s.blocks.isBlocked(alice, alice));
        assertEquals(0, blockRows());
    }

    @Test
    public void unknownAccountsAreNotFoundAndBlockNothing() {
        User alice = user("alice");
        long account = alice.accountId();
        long channel = s.channels.channelsOf(account).get(0).id();

        assertThrows(NotFoundException.class, () -> s.blocks.block(account, 999_999));
        assertThrows(NotFoundException.class, () -> s.blocks.block(999_999, account));
        assertThrows("a channel is not an account", NotFoundException.class, () -> s.blocks.block(account, channel));
        assertThrows(NotFoundException.class, () -> s.blocks.block(channel, account));
        assertEquals(0, blockRows());

        assertFalse(s.blocks.isBlocked(account, 999_999));
        assertFalse(s.blocks.unblock(999_999, account));
        Page<AccountBlock> none = s.blocks.blockedBy(999_999, PageRequest.of(0, 10, "-createdAt"));
        assertEquals(0, none.total());
        assertTrue(none.data().isEmpty());
    }

    @Test
    public void blockListIsPagedNewestFirstWithItsTotal() {
        long instance = s.actors.instanceActor().id();   // the instance's list is its application account's
        long alice = user("alice").accountId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(s.blocks.block(instance, remote("spammer" + i).id()).id());
        }
        s.blocks.block(alice, remote("other").id());
        s.jpa.tx(em -> {   // distinct times, and not in id order: the list follows the time
            int[] days = {3, 1, 5, 2, 4};
            for (int i = 0; i < 5; i++) {
                em.find(AccountBlockEntity.class, ids.get(i))
                        .setCreatedAt(Date.from(Instant.parse("2026-01-0" + days[i] + "T00:00:00Z")));
            }
        });

        Page<AccountBlock> first = s.blocks.blockedBy(instance, PageRequest.of(0, 2, "-createdAt"));
        assertEquals(5, first.total());
        assertEquals(List.of(ids.get(2), ids.get(4)), blockIds(first));
        assertEquals("spammer2", first.data().get(0).blockedAccount().name());
        assertEquals(List.of(ids.get(0), ids.get(3)),
                blockIds(s.blocks.blockedBy(instance, PageRequest.of(2, 2, "-createdAt"))));
        Page<AccountBlock> last = s.blocks.blockedBy(instance, PageRequest.of(4, 2, "-createdAt"));
        assertEquals(5, last.total());
        assertEquals(List.of(ids.get(1)), blockIds(last));
        Page<AccountBlock> countOnly = s.blocks.blockedBy(instance, PageRequest.of(0, 0, "-createdAt"));
        assertEquals(5, countOnly.total());
        assertTrue(countOnly.data().isEmpty());
        assertEquals(1, s.blocks.blockedBy(alice, PageRequest.of(0, 10, "-createdAt")).total());
    }

    @Test
    public void concurrentBlocksOfOneAccountLeaveOneBlockAndTheRestAreDuplicates() throws Exception {
        long alice = user("alice").accountId();
        long bob = remote("bob").id();

        List<Object> outcomes = concurrently(8, i -> s.blocks.block(alice, bob));

        assertEquals(1, outcomes.stream().filter(AccountBlock.class::isInstance).count());
        assertEquals(7, outcomes.stream().filter(DuplicateException.class::isInstance).count());
        assertEquals(1, blockRows());
        assertTrue(s.blocks.isBlocked(alice, bob));
    }

    @Test
    public void accountsBlockingEachOtherAtOnceBothGetTheirBlock() throws Exception {
        long alice = user("alice").accountId();
        long bob = user("bob").accountId();

        List<Object> outcomes = concurrently(8, i -> i % 2 == 0 ? s.blocks.block(alice, bob)
                : s.blocks.block(bob, alice));

        assertEquals(2, outcomes.stream().filter(AccountBlock.class::isInstance).count());
        assertEquals(6, outcomes.stream().filter(DuplicateException.class::isInstance).count());
        assertTrue(s.blocks.isBlocked(alice, bob));
        assertTrue(s.blocks.isBlocked(bob, alice));
    }

    @Test
    public void concurrentUnblocksRemoveTheBlockOnce() throws Exception {
        long alice = user("alice").accountId();
        long bob = user("bob").accountId();
        s.blocks.block(alice, bob);

        List<Object> outcomes = concurrently(8, i -> s.blocks.unblock(alice, bob));

        assertEquals(1, outcomes.stream().filter(Boolean.TRUE::equals).count());
        assertEquals(7, outcomes.stream().filter(Boolean.FALSE::equals).count());
        assertEquals(0, blockRows());
    }

    // ---- deletion

    @Test
    public void deletingAUserRemovesTheBlocksNamingItsAccountOnBothSides() {
        User gone = user("gone");
        long alice = user("alice").accountId();
        long bob = user("bob").accountId();
        long remote = remote("carol").id();
        s.blocks.block(gone.accountId(), alice);
        s.blocks.block(gone.accountId(), remote);
        s.blocks.block(alice, gone.accountId());
        s.blocks.block(remote, gone.accountId());
        AccountBlock stays = s.blocks.block(alice, bob);

        s.users.delete(gone.id());

        assertEquals(1, blockRows());
        assertEquals(List.of(stays), s.blocks.blockedBy(alice, PageRequest.of(0, 10, "-createdAt")).data());
        assertEquals(0, s.blocks.blockedBy(remote, PageRequest.of(0, 10, "-createdAt")).total());
        assertFalse(s.blocks.isBlocked(alice, gone.accountId()));
        assertThrows(NotFoundException.class, () -> s.blocks.block(alice, gone.accountId()));
        assertEquals(0, query("SELECT COUNT(*) FROM account_block b WHERE NOT EXISTS "
                + "(SELECT a.id FROM account a WHERE a.id = b.by_account_id) OR NOT EXISTS "
                + "(SELECT a.id FROM account a WHERE a.id = b.target_account_id)"));
    }

    // ---- schema

    @Test
    public void stepSevenAddsTheBlockTableToADatabaseAtVersionSixAndKeepsItsRows() {
        Fixture before = fixture();
        toVersionSix();
        assertEquals(6, s.schema.version());

        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());

        assertBlockSchema();
        assertKept(before);
        assertBlocksWork(before);
    }

    @Test
    public void aDatabaseAtVersionSixIsUpgradedOnRestart() throws Exception {
        Fixture before = fixture();
        toVersionSix();
        s.close();
        s = null;

        s = new Stores(sameDatabase());   // the provider may create the table; step 7 makes sure of the rest

        assertEquals(SchemaMigrator.latestVersion(), s.schema.version());
        assertBlockSchema();
        assertKept(before);
        assertBlocksWork(before);
    }

    @Test
    public void theUniquePairRefusesADuplicateBlockWrittenBehindTheStore() {
        long alice = user("alice").accountId();
        long bob = user("bob").accountId();
        s.blocks.block(alice, bob);
        String insert = "INSERT INTO account_block (by_account_id, target_account_id, created_at) VALUES ("
                + alice + ", " + bob + ", CURRENT_TIMESTAMP)";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sql(insert));
        assertTrue(e.getMessage(), Sql.isUniqueViolation(e));
    }

    // ---- helpers

    /** Rows of a database at schema version 6: a user, a remote account, a video, a follow. */
    private record Fixture(User alice, Actor bob, long videoId) {
    }

    private Fixture fixture() {
        User alice = user("alice");
        Actor bob = remote("bob");
        long channel = s.channels.channelsOf(alice.accountId()).get(0).id();
        long video = s.videos.create(NewVideo.published(channel, "kept")).id();
        s.follows.create(bob.id(), channel, FollowState.ACCEPTED);
        return new Fixture(alice, bob, video);
    }

    private void toVersionSix() {
        sql("DROP TABLE account_block", "DELETE FROM schema_version WHERE version >= 7");
    }

    private void assertBlockSchema() {
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                assertTrue(FederationSchema.tableExists(c, "account_block"));
                for (String column : List.of("id", "by_account_id", "target_account_id", "created_at")) {
                    assertTrue(column, FederationSchema.columnExists(c, "account_block", column));
                }
                assertTrue(FederationSchema.uniqueExists(c, "account_block", "by_account_id", "target_account_id"));
                assertTrue(AccountBlockSchema.TARGET_INDEX.exists(c));
                for (String column : AccountBlockSchema.PAIR) {
                    assertTrue(column, AccountBlockSchema.referencesAccount(c, column));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void assertKept(Fixture before) {
        assertEquals(before.alice(), s.users.findById(before.alice().id()).orElseThrow());
        assertEquals("kept", s.videos.findById(before.videoId()).orElseThrow().name());
        long channel = s.channels.channelsOf(before.alice().accountId()).get(0).id();
        assertTrue(s.follows.find(before.bob().id(), channel).isPresent());
        assertEquals(1, s.channels.findChannel(channel).orElseThrow().followersCount());
    }

    private void assertBlocksWork(Fixture before) {
        long alice = before.alice().accountId();
        AccountBlock block = s.blocks.block(alice, before.bob().id());
        assertTrue(block.id() > 0);
        assertTrue(s.blocks.isBlocked(alice, before.bob().id()));
        assertThrows(DuplicateException.class, () -> s.blocks.block(alice, before.bob().id()));
        s.users.delete(before.alice().id());
        assertEquals(0, blockRows());
    }

    /**
     * Runs {@code task} on {@code threads} threads released together; returns what each returned or the api
     * exception it threw. Any other failure fails the test.
     */
    private static List<Object> concurrently(int threads, IntFunction<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.apply(index);
                    } catch (DuplicateException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1,
                name.equals("alice") ? "Alice A." : null));
    }

    private Actor remote(String name) {
        return s.actors.saveRemote(FederationStoreContract.person(name));
    }

    private static List<Long> blockIds(Page<AccountBlock> page) {
        return page.data().stream().map(AccountBlock::id).toList();
    }

    private long blockRows() {
        return query("SELECT COUNT(*) FROM account_block");
    }

    private long query(String sql) {
        return s.jpa.txExpr(em -> {
            try (Connection c = em.unwrap(Connection.class); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
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
