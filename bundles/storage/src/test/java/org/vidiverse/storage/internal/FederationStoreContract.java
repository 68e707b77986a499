package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.HlsPlaylist;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.NewVideoFile;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.RemoteActor;
import org.vidiverse.api.model.RemoteVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoFile;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.VideoQuery;
import org.vidiverse.api.store.VideoSearchQuery;
import org.vidiverse.storage.internal.entity.ReceivedActivityEntity;

/**
 * What federation needs from the stores, on every database: remote actors, videos, comments and follows, keys,
 * follower inboxes and replay protection. Subclasses provide a fresh, empty database per test.
 */
public abstract class FederationStoreContract {
    static final String ORIGIN = "peertube.example.net";
    static final String ORIGIN_URL = "https://" + ORIGIN;

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

    // ---- local actors and keys

    @Test
    public void findLocalFindsAccountsAndChannelsRegardlessOfCaseButNoRemoteActor() {
        User alice = user("alice");
        Actor account = s.actors.findLocal("ALICE").orElseThrow();
        assertEquals(alice.accountId(), account.id());
        assertEquals(ActorType.PERSON, account.type());
        assertEquals("Alice A.", account.displayName());
        assertEquals("video.example.org", account.host());
        assertTrue(account.local());
        assertEquals(Stores.PUBLIC_URL + "/accounts/alice/inbox", account.inboxUrl());
        assertEquals(Stores.PUBLIC_URL + "/inbox", account.deliveryInbox());
        assertNull(account.ownerId());

        Actor channel = s.actors.findLocal("alice_channel").orElseThrow();
        assertEquals(ActorType.GROUP, channel.type());
        assertEquals("Main alice channel", channel.displayName());
        assertEquals(Long.valueOf(alice.accountId()), channel.ownerId());
        assertEquals(channel, s.actors.find(channel.id()).orElseThrow());
        assertEquals(channel, s.actors.findByUrl(Stores.PUBLIC_URL + "/video-channels/alice_channel").orElseThrow());

        Actor remote = s.actors.saveRemote(person("alice"));
        assertEquals(alice.accountId(), s.actors.findLocal("alice").orElseThrow().id());
        assertNotEquals(alice.accountId(), remote.id());
        assertTrue(s.actors.findLocal("bob").isEmpty());
        assertTrue(s.actors.findByUrl(null).isEmpty());
    }

    @Test
    public void instanceActorIsOneApplicationWithAnAccountEvenForConcurrentFirstCalls() throws Exception {
        List<Actor> actors = concurrently(8, () -> s.actors.instanceActor());
        assertEquals(1, new HashSet<>(actors).size());
        Actor actor = actors.get(0);
        assertEquals(ActorType.APPLICATION, actor.type());
        assertEquals(ActorStore.INSTANCE_ACTOR_NAME, actor.name());
        assertEquals(Stores.PUBLIC_URL + "/accounts/peertube", actor.url());
        assertEquals("peertube", actor.displayName());
        var account = s.channels.findAccount(actor.id()).orElseThrow();
        assertNull(account.userId());
        assertEquals(ActorType.APPLICATION, account.type());
        assertEquals(actor, s.actors.findLocal("PeerTube").orElseThrow());
        assertEquals(actor, s.actors.instanceActor());
    }

    @Test
    public void theInstanceActorsNameIsReservedForUsersAndChannels() {
        assertThrows(DuplicateException.class, () -> s.users.create(new NewUser("PeerTube", "p@example.org", "hash",
                UserRole.USER, -1, -1, null)));
        User alice = user("alice");
        assertThrows(DuplicateException.class,
                () -> s.channels.createChannel(alice.accountId(), "peertube", "Name", null, null));
    }

    @Test
    public void keysAreStoredOnceAndTheFirstWriterWins() throws Exception {
        User alice = user("alice");
        List<Actor> results = concurrently(6, () -> s.actors.setKeysIfAbsent(alice.accountId(),
                "PUBLIC " + Thread.currentThread().getName(), "PRIVATE " + Thread.currentThread().getName()));
        Actor stored = s.actors.find(alice.accountId()).orElseThrow();
        assertTrue(stored.publicKeyPem().startsWith("PUBLIC "));
        assertEquals(stored.publicKeyPem().replace("PUBLIC", "PRIVATE"), stored.privateKeyPem());
        for (Actor result : results) {
            assertEquals(stored.publicKeyPem(), result.publicKeyPem());
            assertEquals(stored.privateKeyPem(), result.privateKeyPem());
        }
        assertFalse("the private key stays out of logs", stored.toString().contains("PRIVATE"));

        Actor remote = s.actors.saveRemote(person("bob"));
        assertThrows(NotFoundException.class, () -> s.actors.setKeysIfAbsent(remote.id(), "P", "K"));
        assertEquals("PEM bob", s.actors.find(remote.id()).orElseThrow().publicKeyPem());
        assertNull(s.actors.find(remote.id()).orElseThrow().privateKeyPem());
        assertThrows(NotFoundException.class, () -> s.actors.setKeysIfAbsent(9_999, "P", "K"));
    }

    // ---- remote actors

    @Test
    public void aRemotePersonGetsAnAccountAndItsInstanceARow() {
        Actor bob = s.actors.saveRemote(person("Bob"));
        assertEquals(ActorType.PERSON, bob.type());
        assertEquals("Bob", bob.name());
        assertEquals("Bob the builder", bob.displayName());
        assertEquals("About Bob", bob.summary());
        assertEquals(ORIGIN, bob.host());
        assertFalse(bob.local());
        assertEquals(ORIGIN_URL + "/inbox", bob.deliveryInbox());
        assertEquals("Bob@" + ORIGIN, bob.handle());

        var account = s.channels.findAccountByHandle("bob@" + ORIGIN.toUpperCase()).orElseThrow();
        assertEquals(bob.id(), account.id());
        assertFalse(account.local());
        assertNull(account.userId());
        assertTrue(s.instances.find(ORIGIN).isPresent());
        assertEquals(bob, s.actors.findByUrl(bob.url()).orElseThrow());
        assertEquals(2, s.instances.list().size());
    }

    @Test
    public void refreshingARemoteActorReplacesItsNamesKeysAndInboxesAndKeepsItsId() {
        Actor first = s.actors.saveRemote(person("bob"));
        RemoteActor changed = new RemoteActor(ActorType.PERSON, first.url(), "bob", ORIGIN, "Robert", "",
                first.url() + "/inbox2", "", null, null, null, "PEM 2", null, null);
        Actor second = s.actors.saveRemote(changed);
        assertEquals(first.id(), second.id());
        assertEquals("Robert", second.displayName());
        assertNull(second.summary());
        assertEquals("PEM 2", second.publicKeyPem());
        assertNull(second.sharedInboxUrl());
        assertEquals(first.url() + "/inbox2", second.deliveryInbox());

        RemoteActor withoutKey = new RemoteActor(ActorType.PERSON, first.url(), "bob", ORIGIN, null, null,
                first.url() + "/inbox", null, null, null, null, null, null, null);
        Actor third = s.actors.saveRemote(withoutKey);
        assertEquals("a document without a key keeps the known one", "PEM 2", third.publicKeyPem());
        assertEquals("bob", third.displayName());
        assertEquals(1, s.channels.countAccounts());
    }

    @Test
    public void aRemoteGroupIsAChannelOfItsOwnersAccount() {
        assertThrows(NotFoundException.class, () -> s.actors.saveRemote(group("bob_channel", "bob")));
        assertEquals(0, s.channels.countChannels());

        Actor bob = s.actors.saveRemote(person("bob"));
        Actor channel = s.actors.saveRemote(group("bob_channel", "bob"));
        assertEquals(ActorType.GROUP, channel.type());
        assertEquals(Long.valueOf(bob.id()), channel.ownerId());
        assertEquals("About bob_channel", channel.summary());
        Channel row = s.channels.findChannel(channel.id()).orElseThrow();
        assertEquals("Give to bob_channel", row.support());
        assertEquals(bob.id(), row.owner().id());
        assertEquals(ORIGIN, row.owner().host());
        assertFalse(row.local());
        assertEquals(row.id(), s.channels.findChannelByHandle("bob_channel@" + ORIGIN).orElseThrow().id());
    }

    @Test
    public void concurrentFirstSavesOfOneRemoteActorMakeOneRow() throws Exception {
        s.actors.saveRemote(person("bob"));
        List<Actor> saved = concurrently(4, () -> s.actors.saveRemote(group("bob_channel", "bob")));
        assertEquals(1, saved.stream().map(Actor::id).distinct().count());
        assertEquals(1, s.channels.countChannels());
        List<Actor> people = concurrently(4, () -> s.actors.saveRemote(person("dan")));
        assertEquals(1, people.stream().map(Actor::id).distinct().count());
        assertEquals(2, s.channels.countAccounts());
    }

    @Test
    public void remoteActorsMustLiveOnTheirHostAndNotHere() {
        RemoteActor otherHost = new RemoteActor(ActorType.PERSON, "https://evil.example.com/accounts/bob", "bob",
                ORIGIN, null, null, "https://evil.example.com/inbox", null, null, null, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> s.actors.saveRemote(otherHost));
        RemoteActor local = new RemoteActor(ActorType.PERSON, Stores.PUBLIC_URL + "/accounts/alice", "alice",
                "video.example.org", null, null, Stores.PUBLIC_URL + "/inbox", null, null, null, null, null, null,
                null);
        user("alice");
        assertThrows(IllegalArgumentException.class, () -> s.actors.saveRemote(local));
        assertEquals("Alice A.", s.actors.findLocal("alice").orElseThrow().displayName());
        assertTrue("a refused actor leaves no instance row", s.instances.find("evil.example.com").isEmpty());
        assertTrue(s.instances.find(ORIGIN).isEmpty());
        Actor bob = s.actors.saveRemote(person("bob"));
        assertThrows(IllegalArgumentException.class, () -> s.actors.saveRemote(new RemoteActor(ActorType.GROUP,
                bob.url(), "bob", ORIGIN, null, null, bob.inboxUrl(), null, null, null, null, null, bob.url(), null)));
    }

    @Test
    public void renamingARemoteChannelMakesListedVideosStale() {
        s.actors.saveRemote(person("bob"));
        Actor channel = s.actors.saveRemote(group("bob_channel", "bob"));
        Video v = s.videos.saveRemote(remoteVideo(UUID.randomUUID(), channel.id(), "Cats"));
        assertEquals("Main bob_channel", listed(v.id()).channel().displayName());

        long before = s.videos.changeCount();
        s.actors.saveRemote(group("bob_channel", "bob"));
        assertEquals("an unchanged refresh keeps the caches", before, s.videos.changeCount());

        RemoteActor renamed = new RemoteActor(ActorType.GROUP, channel.url(), "bob_channel", ORIGIN, "Cat videos",
                null, channel.inboxUrl(), null, null, null, null, null, ORIGIN_URL + "/accounts/bob", null);
        s.actors.saveRemote(renamed);
        assertTrue(s.videos.changeCount() > before);
        assertEquals("Cat videos", listed(v.id()).channel().displayName());
    }

    private Video listed(long videoId) {
        return s.videos.list(VideoQuery.publicListing(), PageRequest.of(0, 10, "-publishedAt")).data().stream()
                .filter(v -> v.id() == videoId).findFirst().orElseThrow();
    }

    // ---- follower inboxes and received activities

    @Test
    public void followerInboxesAreTheAcceptedRemoteFollowersSharedInboxesOnce() {
        User alice = user("alice");
        User carol = user("carol");
        Actor bob = s.actors.saveRemote(person("bob"));
        Actor dan = s.actors.saveRemote(person("dan"));   // same instance: same shared inbox
        RemoteActor withoutShared = new RemoteActor(ActorType.PERSON, "https://other.example.net/accounts/eve",
                "eve", "other.example.net", null, null, "https://other.example.net/accounts/eve/inbox", null, null,
                null, null, null, null, null);
        Actor eve = s.actors.saveRemote(withoutShared);
        Actor fay = s.actors.saveRemote(person("fay"));

        s.follows.create(bob.id(), alice.accountId(), FollowState.ACCEPTED);
        s.follows.create(dan.id(), alice.accountId(), FollowState.ACCEPTED);
        s.follows.create(eve.id(), alice.accountId(), FollowState.ACCEPTED);
        s.follows.create(fay.id(), carol.accountId(), FollowState.ACCEPTED);
        s.follows.create(carol.accountId(), alice.accountId(), FollowState.ACCEPTED);   // local: not delivered to

        assertEquals(List.of(ORIGIN_URL + "/inbox", "https://other.example.net/accounts/eve/inbox"),
                s.actors.followerInboxes(alice.accountId()));
        Follow pending = s.follows.create(fay.id(), alice.accountId(), FollowState.PENDING);
        assertEquals(2, s.actors.followerInboxes(alice.accountId()).size());
        s.follows.setState(pending.id(), FollowState.REJECTED);
        assertEquals(2, s.actors.followerInboxes(alice.accountId()).size());
        assertEquals(List.of(), s.actors.followerInboxes(bob.id()));
    }

    @Test
    public void anActivityIsFirstDeliveredOnceEvenWhenTwoArriveTogether() throws Exception {
        String id = ORIGIN_URL + "/accounts/bob/activities/" + "x".repeat(1_500);
        List<Boolean> firsts = concurrently(6, () -> s.actors.firstDelivery(id));
        assertEquals(1, firsts.stream().filter(b -> b).count());
        assertFalse(s.actors.firstDelivery(id));
        assertTrue(s.actors.firstDelivery(id + "/2"));
        assertThrows(IllegalArgumentException.class, () -> s.actors.firstDelivery(" "));
    }

    @Test
    public void aForgottenActivityIsTakenAgain() {
        String id = "https://a.example/activities/" + UUID.randomUUID();
        assertTrue(s.actors.firstDelivery(id));
        s.actors.forgetDelivery(id);
        assertTrue("a retry after a failure that may pass is processed", s.actors.firstDelivery(id));
        assertFalse(s.actors.firstDelivery(id));
        s.actors.forgetDelivery("https://a.example/never-seen");   // nothing to forget is fine
    }

    @Test
    public void receivedActivitiesAreForgottenAfterTheRetention() {
        assertTrue(s.actors.firstDelivery("https://a.example/1"));
        assertTrue(s.actors.firstDelivery("https://a.example/2"));
        s.jpa.tx(em -> em.createNativeQuery("UPDATE received_activity SET received_at = ? WHERE id_sha256 = ?")
                .setParameter(1, new java.sql.Timestamp(Instant.now().minus(31, ChronoUnit.DAYS).toEpochMilli()))
                .setParameter(2, ActorStoreImpl.sha256("https://a.example/1")).executeUpdate());
        Date cutoff = Date.from(Instant.now().minus(ActorStoreImpl.RECEIVED_RETENTION));
        assertEquals(1, s.actors.pruneReceived(cutoff));
        assertEquals(1L, (long) s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(r) FROM ReceivedActivityEntity r",
                Long.class).getSingleResult()));
        assertTrue(s.actors.firstDelivery("https://a.example/1"));
        assertFalse(s.actors.firstDelivery("https://a.example/2"));
        assertTrue(s.jpa.txExpr(em -> em.find(ReceivedActivityEntity.class,
                ActorStoreImpl.sha256("https://a.example/2"))) != null);
    }

    // ---- remote videos

    @Test
    public void aRemoteVideoIsStoredWithItsFilesPlaylistAndPicturesAndFound() {
        Actor channel = remoteChannel();
        UUID uuid = UUID.randomUUID();
        long before = s.videos.changeCount();
        Video v = s.videos.saveRemote(remoteVideo(uuid, channel.id(), "Volcano eruption"));
        assertTrue(s.videos.changeCount() > before);

        assertEquals(uuid.toString(), v.uuid());
        assertEquals(ShortUuid.encode(uuid), v.shortUuid());
        assertFalse(v.local());
        assertEquals(ORIGIN, v.channel().host());
        assertEquals(ORIGIN, v.account().host());
        assertEquals("bob", v.account().name());
        assertEquals(42, v.views());
        assertEquals(List.of("lava", "nature"), v.tags());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), v.publishedAt());
        assertEquals(Instant.parse("2026-01-03T03:04:05Z"), v.updatedAt());
        assertEquals(Instant.parse("2020-05-05T00:00:00Z"), v.originallyPublishedAt());
        assertEquals(ORIGIN_URL + "/lazy-static/thumbnails/t.jpg", v.thumbnailUrl());
        assertEquals(ORIGIN_URL + "/lazy-static/previews/p.jpg", v.previewUrl());
        assertEquals(v, s.videos.findByUrl(v.url()).orElseThrow());
        assertEquals(v, s.videos.findByShortUuid(v.shortUuid()).orElseThrow());

        List<VideoFile> files = s.videos.files(v.id());
        assertEquals(3, files.size());
        VideoFile mp4 = files.stream().filter(f -> f.streamingPlaylistId() == null).findFirst().orElseThrow();
        assertTrue(mp4.remote());
        assertEquals(ORIGIN_URL + "/static/web-videos/abc-720.mp4", mp4.fileUrl());
        assertEquals("abc-720.mp4", mp4.filename());
        assertEquals(".mp4", mp4.extname());
        assertEquals(ORIGIN_URL + "/lazy-static/torrents/abc-720.torrent", mp4.torrentUrl());
        assertEquals("abc-720.torrent", mp4.torrentFilename());
        assertEquals("e084c514d64d84b41d7d7f9910317550ceaa8ac3", mp4.infoHash());
        assertEquals(720, mp4.resolution());
        assertEquals(1234, mp4.size());

        HlsPlaylist hls = s.videos.hlsPlaylist(v.id()).orElseThrow();
        assertTrue(hls.remote());
        assertEquals(ORIGIN_URL + "/static/streaming-playlists/hls/" + uuid + "/m-master.m3u8", hls.playlistUrl());
        assertEquals("m-master.m3u8", hls.playlistFilename());
        assertEquals(ORIGIN_URL + "/static/streaming-playlists/hls/" + uuid + "/s-segments-sha256.json",
                hls.segmentsSha256Url());
        assertEquals(2, files.stream().filter(f -> Long.valueOf(hls.id()).equals(f.streamingPlaylistId())).count());

        VideoSearchImpl search = new VideoSearchImpl(s.jpa, s.identity, s.schema, s.changes, s.videoCache);
        assertEquals(List.of(v.id()), search.videos(VideoSearchQuery.words("volcano"), PageRequest.of(0, 10,
                "-match")).data().stream().map(Video::id).toList());
        assertEquals(List.of(v.id()), search.videos(VideoSearchQuery.words("lava"), PageRequest.of(0, 10,
                "-match")).data().stream().map(Video::id).toList());
        VideoQuery remoteOnly = new VideoQuery(Set.of(VideoPrivacy.PUBLIC), Set.of(VideoState.PUBLISHED), false,
                null, null, null, null, null);
        assertEquals(1, s.videos.list(remoteOnly, PageRequest.of(0, 10, "-publishedAt")).total());
    }

    @Test
    public void refreshingARemoteVideoReplacesItsDataAndFilesAndKeepsItsIdAndUuid() {
        Actor channel = remoteChannel();
        UUID uuid = UUID.randomUUID();
        Video first = s.videos.saveRemote(remoteVideo(uuid, channel.id(), "Volcano"));
        long before = s.videos.changeCount();
        RemoteVideo changed = new RemoteVideo(first.url(), UUID.randomUUID().toString(), "Glacier", "ice",
                "tip", 60, null, null, null, List.of("ice"), true, false, false, false, VideoPrivacy.UNLISTED,
                VideoState.PUBLISHED, 100, channel.id(), null, null, null, null, null,
                List.of(new RemoteVideo.File(1080, 99, 60, ORIGIN_URL + "/static/web-videos/new-1080.mp4", null,
                        null)), null, null, List.of());
        Video second = s.videos.saveRemote(changed);
        assertTrue(s.videos.changeCount() > before);
        assertEquals(first.id(), second.id());
        assertEquals("a video keeps the uuid of its first sight", first.uuid(), second.uuid());
        assertEquals("Glacier", second.name());
        assertEquals(VideoPrivacy.UNLISTED, second.privacy());
        assertEquals(100, second.views());
        assertEquals(List.of("ice"), second.tags());
        assertEquals(first.publishedAt(), second.publishedAt());
        assertNull(second.originallyPublishedAt());
        assertNull(second.thumbnailUrl());

        List<VideoFile> files = s.videos.files(first.id());
        assertEquals(1, files.size());
        assertEquals("new-1080.mp4", files.get(0).filename());
        assertNull(files.get(0).torrentUrl());
        assertTrue(s.videos.hlsPlaylist(first.id()).isEmpty());
        VideoSearchImpl search = new VideoSearchImpl(s.jpa, s.identity, s.schema, s.changes, s.videoCache);
        assertEquals(0, search.videos(VideoSearchQuery.words("volcano"), PageRequest.of(0, 10, "-match")).total());
        assertEquals(1, s.videos.count());
    }

    @Test
    public void aRemoteVideoNeedsItsStoredRemoteChannelAndAUuidOfItsOwn() {
        Actor channel = remoteChannel();
        User alice = user("alice");
        long local = s.channels.channelsOf(alice.accountId()).get(0).id();
        Video mine = s.videos.create(NewVideo.published(local, "mine"));

        assertThrows(NotFoundException.class, () -> s.videos.saveRemote(remoteVideo(UUID.randomUUID(), 9_999, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> s.videos.saveRemote(remoteVideo(UUID.randomUUID(), local, "x")));
        assertThrows("the uuid of a local video", IllegalArgumentException.class,
                () -> s.videos.saveRemote(remoteVideo(UUID.fromString(mine.uuid()), channel.id(), "x")));
        RemoteVideo localUrl = withUrl(remoteVideo(UUID.randomUUID(), channel.id(), "x"), mine.url());
        assertThrows(IllegalArgumentException.class, () -> s.videos.saveRemote(localUrl));
        RemoteVideo otherHost = withUrl(remoteVideo(UUID.randomUUID(), channel.id(), "x"),
                "https://other.example.net/videos/watch/" + UUID.randomUUID());
        assertThrows(IllegalArgumentException.class, () -> s.videos.saveRemote(otherHost));

        Video remote = s.videos.saveRemote(remoteVideo(UUID.randomUUID(), channel.id(), "x"));
        assertThrows("a second video with the uuid", IllegalArgumentException.class,
                () -> s.videos.saveRemote(withUrl(remoteVideo(UUID.fromString(remote.uuid()), channel.id(), "y"),
                        ORIGIN_URL + "/videos/watch/other")));
        s.actors.saveRemote(person("carl"));
        Actor other = s.actors.saveRemote(group("carl_channel", "carl"));
        assertThrows("the url belongs to another channel", IllegalArgumentException.class,
                () -> s.videos.saveRemote(withUrl(remoteVideo(UUID.randomUUID(), other.id(), "x"), remote.url())));
        assertEquals(2, s.videos.count());
        assertEquals("mine", s.videos.findById(mine.id()).orElseThrow().name());
    }

    @Test
    public void concurrentFirstSavesOfOneRemoteVideoMakeOneRow() throws Exception {
        Actor channel = remoteChannel();
        RemoteVideo video = remoteVideo(UUID.randomUUID(), channel.id(), "Race");
        List<Video> saved = concurrently(4, () -> s.videos.saveRemote(video));
        assertEquals(1, saved.stream().map(Video::id).distinct().count());
        assertEquals(1, s.videos.count());
        assertEquals(3, s.videos.files(saved.get(0).id()).size());
    }

    @Test
    public void remoteFilesAreNeverServedByNameAndCountAgainstNoQuota() {
        User alice = user("alice");
        long local = s.channels.channelsOf(alice.accountId()).get(0).id();
        Video mine = s.videos.create(NewVideo.published(local, "mine"));
        s.videos.storeRenditions(mine.id(), 30, List.of(new NewVideoFile(480, 30, 500, ".mp4", "local-480.mp4",
                "local-480.torrent", "aa")), null, null, List.of(), VideoState.PUBLISHED);
        long quota = s.users.videoQuotaUsed(alice.id());
        assertEquals(500, quota);

        Video remote = s.videos.saveRemote(remoteVideo(UUID.randomUUID(), remoteChannel().id(), "remote"));
        assertTrue(s.videos.findFileByFilename("abc-720.mp4").isEmpty());
        assertTrue(s.videos.findFileByTorrentFilename("abc-720.torrent").isEmpty());
        assertTrue(s.videos.findFileByFilename("h-720-fragmented.mp4").isEmpty());
        assertEquals(mine.id(), s.videos.findFileByFilename("local-480.mp4").orElseThrow().videoId());
        assertEquals(mine.id(), s.videos.findFileByTorrentFilename("local-480.torrent").orElseThrow().videoId());
        assertEquals(quota, s.users.videoQuotaUsed(alice.id()));
        assertEquals(3, s.videos.files(remote.id()).size());
    }

    @Test
    public void aRemoteVideoIsDeletedWithItsFilesCommentsAndWords() {
        Actor bob = s.actors.saveRemote(person("bob"));
        Actor channel = s.actors.saveRemote(group("bob_channel", "bob"));
        Video v = s.videos.saveRemote(remoteVideo(UUID.randomUUID(), channel.id(), "Volcano"));
        s.comments.createRemote(v.id(), bob.id(), null, "hi", ORIGIN_URL + "/comments/1", null);
        assertTrue(s.videos.delete(v.id()));
        assertTrue(s.videos.findByUrl(v.url()).isEmpty());
        assertEquals(List.of(), s.videos.files(v.id()));
        assertTrue(s.videos.hlsPlaylist(v.id()).isEmpty());
        assertEquals(0, s.comments.count());
        assertEquals(0, new VideoSearchImpl(s.jpa, s.identity, s.schema, s.changes, s.videoCache)
                .videos(VideoSearchQuery.words("volcano"), PageRequest.of(0, 10, "-match")).total());
    }

    // ---- remote comments

    @Test
    public void aRemoteCommentIsStoredOnceWithItsUrlAndPublicationTime() throws Exception {
        Actor bob = s.actors.saveRemote(person("bob"));
        Actor channel = s.actors.saveRemote(group("bob_channel", "bob"));
        Video v = s.videos.saveRemote(remoteVideo(UUID.randomUUID(), channel.id(), "Volcano"));
        String url = ORIGIN_URL + "/videos/watch/" + v.uuid() + "/comments/7";
        Instant published = Instant.parse("2026-02-03T04:05:06Z");

        List<Comment> comments = concurrently(4, () -> s.comments.createRemote(v.id(), bob.id(), null, "Nice", url,
                published));
        assertEquals(1, comments.stream().map(Comment::id).distinct().count());
        Comment c = comments.get(0);
        assertEquals(url, c.url());
        assertEquals(published, c.createdAt());
        assertEquals(ORIGIN, c.account().host());
        assertEquals(c, s.comments.findByUrl(url).orElseThrow());
        assertEquals(1, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(1, s.comments.count());

        User alice = user("alice");
        Comment reply = s.comments.create(v.id(), alice.accountId(), c.id(), "Thanks");
        Comment remoteReply = s.comments.createRemote(v.id(), bob.id(), reply.id(), "Welcome",
                url.replace("/7", "/8"), null);
        assertEquals(Long.valueOf(c.id()), remoteReply.threadId());
        assertEquals(Long.valueOf(reply.id()), remoteReply.inReplyToId());
        assertEquals(3, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(reply, s.comments.findByUrl(reply.url()).orElseThrow());
        assertTrue(s.comments.findByUrl(ORIGIN_URL + "/nothing").isEmpty());
    }

    @Test
    public void aRemoteCommentNeedsItsVideoARemoteAccountAndText() {
        Actor bob = s.actors.saveRemote(person("bob"));
        User alice = user("alice");
        Video v = s.videos.create(NewVideo.published(s.channels.channelsOf(alice.accountId()).get(0).id(), "v"));
        String url = ORIGIN_URL + "/comments/1";
        assertThrows(NotFoundException.class, () -> s.comments.createRemote(9_999, bob.id(), null, "x", url, null));
        assertThrows(NotFoundException.class, () -> s.comments.createRemote(v.id(), 9_999, null, "x", url, null));
        assertThrows(NotFoundException.class, () -> s.comments.createRemote(v.id(), bob.id(), 9_999L, "x", url, null));
        assertThrows(IllegalArgumentException.class,
                () -> s.comments.createRemote(v.id(), alice.accountId(), null, "x", url, null));
        assertThrows(IllegalArgumentException.class, () -> s.comments.createRemote(v.id(), bob.id(), null, " ", url,
                null));
        assertThrows(IllegalArgumentException.class, () -> s.comments.createRemote(v.id(), bob.id(), null, "x", null,
                null));
        assertEquals(0, s.videos.findById(v.id()).orElseThrow().commentsCount());
        Comment onLocal = s.comments.createRemote(v.id(), bob.id(), null, "x", url, null);
        assertEquals(1, s.videos.findById(v.id()).orElseThrow().commentsCount());
        assertEquals(v.id(), onLocal.videoId());
    }

    // ---- follows by url and state

    @Test
    public void followsAreFoundByUrlAndAUrlNamesOneFollow() {
        User alice = user("alice");
        Actor bob = s.actors.saveRemote(person("bob"));
        Actor dan = s.actors.saveRemote(person("dan"));
        String url = ORIGIN_URL + "/accounts/bob/follows/abc";
        Follow f = s.follows.create(bob.id(), alice.accountId(), FollowState.PENDING, url);
        assertEquals(url, f.url());
        assertEquals(f, s.follows.findByUrl(url).orElseThrow());
        assertThrows(DuplicateException.class,
                () -> s.follows.create(dan.id(), alice.accountId(), FollowState.PENDING, url));
        Follow local = s.follows.create(alice.accountId(), bob.id(), FollowState.PENDING, null);
        assertEquals(Stores.PUBLIC_URL + "/accounts/alice/follows/" + bob.id(), local.url());
        assertTrue(s.follows.findByUrl(ORIGIN_URL + "/nothing").isEmpty());
    }

    @Test
    public void onlyAcceptedFollowsCountAndStateChangesMoveBothCounters() {
        User alice = user("alice");
        Actor bob = s.actors.saveRemote(person("bob"));
        Follow f = s.follows.create(bob.id(), alice.accountId(), FollowState.PENDING, ORIGIN_URL + "/follows/1");
        assertCounters(alice.accountId(), 0, 0);
        assertCounters(bob.id(), 0, 0);

        Follow accepted = s.follows.setState(f.id(), FollowState.ACCEPTED);
        assertEquals(FollowState.ACCEPTED, accepted.state());
        assertCounters(alice.accountId(), 1, 0);
        assertCounters(bob.id(), 0, 1);
        s.follows.setState(f.id(), FollowState.ACCEPTED);
        assertCounters(alice.accountId(), 1, 0);

        s.follows.setState(f.id(), FollowState.REJECTED);
        assertCounters(alice.accountId(), 0, 0);
        assertCounters(bob.id(), 0, 0);
        s.follows.setState(f.id(), FollowState.PENDING);
        assertCounters(alice.accountId(), 0, 0);

        s.follows.setState(f.id(), FollowState.ACCEPTED);
        assertTrue(s.follows.delete(bob.id(), alice.accountId()));
        assertCounters(alice.accountId(), 0, 0);
        assertCounters(bob.id(), 0, 0);
        assertThrows(NotFoundException.class, () -> s.follows.setState(f.id(), FollowState.ACCEPTED));
    }

    @Test
    public void concurrentAcceptedFollowsOfOneActorAllCount() throws Exception {
        User alice = user("alice");
        List<Actor> followers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            followers.add(s.actors.saveRemote(person("f" + i)));
        }
        List<Integer> indexes = List.of(0, 1, 2, 3, 4, 5);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Follow>> futures = new ArrayList<>();
            for (int i : indexes) {
                futures.add(pool.submit(() -> s.follows.create(followers.get(i).id(), alice.accountId(),
                        FollowState.ACCEPTED, ORIGIN_URL + "/follows/" + i)));
            }
            for (Future<Follow> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertCounters(alice.accountId(), 6, 0);
    }

    @Test
    public void followersArePagedNewestFirstInAnyState() {
        User alice = user("alice");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Actor follower = s.actors.saveRemote(person("f" + i));
            ids.add(s.follows.create(follower.id(), alice.accountId(),
                    i == 1 ? FollowState.ACCEPTED : FollowState.PENDING, ORIGIN_URL + "/follows/" + i).id());
        }
        s.jpa.tx(em -> {   // distinct times: one millisecond apart may not be
            for (int i = 0; i < 3; i++) {
                em.find(org.vidiverse.storage.internal.entity.FollowEntity.class, ids.get(i))
                        .setCreatedAt(Date.from(Instant.parse("2026-01-0" + (i + 1) + "T00:00:00Z")));
            }
        });
        Page<Follow> first = s.follows.followersOf(alice.accountId(), PageRequest.of(0, 2, "-createdAt"));
        assertEquals(3, first.total());
        assertEquals(List.of(ids.get(2), ids.get(1)), first.data().stream().map(Follow::id).toList());
        assertEquals(List.of(ids.get(0)), s.follows.followersOf(alice.accountId(), PageRequest.of(2, 2,
                "-createdAt")).data().stream().map(Follow::id).toList());
        assertEquals("f2", first.data().get(0).follower().name());
        assertEquals(ORIGIN, first.data().get(0).follower().host());
        assertEquals(3, s.follows.followersOf(alice.accountId()).size());
    }

    // ---- schema

    @Test
    public void stepSixBringsADatabaseFromBeforeFederationUpToDate() {
        // (the video table keeps its new columns: Derby 10.14 fails to drop a column of a table with its indexes)
        sql("ALTER TABLE video_file DROP COLUMN file_url", "ALTER TABLE video_file DROP COLUMN torrent_url",
                "ALTER TABLE video_streaming_playlist DROP COLUMN playlist_url",
                "ALTER TABLE video_streaming_playlist DROP COLUMN segments_sha256_url",
                "DROP TABLE received_activity", "ALTER TABLE actor_follow DROP CONSTRAINT uq_actor_follow_url",
                "DROP INDEX idx_comment_url", "DELETE FROM schema_version WHERE version >= 6");
        if (isDerby()) {   // as OpenJPA made it there before step 6
            sql("ALTER TABLE account ALTER COLUMN user_id NOT NULL");
        }
        assertEquals(5, s.schema.version());

        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());

        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                for (FederationSchema.Column column : FederationSchema.COLUMNS) {
                    assertTrue(column.name(), FederationSchema.columnExists(c, column.table(), column.name()));
                }
                assertTrue(FederationSchema.tableExists(c, "received_activity"));
                assertTrue(FederationSchema.nullable(c, "account", "user_id"));
                assertTrue(FederationSchema.uniqueExists(c, "actor_follow", "url"));
                for (IndexSpec index : FederationSchema.INDEXES) {
                    assertTrue(index.name(), index.exists(c));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Video v = s.videos.saveRemote(remoteVideo(UUID.randomUUID(), remoteChannel().id(), "After"));
        assertEquals(3, s.videos.files(v.id()).size());
        s.actors.instanceActor();
        assertTrue(s.actors.firstDelivery("https://a.example/1"));
        assertFalse(s.actors.firstDelivery("https://a.example/1"));
    }

    // ---- helpers

    private boolean isDerby() {
        return s.info.database().startsWith("Apache Derby");
    }

    private void sql(String... statements) {
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class); Statement st = c.createStatement()) {
                for (String statement : statements) {
                    st.executeUpdate(statement);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void assertCounters(long actorId, long followers, long following) {
        Actor actor = s.actors.find(actorId).orElseThrow();
        assertEquals("followers of " + actor.name(), followers, actor.followersCount());
        assertEquals("following of " + actor.name(), following, actor.followingCount());
    }

    protected User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1,
                name.equals("alice") ? "Alice A." : null));
    }

    static RemoteActor person(String name) {
        String url = ORIGIN_URL + "/accounts/" + name;
        return new RemoteActor(ActorType.PERSON, url, name, ORIGIN, name + " the builder", "About " + name,
                url + "/inbox", ORIGIN_URL + "/inbox", url + "/outbox", url + "/followers", url + "/following",
                "PEM " + name, null, null);
    }

    static RemoteActor group(String name, String owner) {
        String url = ORIGIN_URL + "/video-channels/" + name;
        return new RemoteActor(ActorType.GROUP, url, name, ORIGIN, "Main " + name, "About " + name, url + "/inbox",
                ORIGIN_URL + "/inbox", url + "/outbox", url + "/followers", url + "/following", "PEM " + name,
                ORIGIN_URL + "/accounts/" + owner, "Give to " + name);
    }

    private Actor remoteChannel() {
        s.actors.saveRemote(person("bob"));
        return s.actors.saveRemote(group("bob_channel", "bob"));
    }

    static RemoteVideo remoteVideo(UUID uuid, long channelId, String name) {
        String hls = ORIGIN_URL + "/static/streaming-playlists/hls/" + uuid + "/";
        return new RemoteVideo(ORIGIN_URL + "/videos/watch/" + uuid, uuid.toString(), name, "About " + name, null,
                30, 15, 1, "en", List.of("lava", "nature"), false, true, true, false, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 42, channelId, Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-03T03:04:05Z"), Instant.parse("2020-05-05T00:00:00Z"),
                ORIGIN_URL + "/lazy-static/thumbnails/t.jpg", ORIGIN_URL + "/lazy-static/previews/p.jpg",
                List.of(new RemoteVideo.File(720, 1234, 30, ORIGIN_URL + "/static/web-videos/abc-720.mp4",
                        ORIGIN_URL + "/lazy-static/torrents/abc-720.torrent",
                        "e084c514d64d84b41d7d7f9910317550ceaa8ac3")),
                hls + "m-master.m3u8", hls + "s-segments-sha256.json",
                List.of(new RemoteVideo.File(720, 999, 30, hls + "h-720-fragmented.mp4",
                                ORIGIN_URL + "/lazy-static/torrents/h-720-hls.torrent",
                                "1b28c34221d721b0258b8632bdd2ca52480473c6"),
                        new RemoteVideo.File(240, 99, 30, hls + "h-240-fragmented.mp4", null, null)));
    }

    static RemoteVideo withUrl(RemoteVideo r, String url) {
        return new RemoteVideo(url, r.uuid(), r.name(), r.description(), r.support(), r.durationSeconds(),
                r.category(), r.licence(), r.language(), r.tags(), r.nsfw(), r.commentsEnabled(), r.downloadEnabled(),
                r.waitTranscoding(), r.privacy(), r.state(), r.views(), r.channelActorId(), r.publishedAt(),
                r.updatedAt(), r.originallyPublishedAt(), r.thumbnailUrl(), r.previewUrl(), r.webVideos(),
                r.hlsPlaylistUrl(), r.segmentsSha256Url(), r.hlsFiles());
    }

    /** Runs {@code task} on {@code threads} threads released together; returns their results. */
    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
