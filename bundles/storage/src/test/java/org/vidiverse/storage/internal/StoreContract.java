package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.NewVideoFile;
import org.vidiverse.api.model.QuotaExceededException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserUpdate;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.JobQuery;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.storage.internal.entity.ActorEntity;
import org.vidiverse.storage.internal.entity.StreamingPlaylistEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;
import org.vidiverse.storage.internal.entity.VideoFileEntity;

/** The behaviour every database must show; subclasses provide a fresh, empty database per test. */
public abstract class StoreContract {
    protected Stores s;

    /** A fresh, empty database for one test. */
    protected abstract DataSource createDatabase() throws Exception;

    /** The same database again, as after a restart. */
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

    // ---- users, accounts, channels

    @Test
    public void creatingAUserCreatesItsAccountAndDefaultChannel() {
        User alice = user("alice");
        assertEquals("alice", alice.username());
        assertEquals(UserRole.USER, alice.role());
        assertEquals("do_not_list", alice.nsfwPolicy());

        Account account = s.channels.findAccount(alice.accountId()).orElseThrow();
        assertEquals("alice", account.name());
        assertEquals("Alice A.", account.displayName());
        assertEquals(Stores.PUBLIC_URL + "/accounts/alice", account.url());
        assertEquals("video.example.org", account.host());
        assertTrue(account.local());
        assertEquals(alice.id(), (long) account.userId());

        List<Channel> channels = s.channels.channelsOf(account.id());
        assertEquals(1, channels.size());
        Channel channel = channels.get(0);
        assertEquals("alice_channel", channel.name());
        assertEquals("Main alice channel", channel.displayName());
        assertEquals(Stores.PUBLIC_URL + "/video-channels/alice_channel", channel.url());
        assertEquals(account.id(), channel.owner().id());
        assertEquals(channel, s.channels.findLocalChannel("alice_channel").orElseThrow());
        assertEquals(account, s.channels.findLocalAccount("alice").orElseThrow());

        ActorEntity actor = s.jpa.txExpr(em -> em.find(ActorEntity.class, channel.id()));
        assertEquals(channel.url() + "/inbox", actor.getInboxUrl());
        assertEquals(channel.url() + "/outbox", actor.getOutboxUrl());
        assertEquals(channel.url() + "/followers", actor.getFollowersUrl());
        assertEquals(channel.url() + "/following", actor.getFollowingUrl());
        assertEquals(Stores.PUBLIC_URL + "/inbox", actor.getSharedInboxUrl());
        assertNull(actor.getPrivateKey());
        assertEquals(1, s.channels.countAccounts());
        assertEquals(1, s.channels.countChannels());
    }

    @Test
    public void duplicateUsernameEmailOrNameIsRefusedAndLeavesNoRows() {
        user("alice");
        assertThrows(DuplicateException.class, () -> s.users.create(newUser("ALICE", "other@example.org")));
        assertThrows(DuplicateException.class, () -> s.users.create(newUser("bob", "Alice@Example.org")));
        // its account would take the name of alice's channel
        assertThrows(DuplicateException.class, () -> s.users.create(newUser("alice_channel", "c@example.org")));
        assertEquals(1, s.users.count());
        assertEquals(1, s.channels.countAccounts());
        assertEquals(1, s.channels.countChannels());
        assertEquals(2L, (long) s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(a) FROM ActorEntity a", Long.class)
                .getSingleResult()));
    }

    @Test
    public void databaseConstraintsCatchDuplicatesTheChecksMiss() {
        user("alice");
        // straight to the database, as a concurrent insert would: the unique constraint must refuse it
        assertThrows(RuntimeException.class, () -> s.jpa.tx(em -> {
            ActorEntity actor = new LocalActors(s.identity).create(org.vidiverse.api.model.ActorType.PERSON, "Alice",
                    new java.util.Date());
            actor.setUrl("https://elsewhere.example/x");
            em.persist(actor);
            Sql.flush(em, "actor");
        }));
        assertEquals(2L, (long) s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(a) FROM ActorEntity a", Long.class)
                .getSingleResult()));
    }

    @Test
    public void usersAreFoundRegardlessOfCaseAndKeepTheirPasswordHash() {
        User alice = user("Alice");
        assertEquals(alice, s.users.findByUsername("aLiCe").orElseThrow());
        assertEquals(alice, s.users.findByEmail("ALICE@example.org").orElseThrow());
        assertEquals(alice, s.users.findById(alice.id()).orElseThrow());
        assertEquals("hash", s.users.passwordHash(alice.id()).orElseThrow());
        s.users.updatePasswordHash(alice.id(), "hash2");
        assertEquals("hash2", s.users.passwordHash(alice.id()).orElseThrow());
        assertThrows(NotFoundException.class, () -> s.users.updatePasswordHash(999_999, "x"));
        assertTrue(s.users.findByUsername("nobody").isEmpty());
    }

    @Test
    public void usersListSortedAndPaged() {
        for (String name : List.of("carol", "alice", "dave", "bob")) {
            user(name);
        }
        Page<User> page = s.users.list(PageRequest.of(1, 2, "username"));
        assertEquals(4, page.total());
        assertEquals(List.of("bob", "carol"), page.data().stream().map(User::username).toList());
        assertEquals("bob", s.users.list(PageRequest.of(0, 1, "-createdAt")).data().get(0).username());
        assertThrows(IllegalArgumentException.class, () -> s.users.list(PageRequest.of(0, 1, "password")));
    }

    @Test
    public void usersSearchedByNameOrEmailAndFilteredByBlocking() {
        for (String name : List.of("carol", "alice", "malice", "bob")) {
            user(name);
        }
        User bob = s.users.findByUsername("bob").orElseThrow();
        s.users.update(bob.id(), UserUpdate.none().withBlocked(true, "spam"));
        PageRequest byName = PageRequest.of(0, 10, "username");
        assertEquals(List.of("alice", "malice"), s.users.list("LIC", null, byName).data().stream()
                .map(User::username).toList());
        assertEquals("the email matches too", 1, s.users.list("carol@", null, byName).total());
        assertEquals("% is no wildcard", 0, s.users.list("a%e", null, byName).total());
        assertEquals("_ is no wildcard", 0, s.users.list("b_b", null, byName).total());
        assertEquals(List.of("bob"), s.users.list(null, true, byName).data().stream().map(User::username).toList());
        assertEquals(3, s.users.list("  ", false, byName).total());
        assertEquals(0, s.users.list("bob", false, byName).total());
    }

    // ---- videos

    @Test
    public void creatingAVideoAssignsUuidsUrlAndKeepsTags() {
        Channel channel = channelOf(user("alice"));
        NewVideo n = new NewVideo(channel.id(), "Cats", "long text", null, VideoPrivacy.UNLISTED,
                VideoState.TO_TRANSCODE, 12, 15, 1, "en", List.of("cat", " fun ", "cat", ""), true, true, false, true);
        Video v = s.videos.create(n);
        assertEquals(4, UUID.fromString(v.uuid()).version());
        assertEquals(ShortUuid.encode(UUID.fromString(v.uuid())), v.shortUuid());
        assertEquals(Stores.PUBLIC_URL + "/videos/watch/" + v.uuid(), v.url());
        assertEquals(List.of("cat", "fun"), v.tags());
        assertEquals(channel.id(), v.channel().id());
        assertEquals(channel.owner().id(), v.account().id());
        assertEquals("alice_channel", v.channel().name());
        assertTrue(v.local());
        assertEquals(VideoPrivacy.UNLISTED, v.privacy());
        assertEquals(VideoState.TO_TRANSCODE, v.state());
        assertEquals(Integer.valueOf(15), v.category());
        assertEquals(v, s.videos.findById(v.id()).orElseThrow());
        assertEquals(v, s.videos.findByUuid(v.uuid()).orElseThrow());
        assertEquals(v, s.videos.findByShortUuid(v.shortUuid()).orElseThrow());
        assertNotEquals(v.uuid(), s.videos.create(NewVideo.published(channel.id(), "Cats")).uuid());
        assertThrows(NotFoundException.class, () -> s.videos.create(NewVideo.published(999_999, "x")));
    }

    @Test
    public void videoListFiltersSortsAndPages() {
        Channel a = channelOf(user("alice"));
        Channel b = channelOf(user("bob"));
        Video a1 = video(a, "b-video", 10);
        Video a2 = video(a, "a-video", 30);
        Video b1 = video(b, "c-video", 20);
        s.videos.create(new NewVideo(b.id(), "private", null, null, VideoPrivacy.PRIVATE, VideoState.PUBLISHED, 0,
                3, null, "fr", List.of(), true, true, true, false));

        assertEquals(List.of(a2.id(), a1.id(), b1.id()),
                ids(s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 10, "name"))));
        assertEquals(List.of(a2.id(), b1.id(), a1.id()),
                ids(s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 10, "-views"))));
        Page<Video> second = s.videos.list(VideoQuery.publicListing(), PageRequest.of(1, 1, "views"));
        assertEquals(3, second.total());
        assertEquals(List.of(b1.id()), ids(second));
        assertEquals(List.of(b1.id()), ids(s.videos.list(VideoQuery.publicListing().withChannel(b.id()),
                PageRequest.of(0, 10, "name"))));

        VideoQuery all = new VideoQuery(null, null, null, null, null, null, null, null);
        assertEquals(4, s.videos.list(all, PageRequest.of(0, 10, "-publishedAt")).total());
        assertEquals(4, s.videos.count());
        assertEquals(2, s.videos.list(new VideoQuery(null, null, true, null, b.owner().id(), null, null, null),
                PageRequest.of(0, 10, "name")).total());
        assertEquals(1, s.videos.list(new VideoQuery(null, null, null, null, null, true, 3, "fr"),
                PageRequest.of(0, 10, "name")).total());
        assertEquals(0, s.videos.list(new VideoQuery(null, null, false, null, null, null, null, null),
                PageRequest.of(0, 10, "name")).total());
        assertEquals(3, s.videos.list(new VideoQuery(EnumSet.of(VideoPrivacy.PUBLIC), null, null, null, null, null,
                null, null), PageRequest.of(0, 0, "name")).total());
    }

    @Test
    public void uploadsCountAgainstTheQuotaUntilTheirRenditionsReplaceThem() {
        User carol = s.users.create(new NewUser("carol", "carol@example.org", "hash", UserRole.USER, 1000, 800, null));
        Channel c = channelOf(carol);
        Video first = s.videos.createUpload(NewVideo.published(c.id(), "first"), 600);
        assertEquals(org.vidiverse.api.model.VideoState.TO_TRANSCODE, first.state());
        assertEquals(600, s.users.videoQuotaUsed(carol.id()));
        // 600 + 300 fits the total (1000) but not the daily quota (800); nothing is written
        QuotaExceededException daily = assertThrows(QuotaExceededException.class,
                () -> s.videos.createUpload(NewVideo.published(c.id(), "second"), 300));
        assertTrue(daily.daily());
        assertEquals(1, s.videos.list(new VideoQuery(null, null, null, c.id(), null, null, null, null),
                PageRequest.of(0, 10, "name")).total());

        s.videos.storeRenditions(first.id(), 12,
                List.of(new NewVideoFile(360, 30, 100, ".mp4", "a-360.mp4", "a-360.torrent", "ab"),
                        new NewVideoFile(240, 30, 50, ".mp4", "a-240.mp4", null, null)),
                "master.m3u8", "segments-sha256.json",
                List.of(new NewVideoFile(360, 30, 90, ".mp4", "b-360-fragmented.mp4", null, null)),
                org.vidiverse.api.model.VideoState.PUBLISHED);
        assertEquals(240, s.users.videoQuotaUsed(carol.id()));   // the renditions, no longer the source
        Video done = s.videos.findById(first.id()).orElseThrow();
        assertEquals(org.vidiverse.api.model.VideoState.PUBLISHED, done.state());
        assertEquals(12, done.duration());
        List<VideoFile> files = s.videos.files(first.id());
        assertEquals(3, files.size());
        org.vidiverse.api.model.HlsPlaylist hls = s.videos.hlsPlaylist(first.id()).orElseThrow();
        assertEquals("master.m3u8", hls.playlistFilename());
        assertEquals(1, files.stream().filter(f -> Long.valueOf(hls.id()).equals(f.streamingPlaylistId())).count());

        // a second transcode replaces every rendition
        s.videos.storeRenditions(first.id(), 12, List.of(new NewVideoFile(144, 15, 10, ".mp4", "c-144.mp4", null,
                null)), null, null, List.of(), org.vidiverse.api.model.VideoState.PUBLISHED);
        assertEquals(1, s.videos.files(first.id()).size());
        assertTrue(s.videos.hlsPlaylist(first.id()).isEmpty());
        assertThrows(NotFoundException.class, () -> s.videos.storeRenditions(999_999, 1, List.of(), null, null,
                List.of(), org.vidiverse.api.model.VideoState.PUBLISHED));
        assertThrows(QuotaExceededException.class,
                () -> s.videos.createUpload(NewVideo.published(c.id(), "too big"), 991));
    }

    @Test
    public void concurrentUploadsCannotTogetherExceedTheQuota() throws Exception {
        User dave = s.users.create(new NewUser("dave", "dave@example.org", "hash", UserRole.USER, 1000, -1, null));
        Channel c = channelOf(dave);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                attempts.add(pool.submit(() -> {
                    try {
                        s.videos.createUpload(NewVideo.published(c.id(), "upload " + n), 400);
                        return true;
                    } catch (QuotaExceededException e) {
                        return false;
                    }
                }));
            }
            int accepted = 0;
            for (Future<Boolean> f : attempts) {
                accepted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(2, accepted);
            assertEquals(800, s.users.videoQuotaUsed(dave.id()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void listingTotalsFollowEveryWrite() {
        Channel a = channelOf(user("alice"));
        PageRequest page = PageRequest.of(0, 10, "-publishedAt");
        assertEquals(0, s.videos.list(VideoQuery.publicListing(), page).total());
        Video v = video(a, "first", 1);
        assertEquals(1, s.videos.list(VideoQuery.publicListing(), page).total());
        s.videos.update(v.id(), new org.vidiverse.api.model.VideoUpdate(null, null, null, VideoPrivacy.PRIVATE,
                null, null, null, null, null, null, null, null, null));
        assertEquals(0, s.videos.list(VideoQuery.publicListing(), page).total());
        assertEquals(1, s.videos.list(new VideoQuery(null, null, null, a.id(), null, null,
                null, null), page).total());
        s.videos.delete(v.id());
        assertEquals(0, s.videos.list(new VideoQuery(null, null, null, a.id(), null, null,
                null, null), page).total());
    }

    @Test
    public void listedVideosFollowEditsOfTheVideoItsChannelAndItsAccount() {
        User alice = user("alice");
        Channel a = channelOf(alice);
        Video v = video(a, "first", 1);
        PageRequest page = PageRequest.of(0, 10, "-publishedAt");
        assertEquals("first", s.videos.list(VideoQuery.publicListing(), page).data().get(0).name());

        s.videos.update(v.id(), new org.vidiverse.api.model.VideoUpdate("renamed", null, null, null, null, null,
                null, List.of("fresh"), null, null, null, null, null));
        Video listed = s.videos.list(VideoQuery.publicListing(), page).data().get(0);
        assertEquals("renamed", listed.name());
        assertEquals(List.of("fresh"), listed.tags());

        s.channels.updateChannel(a.id(), "Alice's films", null, null);
        assertEquals("Alice's films", s.videos.list(VideoQuery.publicListing(), page).data().get(0).channel()
                .displayName());
        s.users.update(alice.id(), new org.vidiverse.api.model.UserUpdate(null, null, null, null, null, null, null,
                null, null, "Alice A.", null));
        assertEquals("Alice A.", s.videos.list(VideoQuery.publicListing(), page).data().get(0).account()
                .displayName());
    }

    @Test
    public void pagingIsStableWhenSortValuesTie() {
        Channel c = channelOf(user("alice"));
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(video(c, "same", 5).id());
        }
        List<Long> seen = new ArrayList<>();
        for (int start = 0; start < 7; start += 3) {
            seen.addAll(ids(s.videos.list(VideoQuery.publicListing(), PageRequest.of(start, 3, "-views"))));
        }
        assertEquals(7, seen.size());
        assertEquals(created, new HashSet<>(seen));
        List<Long> sorted = new ArrayList<>(seen);
        Collections.sort(sorted, Collections.reverseOrder());
        assertEquals("ties fall back to id, in the sort's direction", sorted, seen);
    }

    @Test
    public void everyDocumentedSortWorksAndOthersAreRefused() {
        Channel c = channelOf(user("alice"));
        video(c, "v", 1);
        for (String field : VideoQuery.SORT_FIELDS) {
            assertEquals(field, 1, s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 5, field)).data().size());
            assertEquals(field, 1, s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 5, "-" + field)).total());
        }
        assertThrows(IllegalArgumentException.class,
                () -> s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 5, "description")));
        assertThrows(IllegalArgumentException.class,
                () -> s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 5, "id; DROP TABLE video")));
    }

    @Test
    public void deletingAVideoRemovesItsFilesTagsPlaylistAndComments() {
        User alice = user("alice");
        Channel c = channelOf(alice);
        Video v = s.videos.create(new NewVideo(c.id(), "v", null, null, VideoPrivacy.PUBLIC, VideoState.PUBLISHED,
                0, null, null, null, List.of("a", "b"), false, true, true, false));
        Video other = video(c, "kept", 0);
        VideoFile file = s.videos.addFile(v.id(), 720, 1234, 30, ".mp4", "v-720.mp4");
        assertEquals(v.id(), file.videoId());
        assertNull(file.streamingPlaylistId());
        s.videos.addFile(v.id(), 1080, 5678, 30, ".mp4", "v-1080.mp4");
        s.videos.addFile(other.id(), 480, 1, 30, ".mp4", "kept-480.mp4");
        addHlsFile(v.id());
        assertEquals(List.of(1080, 720, 360), s.videos.files(v.id()).stream().map(VideoFile::resolution).toList());
        Comment thread = s.comments.create(v.id(), alice.accountId(), null, "first");
        Comment reply = s.comments.create(v.id(), alice.accountId(), thread.id(), "reply");
        s.comments.create(v.id(), alice.accountId(), reply.id(), "reply to reply");
        s.comments.create(other.id(), alice.accountId(), null, "kept");

        assertTrue(s.videos.delete(v.id()));
        assertFalse(s.videos.delete(v.id()));
        assertTrue(s.videos.findById(v.id()).isEmpty());
        assertTrue(s.videos.files(v.id()).isEmpty());
        assertEquals(1, s.videos.files(other.id()).size());
        assertEquals(1, s.comments.count());
        assertEquals(0L, (long) s.jpa.txExpr(em -> em.createQuery(
                "SELECT COUNT(t) FROM VideoTagEntity t", Long.class).getSingleResult()));
        assertEquals(0L, (long) s.jpa.txExpr(em -> em.createQuery(
                "SELECT COUNT(p) FROM StreamingPlaylistEntity p", Long.class).getSingleResult()));
        assertEquals(1, s.videos.count());
    }

    @Test
    public void filesAreFoundByTheirNameAndTheirTorrentName() {
        Video v = video(channelOf(user("alice")), "v", 0);
        Video other = video(channelOf(user("bob")), "other", 0);
        VideoFile web = s.videos.addFile(v.id(), 720, 1234, 30, ".mp4", "3f2a-720.mp4");
        s.videos.addFile(other.id(), 720, 99, 30, ".mp4", "77b0-720.mp4");
        addHlsFile(v.id());

        assertEquals(web, s.videos.findFileByFilename("3f2a-720.mp4").orElseThrow());
        assertEquals(other.id(), s.videos.findFileByFilename("77b0-720.mp4").orElseThrow().videoId());
        VideoFile hls = s.videos.findFileByFilename("360-fragmented.mp4").orElseThrow();
        assertEquals(v.id(), hls.videoId());
        assertTrue(hls.streamingPlaylistId() != null);
        assertTrue(s.videos.findFileByFilename("3F2A-720.mp4").isEmpty());
        assertTrue(s.videos.findFileByFilename("nothing.mp4").isEmpty());
        assertTrue(s.videos.findFileByFilename("").isEmpty());
        assertTrue(s.videos.findFileByTorrentFilename("3f2a-720.torrent").isEmpty());

        String hash = "0123456789abcdef0123456789abcdef01234567";
        VideoFile withTorrent = s.videos.setTorrent(web.id(), "3f2a-720.torrent", hash);
        assertEquals("3f2a-720.torrent", withTorrent.torrentFilename());
        assertEquals(hash, withTorrent.infoHash());
        assertEquals(withTorrent, s.videos.findFileByTorrentFilename("3f2a-720.torrent").orElseThrow());
        assertEquals(withTorrent, s.videos.findFileByFilename("3f2a-720.mp4").orElseThrow());
        assertTrue(s.videos.findFileByTorrentFilename(null).isEmpty());
        s.videos.setTorrent(web.id(), "9c1d-720.torrent", hash);
        assertTrue("a replaced torrent is forgotten", s.videos.findFileByTorrentFilename("3f2a-720.torrent").isEmpty());
        assertThrows(NotFoundException.class, () -> s.videos.setTorrent(Long.MAX_VALUE, "x.torrent", hash));
    }

    private void addHlsFile(long videoId) {
        s.jpa.tx(em -> {
            VideoEntity video = em.find(VideoEntity.class, videoId);
            StreamingPlaylistEntity p = new StreamingPlaylistEntity();
            p.setVideo(video);
            p.setPlaylistFilename("master.m3u8");
            p.setSegmentsSha256Filename("segments-sha256.json");
            p.setCreatedAt(new java.util.Date());
            p.setUpdatedAt(new java.util.Date());
            em.persist(p);
            VideoFileEntity f = new VideoFileEntity();
            f.setVideo(video);
            f.setStreamingPlaylist(p);
            f.setResolution(360);
            f.setFps(30);
            f.setExtname(".mp4");
            f.setFilename("360-fragmented.mp4");
            f.setCreatedAt(new java.util.Date());
            em.persist(f);
        });
    }

    // ---- comments

    @Test
    public void commentsFormThreadsNewestFirst() {
        User alice = user("alice");
        User bob = user("bob");
        Video v = video(channelOf(alice), "v", 0);
        Comment t1 = s.comments.create(v.id(), alice.accountId(), null, "thread one");
        Comment r1 = s.comments.create(v.id(), bob.accountId(), t1.id(), "reply");
        Comment r2 = s.comments.create(v.id(), alice.accountId(), r1.id(), "reply to reply");
        Comment t2 = s.comments.create(v.id(), bob.accountId(), null, "thread two");

        assertNull(t1.threadId());
        assertNull(t1.inReplyToId());
        assertEquals(t1.id(), (long) r1.threadId());
        assertEquals(t1.id(), (long) r2.threadId());
        assertEquals(r1.id(), (long) r2.inReplyToId());
        assertEquals("bob", r1.account().name());
        assertEquals(Stores.PUBLIC_URL + "/videos/watch/" + v.uuid() + "/comments/" + r1.id(), r1.url());
        assertFalse(r1.deleted());

        Page<Comment> threads = s.comments.threads(v.id(), new PageRequest(0, 10, null, true));
        assertEquals(2, threads.total());
        assertEquals(List.of(t2.id(), t1.id()), threads.data().stream().map(Comment::id).toList());
        assertEquals(4, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(4, s.comments.count());

        Video other = video(channelOf(alice), "other", 0);
        assertThrows(NotFoundException.class, () -> s.comments.create(other.id(), alice.accountId(), t1.id(), "x"));
        assertThrows(NotFoundException.class, () -> s.comments.create(999_999, alice.accountId(), null, "x"));
        assertThrows(NotFoundException.class, () -> s.comments.create(v.id(), alice.accountId(), 999_999L, "x"));
        assertEquals(4, s.comments.count());
    }

    // ---- follows

    @Test
    public void followsAreUniquePerPairAndCounted() {
        User alice = user("alice");
        User bob = user("bob");
        Channel bobChannel = channelOf(bob);
        Follow f = s.follows.create(alice.accountId(), bobChannel.id(), FollowState.ACCEPTED);
        assertEquals(alice.accountId(), f.follower().id());
        assertEquals("Alice A.", f.follower().displayName());
        assertEquals(bobChannel.id(), f.following().id());
        assertEquals("Main bob channel", f.following().displayName());
        assertEquals(Stores.PUBLIC_URL + "/accounts/alice/follows/" + bobChannel.id(), f.url());
        assertEquals(FollowState.ACCEPTED, f.state());

        assertThrows(DuplicateException.class,
                () -> s.follows.create(alice.accountId(), bobChannel.id(), FollowState.PENDING));
        s.follows.create(bob.accountId(), bobChannel.id(), FollowState.PENDING);
        assertThrows(NotFoundException.class, () -> s.follows.create(999_999, bobChannel.id(), FollowState.PENDING));

        List<Follow> followers = s.follows.followersOf(bobChannel.id());
        assertEquals(2, followers.size());
        assertEquals(f, followers.get(0));
        assertEquals(2, s.follows.count());
        assertEquals(1, s.channels.findChannel(bobChannel.id()).orElseThrow().followersCount());
        assertEquals(1, s.channels.findAccount(alice.accountId()).orElseThrow().followingCount());
    }

    // ---- instances

    @Test
    public void instancesAreKnownOnceInLowerCaseIncludingThisOne() {
        assertTrue(s.instances.find("video.example.org").isPresent());
        long id = s.instances.findOrCreate("Peer.Example.COM").id();
        assertEquals(id, s.instances.findOrCreate("peer.example.com").id());
        assertFalse(s.instances.find("PEER.example.com").orElseThrow().blocked());
        s.instances.setBlocked("peer.example.com", true);
        assertTrue(s.instances.find("peer.example.com").orElseThrow().blocked());
        s.instances.setBlocked("new.example.net", true);
        assertEquals(List.of("new.example.net", "peer.example.com", "video.example.org"),
                s.instances.list().stream().map(i -> i.host()).toList());
    }

    // ---- jobs

    @Test
    public void jobsRunThroughTheirLifeCycle() {
        Job job = s.jobs.enqueue("video-transcoding", "{\"videoId\":1}", 2, null);
        Job later = s.jobs.enqueue("video-transcoding", "{}", 1, Instant.now().plusSeconds(3600));
        s.jobs.enqueue("activitypub-delivery", "{}", 1, null);
        assertEquals(JobState.PENDING, job.state());

        assertTrue(s.jobs.claimNext(Set.of("nothing"), "n1").isEmpty());
        Job claimed = s.jobs.claimNext(Set.of("video-transcoding"), "n1").orElseThrow();
        assertEquals(job.id(), claimed.id());
        assertEquals(JobState.PROCESSING, claimed.state());
        assertEquals("n1", claimed.claimedBy());
        assertTrue(claimed.startedAt() != null);
        assertTrue("not due yet", s.jobs.claimNext(Set.of("video-transcoding"), "n1").isEmpty());

        s.jobs.progress(job.id(), 40);
        assertEquals(40, s.jobs.find(job.id()).orElseThrow().progress());
        s.jobs.fail(job.id(), "boom", Instant.now().minusSeconds(1));
        Job retried = s.jobs.find(job.id()).orElseThrow();
        assertEquals(JobState.PENDING, retried.state());
        assertEquals(1, retried.attempts());
        assertEquals("boom", retried.error());

        s.jobs.claimNext(Set.of("video-transcoding"), "n2").orElseThrow();
        s.jobs.fail(job.id(), "boom again", null);
        assertEquals(JobState.FAILED, s.jobs.find(job.id()).orElseThrow().state());

        Job delivery = s.jobs.claimNext(Set.of("activitypub-delivery", "video-transcoding"), "n3").orElseThrow();
        s.jobs.succeed(delivery.id());
        Job done = s.jobs.find(delivery.id()).orElseThrow();
        assertEquals(JobState.SUCCESS, done.state());
        assertEquals(100, done.progress());
        assertTrue(done.finishedAt() != null);

        Job bad = s.jobs.enqueue("video-transcoding", "{}", 5, null);
        s.jobs.claimNext(Set.of("video-transcoding"), "n4").orElseThrow();
        s.jobs.failForGood(bad.id(), "not a video");
        Job failed = s.jobs.find(bad.id()).orElseThrow();
        assertEquals("attempts remained, but the failure is final", JobState.FAILED, failed.state());
        assertEquals("not a video", failed.error());

        Map<JobState, Long> counts = s.jobs.countByState();
        assertEquals(Map.of(JobState.PENDING, 1L, JobState.PROCESSING, 0L, JobState.SUCCESS, 1L,
                JobState.FAILED, 2L), counts);
        assertEquals(List.of(later.id()), s.jobs.list(JobQuery.inState(JobState.PENDING), PageRequest.of(0, 10, "-createdAt")).data()
                .stream().map(Job::id).toList());
        assertEquals(4, s.jobs.list(JobQuery.all(), PageRequest.of(0, 10, "id")).total());
        assertThrows(NotFoundException.class, () -> s.jobs.succeed(999_999));
    }

    @Test
    public void jobListsFilterAsPeerTubeStatesDo() {
        Instant now = Instant.now();
        Job due = s.jobs.enqueue("video-transcoding", "{}", 1, null);
        Job retry = s.jobs.enqueue("video-transcoding", "{}", 3, now.plusSeconds(600));
        Job delivery = s.jobs.enqueue("activitypub-http-unicast", "{}", 1, null);
        PageRequest page = PageRequest.of(0, 10, "id");

        assertEquals(List.of(due.id(), delivery.id()), jobIds(s.jobs.list(JobQuery.waiting(now.plusSeconds(1)), page)));
        assertEquals(List.of(retry.id()), jobIds(s.jobs.list(JobQuery.delayed(now.plusSeconds(1)), page)));
        assertEquals(List.of(due.id(), retry.id()),
                jobIds(s.jobs.list(JobQuery.all().ofType("video-transcoding"), page)));
        assertEquals(List.of(delivery.id()),
                jobIds(s.jobs.list(JobQuery.waiting(now.plusSeconds(1)).ofType("activitypub-http-unicast"), page)));
        assertEquals(0, s.jobs.list(JobQuery.inState(JobState.FAILED).ofType("video-transcoding"), page).total());
        Page<Job> second = s.jobs.list(JobQuery.all(), PageRequest.of(1, 1, "-id"));
        assertEquals(3, second.total());
        assertEquals(List.of(retry.id()), jobIds(second));
    }

    private static List<Long> jobIds(Page<Job> page) {
        return page.data().stream().map(Job::id).toList();
    }

    @Test
    public void claimsOfAStoppedNodeAreHandedBack() {
        s.jobs.enqueue("t", "{}", 1, null);
        s.jobs.enqueue("t", "{}", 1, null);
        s.jobs.enqueue("t", "{}", 1, null);
        s.jobs.claimNext(Set.of("t"), "dead").orElseThrow();
        s.jobs.claimNext(Set.of("t"), "dead").orElseThrow();
        Job alive = s.jobs.claimNext(Set.of("t"), "alive").orElseThrow();
        assertEquals(2, s.jobs.releaseClaims("dead"));
        assertEquals(0, s.jobs.releaseClaims("dead"));
        assertEquals(JobState.PROCESSING, s.jobs.find(alive.id()).orElseThrow().state());
        assertEquals(2L, (long) s.jobs.countByState().get(JobState.PENDING));
        // a released job is claimable again, and its old copy is stale for optimistic updates
        assertTrue(s.jobs.claimNext(Set.of("t"), "alive").isPresent());
    }

    @Test
    public void concurrentClaimersGetEachJobExactlyOnce() throws Exception {
        int jobs = 50;
        Set<Long> enqueued = new HashSet<>();
        for (int i = 0; i < jobs; i++) {
            enqueued.add(s.jobs.enqueue("t", "{\"n\":" + i + "}", 1, null).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String node = "node-" + t;
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (var job = s.jobs.claimNext(Set.of("t"), node); job.isPresent();
                         job = s.jobs.claimNext(Set.of("t"), node)) {
                        assertEquals(node, job.get().claimedBy());
                        mine.add(job.get().id());
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get(120, TimeUnit.SECONDS));
            }
            assertEquals("no job claimed twice", all.size(), new HashSet<>(all).size());
            assertEquals(enqueued, new HashSet<>(all));
            assertEquals(Long.valueOf(jobs), s.jobs.countByState().get(JobState.PROCESSING));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- schema and info

    @Test
    public void storageInfoReportsDatabaseSchemaAndCounts() {
        User alice = user("alice");
        video(channelOf(alice), "v", 0);
        s.jobs.enqueue("t", null, 1, null);
        assertEquals(SchemaMigrator.STEPS.get(SchemaMigrator.STEPS.size() - 1).version(), s.info.schemaVersion());
        assertTrue(s.info.database(), s.info.database().matches("(Apache Derby|PostgreSQL) \\d+(\\.\\d+)+.*"));
        assertFalse(s.info.url(), s.info.url().toLowerCase().contains("password"));
        assertTrue(s.info.url(), s.info.url().startsWith("jdbc:"));
        Map<String, Long> counts = s.info.counts();
        assertEquals(List.of("users", "accounts", "channels", "videos", "videoFiles", "comments", "follows", "jobs"),
                List.copyOf(counts.keySet()));
        assertEquals(Long.valueOf(1), counts.get("users"));
        assertEquals(Long.valueOf(1), counts.get("videos"));
        assertEquals(Long.valueOf(1), counts.get("jobs"));
        assertEquals(Long.valueOf(0), counts.get("comments"));
    }

    @Test
    public void listingIndexesExist() {
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                for (IndexSpec index : SchemaMigrator.INDEXES) {
                    assertTrue(index.name(), index.exists(c));
                }
                for (IndexSpec index : SchemaMigrator.FILE_NAME_INDEXES) {
                    assertTrue(index.name(), index.exists(c));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    public void restartKeepsEveryRowAndMigratesNothingTwice() throws Exception {
        User alice = user("alice");
        Video v = video(channelOf(alice), "v", 3);
        s.comments.create(v.id(), alice.accountId(), null, "hello");
        s.jobs.enqueue("t", "{}", 1, null);
        int version = s.info.schemaVersion();
        s.close();

        s = new Stores(sameDatabase());
        assertEquals(version, s.info.schemaVersion());
        assertEquals(version, s.schema.migrate());
        assertEquals("one row per step, none twice", (long) SchemaMigrator.STEPS.size(),
                (long) s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(r) FROM SchemaVersionEntity r",
                        Long.class).getSingleResult()));
        assertEquals(alice, s.users.findByUsername("alice").orElseThrow());
        Video reloaded = s.videos.findByUuid(v.uuid()).orElseThrow();
        assertEquals(v.id(), reloaded.id());
        assertEquals(v.shortUuid(), reloaded.shortUuid());
        assertEquals(v.publishedAt(), reloaded.publishedAt());
        assertEquals(3, reloaded.views());
        assertEquals(1, reloaded.commentsCount());
        assertEquals(1, s.comments.count());
        assertEquals(1, s.jobs.countByState().get(JobState.PENDING).longValue());
        assertEquals(1, s.instances.list().size());
        assertThrows(DuplicateException.class, () -> s.users.create(newUser("alice", "x@example.org")));
        user("bob");
        assertEquals(2, s.users.count());
    }

    // ---- helpers

    protected User user(String name) {
        return s.users.create(newUser(name, name.toLowerCase() + "@example.org"));
    }

    private static NewUser newUser(String name, String email) {
        return new NewUser(name, email, "hash", UserRole.USER, -1, -1,
                name.equalsIgnoreCase("alice") ? "Alice A." : null);
    }

    protected Channel channelOf(User user) {
        return s.channels.channelsOf(user.accountId()).get(0);
    }

    protected Video video(Channel channel, String name, long views) {
        Video v = s.videos.create(NewVideo.published(channel.id(), name));
        s.jpa.tx(em -> em.find(VideoEntity.class, v.id()).setViews(views));
        return v;
    }

    private static List<Long> ids(Page<Video> page) {
        return page.data().stream().map(Video::id).toList();
    }
}
