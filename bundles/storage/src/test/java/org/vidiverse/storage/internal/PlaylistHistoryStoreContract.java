package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.model.WatchedVideo;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.PlaylistQuery;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.api.store.PlaylistStore.Change;

/** Playlists and watch history on a real database; subclasses give a fresh, empty one per test. */
public abstract class PlaylistHistoryStoreContract {
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

    // ---- playlists

    @Test
    public void everyUserGetsAPrivateWatchLaterPlaylistThatStaysAsItIs() {
        User alice = user("alice", UserRole.USER);
        VideoPlaylist later = s.playlists.watchLaterOf(alice.accountId()).orElseThrow();
        assertEquals(VideoPlaylistType.WATCH_LATER, later.type());
        assertEquals(VideoPlaylistPrivacy.PRIVATE, later.privacy());
        assertEquals(PlaylistStore.WATCH_LATER_NAME, later.displayName());
        assertNull(later.channel());
        assertEquals(alice.accountId(), later.owner().id());
        assertEquals(Stores.PUBLIC_URL + "/video-playlists/" + later.uuid(), later.url());
        assertEquals(later, s.playlists.findByShortUuid(later.shortUuid()).orElseThrow());

        assertThrows(IllegalArgumentException.class,
                () -> s.playlists.update(later.id(), new Change("Renamed", null, null, null, false)));
        assertThrows(IllegalArgumentException.class, () -> s.playlists.delete(later.id()));
        assertEquals(PlaylistStore.WATCH_LATER_NAME, s.playlists.findById(later.id()).orElseThrow().displayName());
        assertEquals(1, s.playlists.count());
    }

    @Test
    public void publicAndUnlistedPlaylistsNeedOneOfTheOwnersChannels() {
        User alice = user("alice", UserRole.USER);
        User bob = user("bob", UserRole.USER);
        long before = s.playlists.count();
        assertInvalid("videoChannelId", () -> s.playlists.create(alice.accountId(), "Mine", null,
                VideoPlaylistPrivacy.PUBLIC, null));
        assertInvalid("videoChannelId", () -> s.playlists.create(alice.accountId(), "Mine", null,
                VideoPlaylistPrivacy.UNLISTED, null));
        assertInvalid("videoChannelId", () -> s.playlists.create(alice.accountId(), "Mine", null,
                VideoPlaylistPrivacy.PUBLIC, channelOf(bob)));
        assertInvalid("videoChannelId", () -> s.playlists.create(alice.accountId(), "Mine", null,
                VideoPlaylistPrivacy.PRIVATE, 999_999L));
        assertInvalid("displayName", () -> s.playlists.create(alice.accountId(), "x".repeat(121), null,
                VideoPlaylistPrivacy.PRIVATE, null));
        assertInvalid("displayName", () -> s.playlists.create(alice.accountId(), " ", null,
                VideoPlaylistPrivacy.PRIVATE, null));
        assertInvalid("description", () -> s.playlists.create(alice.accountId(), "Mine", "ab",
                VideoPlaylistPrivacy.PRIVATE, null));
        assertEquals("nothing half-written", before, s.playlists.count());

        VideoPlaylist mine = s.playlists.create(alice.accountId(), "Mine", "My favourites",
                VideoPlaylistPrivacy.PRIVATE, null);
        assertInvalid("videoChannelId", () -> s.playlists.update(mine.id(),
                new Change(null, null, VideoPlaylistPrivacy.PUBLIC, null, false)));
        assertEquals(VideoPlaylistPrivacy.PRIVATE, s.playlists.findById(mine.id()).orElseThrow().privacy());

        VideoPlaylist shown = s.playlists.update(mine.id(), new Change("Shown", "", VideoPlaylistPrivacy.PUBLIC,
                channelOf(alice), false));
        assertEquals("Shown", shown.displayName());
        assertNull(shown.description());
        assertEquals(channelOf(alice), shown.channel().id());
        assertInvalid("videoChannelId", () -> s.playlists.update(mine.id(), new Change(null, null, null, null, true)));
        VideoPlaylist hidden = s.playlists.update(mine.id(), new Change(null, null, VideoPlaylistPrivacy.PRIVATE,
                null, true));
        assertNull(hidden.channel());
        assertTrue(s.playlists.delete(mine.id()));
        assertFalse(s.playlists.delete(mine.id()));
    }

    @Test
    public void positionsStayDenseThroughRemovalsAndReorders() {
        User alice = user("alice", UserRole.USER);
        long p = s.playlists.create(alice.accountId(), "Five", null, VideoPlaylistPrivacy.PRIVATE, null).id();
        List<Video> v = new ArrayList<>();
        List<Long> elements = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            v.add(video(alice, "v" + i, VideoPrivacy.PUBLIC));
            elements.add(s.playlists.addElement(p, v.get(i - 1).id(), i == 1 ? 10 : null, i == 1 ? 20 : null).id());
        }
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5"), names(p));
        VideoPlaylistElement first = s.playlists.findElement(p, elements.get(0)).orElseThrow();
        assertEquals(Integer.valueOf(10), first.startTimestamp());
        assertEquals(Integer.valueOf(20), first.stopTimestamp());

        s.playlists.removeElement(p, elements.get(1));
        assertEquals(List.of("v1", "v3", "v4", "v5"), names(p));
        assertDense(p);

        s.playlists.reorder(p, 1, 3, 2);
        assertEquals(List.of("v4", "v1", "v3", "v5"), names(p));
        s.playlists.reorder(p, 4, 0, 1);
        assertEquals(List.of("v5", "v4", "v1", "v3"), names(p));
        s.playlists.reorder(p, 2, 2, 2);
        assertEquals("inserting after the block itself changes nothing", List.of("v5", "v4", "v1", "v3"), names(p));
        s.playlists.reorder(p, 1, 4, 1);
        assertEquals(List.of("v4", "v1", "v3", "v5"), names(p));
        assertDense(p);

        assertInvalid("startPosition", () -> s.playlists.reorder(p, 5, 0, 1));
        assertInvalid("startPosition", () -> s.playlists.reorder(p, 0, 0, 1));
        assertInvalid("insertAfterPosition", () -> s.playlists.reorder(p, 1, 5, 1));
        assertInvalid("reorderLength", () -> s.playlists.reorder(p, 3, 0, 3));
        assertEquals(List.of("v4", "v1", "v3", "v5"), names(p));

        s.playlists.updateElement(p, elements.get(0), null, 7);
        VideoPlaylistElement updated = s.playlists.findElement(p, elements.get(0)).orElseThrow();
        assertNull(updated.startTimestamp());
        assertEquals(Integer.valueOf(7), updated.stopTimestamp());
        assertInvalid("startTimestamp", () -> s.playlists.updateElement(p, elements.get(0), -1, null));
        assertEquals(4, s.playlists.findById(p).orElseThrow().videosLength());
    }

    @Test
    public void elementsOfAnotherPlaylistAreNotFound() {
        User alice = user("alice", UserRole.USER);
        long mine = s.playlists.create(alice.accountId(), "Mine", null, VideoPlaylistPrivacy.PRIVATE, null).id();
        long other = s.playlists.watchLaterOf(alice.accountId()).orElseThrow().id();
        long element = s.playlists.addElement(other, video(alice, "v", VideoPrivacy.PUBLIC).id(), null, null).id();
        assertTrue(s.playlists.findElement(mine, element).isEmpty());
        assertThrows(NotFoundException.class, () -> s.playlists.updateElement(mine, element, 1, 2));
        assertThrows(NotFoundException.class, () -> s.playlists.removeElement(mine, element));
        assertThrows(NotFoundException.class, () -> s.playlists.addElement(mine, 999_999, null, null));
        assertThrows(NotFoundException.class, () -> s.playlists.addElement(999_999, element, null, null));
        assertThrows(NotFoundException.class, () -> s.playlists.reorder(999_999, 1, 0, 1));
        assertEquals(1, s.playlists.findById(other).orElseThrow().videosLength());
        assertEquals(0, s.playlists.findById(mine).orElseThrow().videosLength());
    }

    @Test
    public void aDeletedVideoLeavesAnEmptyPlaceAndADeletedChannelTakesItsPlaylists() {
        User alice = user("alice", UserRole.USER);
        User bob = user("bob", UserRole.USER);
        long later = s.playlists.watchLaterOf(bob.accountId()).orElseThrow().id();
        Video gone = video(alice, "gone", VideoPrivacy.PUBLIC);
        s.playlists.addElement(later, gone.id(), null, null);
        s.playlists.addElement(later, video(alice, "kept", VideoPrivacy.PUBLIC).id(), null, null);
        s.history.record(bob.id(), gone.id(), 12);

        assertTrue(s.videos.delete(gone.id()));
        List<VideoPlaylistElement> left = s.playlists.elements(later, PageRequest.of(0, 10, "position")).data();
        assertEquals(2, left.size());
        assertNull(left.get(0).video());
        assertEquals("kept", left.get(1).video().name());
        assertTrue(s.history.currentTimes(bob.id(), List.of(gone.id())).isEmpty());

        long second = s.channels.createChannel(alice.accountId(), "alice_second", "Second", null, null).id();
        long onSecond = s.playlists.create(alice.accountId(), "On second", null, VideoPlaylistPrivacy.PUBLIC,
                second).id();
        s.playlists.addElement(onSecond, video(alice, "x", VideoPrivacy.PUBLIC).id(), null, null);
        s.channels.deleteChannel(second);
        assertTrue(s.playlists.findById(onSecond).isEmpty());
    }

    @Test
    public void concurrentAddsToOnePlaylistGetDistinctPositions() throws Exception {
        User alice = user("alice", UserRole.USER);
        long p = s.playlists.watchLaterOf(alice.accountId()).orElseThrow().id();
        int writers = 8;
        List<Long> videos = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            videos.add(video(alice, "v" + i, VideoPrivacy.PUBLIC).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (long video : videos) {
                done.add(pool.submit(() -> {
                    go.await();
                    return s.playlists.addElement(p, video, null, null);
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertDense(p);
        assertEquals(writers, s.playlists.findById(p).orElseThrow().videosLength());
    }

    @Test
    public void listingFiltersByPrivacyOwnerChannelTypeAndSearch() {
        User alice = user("alice", UserRole.USER);
        User bob = user("bob", UserRole.USER);
        s.playlists.create(alice.accountId(), "Mountain hikes", null, VideoPlaylistPrivacy.PUBLIC, channelOf(alice));
        s.playlists.create(alice.accountId(), "Secret 100%", null, VideoPlaylistPrivacy.PRIVATE, null);
        s.playlists.create(bob.accountId(), "Bob's music", null, VideoPlaylistPrivacy.PUBLIC, channelOf(bob));

        PageRequest page = PageRequest.of(0, 10, "displayName");
        assertEquals(List.of("Bob's music", "Mountain hikes"), titles(s.playlists.list(PlaylistQuery.publicOnly(),
                page)));
        assertEquals(List.of("Mountain hikes", "Secret 100%", "Watch later"),
                titles(s.playlists.list(PlaylistQuery.all().ofAccount(alice.accountId()), page)));
        assertEquals(List.of("Watch later"), titles(s.playlists.list(PlaylistQuery.all().ofAccount(alice.accountId())
                .withType(VideoPlaylistType.WATCH_LATER), page)));
        assertEquals(List.of("Bob's music"), titles(s.playlists.list(PlaylistQuery.all().ofChannel(channelOf(bob)),
                page)));
        assertEquals(List.of("Mountain hikes"), titles(s.playlists.list(PlaylistQuery.all().withSearch("MOUNT"),
                page)));
        assertEquals("% matches itself", List.of("Secret 100%"), titles(s.playlists.list(PlaylistQuery.all()
                .withSearch("0%"), page)));
        assertEquals(List.of(), titles(s.playlists.list(PlaylistQuery.all().withSearch("_"), page)));
        var second = s.playlists.list(PlaylistQuery.all(), PageRequest.of(1, 2, "-createdAt"));
        assertEquals(5, second.total());
        assertEquals(2, second.data().size());
        assertThrows(IllegalArgumentException.class, () -> s.playlists.list(PlaylistQuery.all(),
                PageRequest.of(0, 2, "videosLength")));
    }

    @Test
    public void elementsOfVideosLooksOnlyInTheAccountsPlaylists() {
        User alice = user("alice", UserRole.USER);
        User bob = user("bob", UserRole.USER);
        Video v = video(alice, "v", VideoPrivacy.PUBLIC);
        Video w = video(alice, "w", VideoPrivacy.PUBLIC);
        long later = s.playlists.watchLaterOf(alice.accountId()).orElseThrow().id();
        long e1 = s.playlists.addElement(later, v.id(), 3, null).id();
        long e2 = s.playlists.addElement(later, v.id(), null, null).id();
        s.playlists.addElement(s.playlists.watchLaterOf(bob.accountId()).orElseThrow().id(), w.id(), null, null);

        Map<Long, List<PlaylistStore.ElementOfVideo>> found = s.playlists.elementsOfVideos(alice.accountId(),
                List.of(v.id(), w.id(), 999_999L));
        assertEquals(List.of(v.id()), List.copyOf(found.keySet()));
        assertEquals(List.of(new PlaylistStore.ElementOfVideo(later, e1, 3, null),
                new PlaylistStore.ElementOfVideo(later, e2, null, null)), found.get(v.id()));
        assertTrue(s.playlists.elementsOfVideos(alice.accountId(), List.of()).isEmpty());
    }

    // ---- watch history

    @Test
    public void historyKeepsOneEntryPerVideoLastWatchedFirst() throws Exception {
        User alice = user("alice", UserRole.USER);
        Video a = video(alice, "Alpine lakes", VideoPrivacy.PUBLIC);
        Video b = video(alice, "Beach day", VideoPrivacy.PUBLIC);
        s.history.record(alice.id(), a.id(), 5);
        Thread.sleep(20);
        s.history.record(alice.id(), b.id(), 7);
        Thread.sleep(20);
        s.history.record(alice.id(), a.id(), 42);

        var page = s.history.list(alice.id(), null, PageRequest.of(0, 10, "-updatedAt"));
        assertEquals(2, page.total());
        assertEquals(List.of("Alpine lakes", "Beach day"), page.data().stream().map(w -> w.video().name()).toList());
        assertEquals(42, page.data().get(0).currentTime());
        assertEquals(Map.of(a.id(), 42, b.id(), 7), s.history.currentTimes(alice.id(), List.of(a.id(), b.id())));
        assertEquals(List.of("Beach day"), s.history.list(alice.id(), "BEACH", PageRequest.of(0, 10, "x")).data()
                .stream().map(w -> w.video().name()).toList());
        assertEquals(1, s.history.list(alice.id(), null, PageRequest.of(1, 1, "x")).data().size());

        assertThrows(NotFoundException.class, () -> s.history.record(alice.id(), 999_999, 1));
        assertThrows(NotFoundException.class, () -> s.history.record(999_999, a.id(), 1));
        assertEquals(2, s.history.list(alice.id(), null, PageRequest.of(0, 10, "x")).total());
    }

    @Test
    public void historyIsForgottenOneByOneOrBeforeADate() throws Exception {
        User alice = user("alice", UserRole.USER);
        Video a = video(alice, "a", VideoPrivacy.PUBLIC);
        Video b = video(alice, "b", VideoPrivacy.PUBLIC);
        Video c = video(alice, "c", VideoPrivacy.PUBLIC);
        s.history.record(alice.id(), a.id(), 1);
        s.history.record(alice.id(), b.id(), 1);
        Thread.sleep(50);
        Instant cut = Instant.now();
        Thread.sleep(50);
        s.history.record(alice.id(), c.id(), 1);

        assertTrue(s.history.remove(alice.id(), a.id()));
        assertFalse(s.history.remove(alice.id(), a.id()));
        assertEquals(1, s.history.removeAll(alice.id(), cut));
        assertEquals(List.of("c"), s.history.list(alice.id(), null, PageRequest.of(0, 10, "x")).data().stream()
                .map(w -> w.video().name()).toList());
        assertEquals(1, s.history.removeAll(alice.id(), null));
        assertEquals(0, s.history.list(alice.id(), null, PageRequest.of(0, 10, "x")).total());
    }

    @Test
    public void historyListsOnlyVideosTheUserMaySeeNow() {
        User alice = user("alice", UserRole.USER);
        User bob = user("bob", UserRole.USER);
        User mod = user("mod", UserRole.MODERATOR);
        Video secret = video(alice, "secret", VideoPrivacy.PUBLIC);
        Video own = video(bob, "own", VideoPrivacy.PRIVATE);
        for (User u : List.of(bob, mod)) {
            s.history.record(u.id(), secret.id(), 3);
        }
        s.history.record(bob.id(), own.id(), 3);
        s.videos.update(secret.id(), new org.vidiverse.api.model.VideoUpdate(null, null, null, VideoPrivacy.PRIVATE,
                null, null, null, null, null, null, null, null, null));

        assertEquals(List.of("own"), s.history.list(bob.id(), null, PageRequest.of(0, 10, "x")).data().stream()
                .map(WatchedVideo::video).map(Video::name).toList());
        assertEquals(1, s.history.list(mod.id(), null, PageRequest.of(0, 10, "x")).total());
    }

    // ---- helpers

    private User user(String name, UserRole role) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", role, -1, -1, name));
    }

    private long channelOf(User user) {
        return s.channels.channelsOf(user.accountId()).get(0).id();
    }

    private Video video(User owner, String name, VideoPrivacy privacy) {
        return s.videos.create(new NewVideo(channelOf(owner), name, null, null, privacy, VideoState.PUBLISHED, 60,
                null, null, null, List.of(), false, true, true, false));
    }

    private List<String> names(long playlist) {
        return s.playlists.elements(playlist, PageRequest.of(0, 100, "position")).data().stream()
                .map(e -> e.video().name()).toList();
    }

    private void assertDense(long playlist) {
        List<VideoPlaylistElement> all = s.playlists.elements(playlist, PageRequest.of(0, 100, "position")).data();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.stream().map(VideoPlaylistElement::position).toList().toString(), i + 1,
                    all.get(i).position());
        }
    }

    private static List<String> titles(org.vidiverse.api.model.Page<VideoPlaylist> page) {
        return page.data().stream().map(VideoPlaylist::displayName).toList();
    }

    private static void assertInvalid(String param, org.junit.function.ThrowingRunnable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(e.getMessage(), param, e.param());
    }
}
