package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.AccountBlock;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ModerationFeed;
import org.vidiverse.api.model.ModerationFeed.Trust;
import org.vidiverse.api.model.ModerationFeedEntry;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedEntry.State;
import org.vidiverse.api.model.ModerationFeedItem;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.ModerationFeedStore.SyncResult;

/**
 * Moderation feed subscriptions on every database: syncs under both trusts, moderators' overrides, feeds that drop
 * entries, several feeds listing one target, unsubscribing, claims of due syncs and replays. Subclasses provide a
 * fresh, empty database per test.
 */
public abstract class ModerationFeedStoreContract {
    private static final String SPAM = "spam.example";
    private static final String OTHER = "other.example";
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");

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
    public void applyTrustBlocksListedServersAndAccountsWithTheFeedAsSource() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feeds/moderation.json", "A.example", Trust.APPLY);
        Actor troll = s.actors.saveRemote(FederationStoreContract.person("troll"));

        long generation = s.changes.generation();

        SyncResult result = s.feeds.applySync(feed.id(), T1, List.of(server(SPAM, "spam wave"),
                account(troll, "harassment")), null);

        assertEquals(new SyncResult(2, 0, 0, 0), result);
        assertTrue("cached listings are stale", s.changes.generation() > generation);
        RemoteInstance spam = s.instances.find(SPAM).orElseThrow();
        assertTrue(spam.blocked());
        assertEquals("spam wave", spam.blockReason());
        assertEquals(Long.valueOf(feed.id()), spam.blockFeedId());
        AccountBlock block = s.blocks.blockedBy(instanceId(), page()).data().get(0);
        assertEquals(troll.id(), block.blockedAccount().id());
        assertEquals("harassment", block.reason());
        assertEquals(Long.valueOf(feed.id()), block.feedId());
        ModerationFeed synced = s.feeds.find(feed.id()).orElseThrow();
        assertEquals("a.example", synced.host());
        assertEquals(T1, synced.publishedAt());
        assertNull(synced.lastError());
    }

    @Test
    public void proposeTrustWaitsForAModeratorAndARejectionIsNotProposedAgain() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.PROPOSE);
        s.feeds.applySync(feed.id(), T1, List.of(server(SPAM, "spam"), server(OTHER, null)), null);

        assertFalse(blocked(SPAM));
        List<ModerationFeedEntry> proposals = s.feeds.entries(null, State.PROPOSED, page()).data();
        assertEquals(2, proposals.size());
        ModerationFeedEntry spam = entry(feed.id(), SPAM);
        assertEquals(State.APPLIED, s.feeds.accept(spam.id()).state());
        assertTrue(blocked(SPAM));
        assertEquals(State.OVERRIDDEN, s.feeds.reject(entry(feed.id(), OTHER).id()).state());

        s.feeds.applySync(feed.id(), T2, List.of(server(SPAM, "spam"), server(OTHER, null)), null);

        assertEquals(0, s.feeds.entries(feed.id(), State.PROPOSED, page()).total());
        assertFalse(blocked(OTHER));
        assertTrue(blocked(SPAM));
    }

    @Test
    public void aModeratorsUnblockOfAFeedBlockSurvivesSyncsUntilReEnabled() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        s.feeds.applySync(feed.id(), T1, List.of(server(SPAM, "spam")), null);

        s.instances.setBlocked(SPAM, false);
        s.feeds.applySync(feed.id(), T2, List.of(server(SPAM, "spam")), null);

        assertFalse(blocked(SPAM));
        ModerationFeedEntry entry = entry(feed.id(), SPAM);
        assertEquals(State.OVERRIDDEN, entry.state());
        s.feeds.accept(entry.id());
        assertTrue(blocked(SPAM));
        assertEquals(Long.valueOf(feed.id()), s.instances.find(SPAM).orElseThrow().blockFeedId());
    }

    @Test
    public void aModeratorsUnblockOfAFeedAccountBlockIsAnOverride() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        Actor troll = s.actors.saveRemote(FederationStoreContract.person("troll"));
        s.feeds.applySync(feed.id(), T1, List.of(account(troll, null)), null);

        assertTrue(s.blocks.unblock(instanceId(), troll.id()));
        s.feeds.applySync(feed.id(), T2, List.of(account(troll, null)), null);

        assertFalse(s.blocks.isBlocked(instanceId(), troll.id()));
        assertEquals(State.OVERRIDDEN, entry(feed.id(), handle(troll)).state());
    }

    @Test
    public void entriesDroppedByTheFeedAreUnblockedOnlyWhenTheFeedMadeTheBlock() {
        s.instances.block(OTHER, "ours");
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        s.feeds.applySync(feed.id(), T1, List.of(server(SPAM, null), server(OTHER, null)), null);

        SyncResult result = s.feeds.applySync(feed.id(), T2, List.of(), null);

        assertEquals(2, result.removed());
        assertFalse(blocked(SPAM));
        assertTrue("a local block stays", blocked(OTHER));
        assertEquals("ours", s.instances.find(OTHER).orElseThrow().blockReason());
        assertNull(s.instances.find(OTHER).orElseThrow().blockFeedId());
    }

    @Test
    public void aBlockListedByTwoFeedsPassesToTheOtherWhenItsSourceDropsIt() {
        ModerationFeed a = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        ModerationFeed b = s.feeds.subscribe("https://b.example/feed", "b.example", Trust.APPLY);
        s.feeds.applySync(a.id(), T1, List.of(server(SPAM, "from a")), null);
        s.feeds.applySync(b.id(), T1, List.of(server(SPAM, "from b")), null);

        s.feeds.applySync(a.id(), T2, List.of(), null);

        RemoteInstance spam = s.instances.find(SPAM).orElseThrow();
        assertTrue(spam.blocked());
        assertEquals(Long.valueOf(b.id()), spam.blockFeedId());
        assertEquals("from b", spam.blockReason());
    }

    @Test
    public void unsubscribingRemovesTheFeedsBlocksButNotOverriddenOrLocalOnes() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        Actor troll = s.actors.saveRemote(FederationStoreContract.person("troll"));
        s.instances.block(OTHER, null);
        s.feeds.applySync(feed.id(), T1, List.of(server(SPAM, null), server(OTHER, null), account(troll, null)),
                null);

        assertTrue(s.feeds.unsubscribe(feed.id()));

        assertFalse(blocked(SPAM));
        assertTrue(blocked(OTHER));
        assertFalse(s.blocks.isBlocked(instanceId(), troll.id()));
        assertEquals(0, s.feeds.entries(null, null, page()).total());
        assertTrue(s.feeds.list().isEmpty());
        assertFalse(s.feeds.unsubscribe(feed.id()));
    }

    @Test
    public void unknownAccountsWaitAsPendingAndTheOwnHostIsNeverBlocked() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        ModerationFeedItem unknown = new ModerationFeedItem(Kind.ACCOUNT, "ghost@far.example",
                "https://far.example/accounts/ghost", null, null);

        SyncResult result = s.feeds.applySync(feed.id(), T1, List.of(unknown, server("video.example.org", null),
                new ModerationFeedItem(Kind.ACCOUNT, "root@video.example.org", null, null, null)), null);

        assertEquals(new SyncResult(0, 0, 0, 1), result);
        assertFalse(blocked("video.example.org"));
        ModerationFeedEntry pending = entry(feed.id(), "ghost@far.example");
        assertEquals(State.PENDING, pending.state());
        assertThrows(IllegalStateException.class, () -> s.feeds.accept(pending.id()));
        assertEquals(1, s.feeds.entries(feed.id(), null, page()).total());
    }

    @Test
    public void anOlderFeedThanTheOneAppliedIsRefusedAndChangesNothing() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        s.feeds.applySync(feed.id(), T2, List.of(server(SPAM, null)), null);

        assertThrows(IllegalArgumentException.class, () -> s.feeds.applySync(feed.id(), T1, List.of(), null));

        assertTrue(blocked(SPAM));
        s.feeds.recordFailure(feed.id(), "replayed");
        assertEquals("replayed", s.feeds.find(feed.id()).orElseThrow().lastError());
        s.feeds.applySync(feed.id(), T3, List.of(server(SPAM, null)), "1 entry ignored");
        assertEquals("1 entry ignored", s.feeds.find(feed.id()).orElseThrow().lastError());
    }

    @Test
    public void switchingToApplyTrustAppliesTheProposalsAtTheNextSync() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.PROPOSE);
        s.feeds.applySync(feed.id(), T1, List.of(server(SPAM, null)), null);
        assertEquals(Trust.APPLY, s.feeds.setTrust(feed.id(), Trust.APPLY).trust());

        s.feeds.applySync(feed.id(), T2, List.of(server(SPAM, null)), null);

        assertTrue(blocked(SPAM));
    }

    @Test
    public void aDueFeedIsClaimedOncePerInterval() {
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        Instant now = Instant.now();

        Optional<ModerationFeed> first = s.feeds.claimDue(now, Duration.ofMinutes(60));
        Optional<ModerationFeed> second = s.feeds.claimDue(now.plusSeconds(60), Duration.ofMinutes(60));
        Optional<ModerationFeed> later = s.feeds.claimDue(now.plusSeconds(3600), Duration.ofMinutes(60));

        assertEquals(feed.id(), first.orElseThrow().id());
        assertTrue(second.isEmpty());
        assertTrue(later.isPresent());
    }

    @Test
    public void aFeedUrlIsSubscribedOnce() {
        s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        assertThrows(DuplicateException.class, () -> s.feeds.subscribe("https://a.example/feed", "a.example",
                Trust.PROPOSE));
    }

    @Test
    public void localBlocksKeepTheirReason() {
        s.instances.block(SPAM, "spam wave");
        Actor troll = s.actors.saveRemote(FederationStoreContract.person("troll"));
        s.blocks.block(instanceId(), troll.id(), "harassment");

        assertEquals("spam wave", s.instances.find(SPAM).orElseThrow().blockReason());
        assertNull(s.instances.find(SPAM).orElseThrow().blockFeedId());
        assertEquals("harassment", s.blocks.blockedBy(instanceId(), page()).data().get(0).reason());
        assertThrows(DuplicateException.class, () -> s.instances.block(SPAM, null));
        s.instances.setBlocked(SPAM, false);
        assertNull(s.instances.find(SPAM).orElseThrow().blockReason());
    }

    @Test
    public void stepTenBringsFeedsToADatabaseWithoutThemAndKeepsItsBlocks() {
        s.instances.setBlocked(SPAM, true);
        Actor troll = s.actors.saveRemote(FederationStoreContract.person("troll"));
        s.blocks.block(instanceId(), troll.id());
        List<String> drops = new java.util.ArrayList<>(List.of("DROP TABLE moderation_feed_entry",
                "DROP TABLE moderation_feed"));
        for (FederationSchema.Column column : ModerationFeedSchema.COLUMNS) {
            drops.add("ALTER TABLE " + column.table() + " DROP COLUMN " + column.name());
        }
        drops.add("DELETE FROM schema_version WHERE version >= 10");
        sql(drops.toArray(String[]::new));

        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());

        s.jpa.tx(em -> {
            try (java.sql.Connection c = em.unwrap(java.sql.Connection.class)) {
                for (FederationSchema.Column column : ModerationFeedSchema.COLUMNS) {
                    assertTrue(column.name(), FederationSchema.columnExists(c, column.table(), column.name()));
                }
                assertTrue(FederationSchema.uniqueExists(c, "moderation_feed_entry", ModerationFeedSchema.ENTRY_KEY));
                assertTrue(ModerationFeedSchema.TARGET_INDEX.exists(c));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(blocked(SPAM));
        assertTrue(s.blocks.isBlocked(instanceId(), troll.id()));
        ModerationFeed feed = s.feeds.subscribe("https://a.example/feed", "a.example", Trust.APPLY);
        s.feeds.applySync(feed.id(), T1, List.of(server(OTHER, "works")), null);
        assertEquals("works", s.instances.find(OTHER).orElseThrow().blockReason());
    }

    private void sql(String... statements) {
        s.jpa.tx(em -> {
            try (java.sql.Connection c = em.unwrap(java.sql.Connection.class);
                 java.sql.Statement st = c.createStatement()) {
                for (String statement : statements) {
                    st.executeUpdate(statement);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private boolean blocked(String host) {
        return s.instances.find(host).map(RemoteInstance::blocked).orElse(false);
    }

    private long instanceId() {
        return s.actors.instanceActor().id();
    }

    private ModerationFeedEntry entry(long feedId, String target) {
        return s.feeds.entries(feedId, null, page()).data().stream().filter(e -> e.target().equals(target))
                .findFirst().orElseThrow();
    }

    private static PageRequest page() {
        return new PageRequest(0, 100, "createdAt", true);
    }

    private static ModerationFeedItem server(String host, String reason) {
        return new ModerationFeedItem(Kind.SERVER, host, null, reason, null);
    }

    private static ModerationFeedItem account(Actor actor, String reason) {
        return new ModerationFeedItem(Kind.ACCOUNT, handle(actor), actor.url(), reason, actor.id());
    }

    private static String handle(Actor actor) {
        return actor.handle();
    }
}
