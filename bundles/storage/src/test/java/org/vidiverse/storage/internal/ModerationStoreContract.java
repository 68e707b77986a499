package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoBlacklist;
import org.vidiverse.api.moderation.ModerationLogEntry;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoSearchQuery;

/**
 * What moderation keeps in the database, on every database: the video block list and what listings and searches
 * hide (blocked videos, instance and viewer block lists), comments held for review, the moderation log.
 */
public abstract class ModerationStoreContract {
    private static final PageRequest PAGE = PageRequest.of(0, 50, "-publishedAt");
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
    public void blockedVideoLeavesPublicListingsAndSearchButNotItsOwnersUntilUnblocked() {
        Channel alice = channelOf(user("alice"));
        Video kept = video(alice, "Mountain lake");
        Video blocked = video(alice, "Mountain spam");
        VideoSearchImpl search = new VideoSearchImpl(s.jpa, s.identity, s.schema, s.changes, s.videoCache);
        assertEquals(2, searched(search, "mountain").size());   // fills the caches the block must empty

        VideoBlacklist entry = s.blacklist.block(blocked.id(), "spam", VideoBlacklist.Type.MANUAL, true);

        assertEquals("spam", entry.reason());
        assertTrue(entry.video().blacklisted());
        assertTrue(entry.unfederated());
        assertTrue(s.videos.findById(blocked.id()).orElseThrow().blacklisted());
        assertEquals(List.of(kept.id()), ids(s.videos.list(VideoQuery.publicListing(), PAGE).data()));
        assertEquals(List.of(kept.id()), searched(search, "mountain"));
        VideoQuery owners = VideoQuery.publicListing().moderatedFor(null).withChannel(alice.id());
        assertEquals(2, s.videos.list(owners, PAGE).total());
        assertThrows(DuplicateException.class,
                () -> s.blacklist.block(blocked.id(), "again", VideoBlacklist.Type.MANUAL, false));

        assertEquals("Mountain spam", s.blacklist.list(VideoBlacklist.Type.MANUAL, "SPAM", PageRequest.of(0, 10, "-createdAt"))
                .data().get(0).video().name());
        assertEquals(0, s.blacklist.list(VideoBlacklist.Type.AUTO_BEFORE_PUBLISHED, null,
                PageRequest.of(0, 10, "-createdAt")).total());
        assertEquals("reviewed", s.blacklist.updateReason(blocked.id(), "reviewed").reason());

        assertTrue(s.blacklist.unblock(blocked.id()).isPresent());
        assertFalse(s.blacklist.unblock(blocked.id()).isPresent());
        assertFalse(s.videos.findById(blocked.id()).orElseThrow().blacklisted());
        assertEquals(2, s.videos.list(VideoQuery.publicListing(), PAGE).total());
        assertEquals(2, searched(search, "mountain").size());
        assertThrows(NotFoundException.class, () -> s.blacklist.block(999_999, null, VideoBlacklist.Type.MANUAL, false));
        assertThrows(NotFoundException.class, () -> s.blacklist.updateReason(kept.id(), "not blocked"));
    }

    @Test
    public void instanceBlocksHideAccountsAndServersFromEveryoneAndViewerBlocksFromTheViewerOnly() {
        Channel alice = channelOf(user("alice"));
        User viewer = user("viewer");
        Video local = video(alice, "Local");
        s.actors.saveRemote(FederationStoreContract.person("bob"));
        Actor bobChannel = s.actors.saveRemote(FederationStoreContract.group("bob_channel", "bob"));
        Video remote = s.videos.saveRemote(FederationStoreContract.remoteVideo(UUID.randomUUID(), bobChannel.id(),
                "Remote"));
        long bobAccount = s.channels.findChannel(bobChannel.id()).orElseThrow().owner().id();
        assertEquals(2, s.videos.list(VideoQuery.publicListing(), PAGE).total());

        s.blocks.block(s.actors.instanceActor().id(), bobAccount);
        assertEquals(List.of(local.id()), ids(s.videos.list(VideoQuery.publicListing(), PAGE).data()));
        s.blocks.unblock(s.actors.instanceActor().id(), bobAccount);

        s.instances.setBlocked(FederationStoreContract.ORIGIN, true);
        assertEquals(List.of(local.id()), ids(s.videos.list(VideoQuery.publicListing(), PAGE).data()));
        s.instances.setBlocked(FederationStoreContract.ORIGIN, false);

        VideoQuery forViewer = VideoQuery.publicListing().moderatedFor(viewer.accountId());
        s.serverBlocks.block(viewer.accountId(), FederationStoreContract.ORIGIN.toUpperCase());
        assertEquals(List.of(local.id()), ids(s.videos.list(forViewer, PAGE).data()));
        assertEquals(2, s.videos.list(VideoQuery.publicListing(), PAGE).total());
        assertThrows(DuplicateException.class, () -> s.serverBlocks.block(viewer.accountId(),
                FederationStoreContract.ORIGIN));
        assertEquals(FederationStoreContract.ORIGIN, s.serverBlocks.blockedBy(viewer.accountId(),
                PageRequest.of(0, 10, "-createdAt")).data().get(0).host());
        assertTrue(s.serverBlocks.unblock(viewer.accountId(), FederationStoreContract.ORIGIN));
        assertThrows(IllegalArgumentException.class, () -> s.serverBlocks.block(viewer.accountId(), "not a host/"));

        s.blocks.block(viewer.accountId(), alice.owner().id());
        assertEquals(List.of(remote.id()), ids(s.videos.list(forViewer, PAGE).data()));
        assertEquals(2, s.videos.list(VideoQuery.publicListing(), PAGE).total());
    }

    @Test
    public void heldCommentIsSeenByItsAuthorAndModeratorsOnlyAndCountsOnceApproved() {
        Channel alice = channelOf(user("alice"));
        User writer = user("writer");
        Video v = video(alice, "Talk");
        Comment shown = s.comments.create(v.id(), alice.owner().id(), null, "first");
        Comment held = s.comments.create(v.id(), writer.accountId(), null, "buy now", true);

        assertTrue(held.heldForReview());
        assertEquals(1, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(1, s.comments.countNotDeleted(v.id()));
        assertEquals(List.of(shown.id()), commentIds(s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt")).data()));
        assertEquals(2, s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt"), writer.accountId()).total());
        assertEquals(2, s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt"), null).total());
        assertEquals(List.of(), s.comments.thread(held.id()));
        assertEquals(1, s.comments.thread(held.id(), writer.accountId()).size());
        assertEquals(List.of(held.id()), commentIds(s.comments.heldForReview(alice.owner().id(),
                PageRequest.of(0, 10, "-createdAt")).data()));
        assertEquals(0, s.comments.heldForReview(writer.accountId(), PageRequest.of(0, 10, "-createdAt")).total());

        assertTrue(s.comments.approve(held.id()));
        assertFalse(s.comments.approve(held.id()));
        assertEquals(2, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(2, s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt"), CommentStore.NO_HELD).total());

        Comment heldThenDeleted = s.comments.create(v.id(), writer.accountId(), shown.id(), "later", true);
        assertTrue(s.comments.delete(heldThenDeleted.id()));
        assertEquals(2, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertThrows(NotFoundException.class, () -> s.comments.approve(999_999));
    }

    @Test
    public void moderationLogKeepsVerdictsNewestFirstAndFilters() {
        s.moderationLog.append(new ModerationLogEntry(0, null, SubjectKind.LOCAL_UPLOAD, "alice@video.example.org",
                "video.example.org", "Cats", Verdict.Decision.ACCEPT, null, null, List.of()));
        s.moderationLog.append(new ModerationLogEntry(0, null, SubjectKind.REMOTE_COMMENT, "bob@x.example",
                "x.example", "x".repeat(400), Verdict.Decision.HOLD, "watched words", "contains casino",
                List.of("spam", "casino")));

        var all = s.moderationLog.list(null, null, PageRequest.of(0, 10, "-createdAt"));
        assertEquals(2, all.total());
        ModerationLogEntry newest = all.data().get(0);
        assertEquals(Verdict.Decision.HOLD, newest.decision());
        assertEquals(List.of("spam", "casino"), newest.tags());
        assertEquals(255, newest.subject().length());
        assertEquals(1, s.moderationLog.list(SubjectKind.LOCAL_UPLOAD, null, PageRequest.of(0, 10, "-createdAt")).total());
        assertEquals(0, s.moderationLog.list(SubjectKind.LOCAL_UPLOAD, Verdict.Decision.HOLD,
                PageRequest.of(0, 10, "-createdAt")).total());
    }

    @Test
    public void stepEightCountsCommentsStoredBeforeItAsNotHeld() {
        Channel alice = channelOf(user("alice"));
        Video v = video(alice, "Old talk");
        Comment old = s.comments.create(v.id(), alice.owner().id(), null, "from before the column");
        s.jpa.tx(em -> em.createNativeQuery("UPDATE video_comment SET held_for_review = NULL").executeUpdate());
        s.jpa.tx(em -> em.createNativeQuery("DELETE FROM schema_version WHERE version >= 8").executeUpdate());

        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());

        assertEquals(List.of(old.id()), commentIds(s.comments.threads(v.id(), PageRequest.of(0, 10, "-createdAt"))
                .data()));
        assertEquals(1, s.comments.countNotDeleted(v.id()));
    }

    private List<Long> searched(VideoSearchImpl search, String words) {
        return ids(search.videos(VideoSearchQuery.words(words), PageRequest.of(0, 10, "-match")).data());
    }

    private static List<Long> ids(List<Video> videos) {
        return videos.stream().map(Video::id).toList();
    }

    private static List<Long> commentIds(List<Comment> comments) {
        return comments.stream().map(Comment::id).toList();
    }

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, null));
    }

    private Channel channelOf(User user) {
        return s.channels.channelsOf(user.accountId()).get(0);
    }

    private Video video(Channel channel, String name) {
        return s.videos.create(NewVideo.published(channel.id(), name));
    }
}
