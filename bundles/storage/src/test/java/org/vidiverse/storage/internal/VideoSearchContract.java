package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.VideoSearch.ChannelMatch;
import org.vidiverse.api.store.VideoSearchQuery;
import org.vidiverse.storage.internal.entity.VideoEntity;

/** Search behaviour every database must show; subclasses provide a fresh, empty database per test. */
public abstract class VideoSearchContract {
    protected Stores s;
    protected VideoSearchImpl search;
    private Channel channel;

    protected abstract DataSource createDatabase() throws Exception;

    protected abstract void dropDatabase() throws Exception;

    @Before
    public void open() throws Exception {
        s = new Stores(createDatabase());
        search = new VideoSearchImpl(s.jpa, s.identity, s.schema, s.changes, s.videoCache);
        channel = channelOf("alice", "Alice A.");
    }

    @After
    public void close() throws Exception {
        if (s != null) {
            s.close();
        }
        dropDatabase();
    }

    @Test
    public void wordsMatchNameTagsAndDescriptionRegardlessOfCaseAndAccents() {
        Video name = video("Mountain bike in the Alps", null, List.of());
        Video tag = video("Ride", null, List.of("MOUNTAIN"));
        Video description = video("Walk", "A walk up the mountain, then down", List.of());
        Video accent = video("Crème brûlée", null, List.of());
        video("Sea kayak", "waves", List.of("ocean"));

        assertEquals(Set.of(name.id(), tag.id(), description.id()), Set.copyOf(ids(words("mountain"))));
        assertEquals(List.of(accent.id()), ids(words("CREME Brulee")));
        assertEquals(List.of(accent.id()), ids(words("brûl")));
    }

    @Test
    public void everyWordMustMatchAndLongEnoughWordsMatchAsPrefixes() {
        Video both = video("Mountain lake at dawn", null, List.of());
        video("Mountain pass", null, List.of());
        video("Lake shore", null, List.of());

        assertEquals(List.of(both.id()), ids(words("moun lake")));
        assertEquals(2, words("lak").total());
        assertEquals(0, words("mo").total());   // two letters: whole words only
        assertEquals(1, words("dawn at").total());   // common words are not required
        assertEquals(0, words("mountain volcano").total());
    }

    @Test
    public void matchRanksNameAboveTagAboveDescriptionThenNewestFirst() {
        Video description = video("One", "about a volcano", List.of());
        Video tag = video("Two", null, List.of("volcano"));
        Video name = video("Volcano three", null, List.of());
        Video nameAndTag = video("Volcano four", null, List.of("volcano"));
        Video olderName = video("Volcano five", null, List.of());
        edit(olderName, v -> v.setPublishedAt(Date.from(Instant.parse("2020-01-01T00:00:00Z"))));

        assertEquals(List.of(nameAndTag.id(), name.id(), olderName.id(), tag.id(), description.id()),
                ids(words("volcano")));
        assertEquals(List.of(description.id(), tag.id()),
                ids(search.videos(VideoSearchQuery.words("volcano"), PageRequest.of(0, 2, "match"))));
    }

    @Test
    public void onlyPublicPublishedVideosAreFound() {
        Video visible = video("Glacier", null, List.of());
        for (VideoPrivacy privacy : List.of(VideoPrivacy.UNLISTED, VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL)) {
            s.videos.create(new NewVideo(channel.id(), "Glacier " + privacy, null, null, privacy,
                    VideoState.PUBLISHED, 0, null, null, null, List.of(), false, true, true, false));
        }
        s.videos.create(new NewVideo(channel.id(), "Glacier transcoding", null, null, VideoPrivacy.PUBLIC,
                VideoState.TO_TRANSCODE, 0, null, null, null, List.of(), false, true, true, false));

        assertEquals(List.of(visible.id()), ids(words("glacier")));
        assertEquals(List.of(visible.id()), ids(search.videos(query(null, q -> { }), PageRequest.of(0, 10, "-match"))));
    }

    @Test
    public void filtersNarrowWordsAndWorkWithoutWords() {
        Video a = s.videos.create(new NewVideo(channel.id(), "River trip", null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 600, 6, 1, "fr", List.of("Canoe", "summer"), false, true, true, false));
        Video b = s.videos.create(new NewVideo(channel.id(), "River fish", null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 60, 16, 2, null, List.of("fish"), true, true, true, false));
        Video c = s.videos.create(new NewVideo(channel.id(), "River song", null, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 200, 1, 7, "en", List.of("summer", "song"), false, true, true, false));
        edit(a, v -> v.setPublishedAt(Date.from(Instant.parse("2024-03-01T00:00:00Z"))));
        edit(b, v -> {
            v.setLocal(false);
            v.setOriginallyPublishedAt(Date.from(Instant.parse("1999-05-05T00:00:00Z")));
        });

        for (String words : new String[] {"river", null}) {
            assertEquals(Set.of(a.id(), c.id()), found(words, q -> q.categoryOneOf = Set.of(6, 1)));
            assertEquals(Set.of(b.id()), found(words, q -> q.licenceOneOf = Set.of(2)));
            assertEquals(Set.of(a.id(), b.id()), found(words, q -> q.languageOneOf = Set.of("fr", "_unknown")));
            assertEquals(Set.of(b.id()), found(words, q -> q.languageOneOf = Set.of("_unknown")));
            assertEquals(Set.of(a.id(), c.id()), found(words, q -> q.tagsOneOf = Set.of("SUMMER", "nothing")));
            assertEquals(Set.of(c.id()), found(words, q -> q.tagsAllOf = Set.of("summer", "Song")));
            assertEquals(Set.of(b.id()), found(words, q -> q.nsfw = true));
            assertEquals(Set.of(a.id(), c.id()), found(words, q -> q.nsfw = false));
            assertEquals(Set.of(c.id()), found(words, q -> {
                q.durationMin = 100;
                q.durationMax = 300;
            }));
            assertEquals(Set.of(a.id()), found(words, q -> q.endDate = Instant.parse("2025-01-01T00:00:00Z")));
            assertEquals(Set.of(b.id(), c.id()), found(words, q -> q.startDate = Instant.parse("2025-01-01T00:00:00Z")));
            assertEquals(Set.of(b.id()), found(words, q -> {
                q.originallyPublishedStartDate = Instant.parse("1999-01-01T00:00:00Z");
                q.originallyPublishedEndDate = Instant.parse("2000-01-01T00:00:00Z");
            }));
            assertEquals(Set.of(b.id()), found(words, q -> q.local = false));
            assertEquals(Set.of(a.id(), c.id()), found(words, q -> q.local = true));
        }
    }

    @Test
    public void pagesCountEveryMatchAndSortOnAnyField() {
        Video few = video("Forest one", null, List.of());
        Video many = video("Forest two", null, List.of());
        Video some = video("Forest three", null, List.of());
        video("Desert", null, List.of());
        edit(few, v -> v.setViews(1));
        edit(many, v -> v.setViews(100));
        edit(some, v -> v.setViews(10));

        Page<Video> page = search.videos(VideoSearchQuery.words("forest"), PageRequest.of(1, 1, "-views"));
        assertEquals(3, page.total());
        assertEquals(List.of(some.id()), ids(page));
        assertEquals(List.of(few.id(), some.id(), many.id()),
                ids(search.videos(VideoSearchQuery.words("forest"), PageRequest.of(0, 10, "name"))));
        assertEquals(3, search.videos(VideoSearchQuery.words("forest"), PageRequest.of(5, 10, "-match")).total());
        assertEquals(List.of(), ids(search.videos(VideoSearchQuery.words("forest"), PageRequest.of(5, 10, "-match"))));
        assertThrows(IllegalArgumentException.class,
                () -> search.videos(VideoSearchQuery.words("forest"), PageRequest.of(0, 10, "password")));
    }

    @Test
    public void foundVideosCarryTheirTags() {
        video("Canyon", null, List.of("Utah", "desert"));
        assertEquals(List.of("Utah", "desert"), words("canyon").data().get(0).tags());
    }

    @Test
    public void commonWordsAreIgnoredUnlessTheyAreTheWholeSearch() {
        Video v = video("The island", "the best of the island", List.of());
        assertEquals(List.of(v.id()), ids(words("the island")));
        assertEquals(List.of(v.id()), ids(words("the")));   // found through the name
    }

    @Test
    public void deletingAVideoRemovesItsWords() {
        Video v = video("Tundra", "cold", List.of("arctic"));
        assertTrue(words(v) > 0);
        s.videos.delete(v.id());
        assertEquals(0, words(v));
        assertEquals(0, words("tundra").total());
    }

    @Test
    public void rebuildIndexesVideosThatHaveNoWordsYet() {
        Video v = video("Savanna", "lions", List.of("africa"));
        s.jpa.tx(em -> em.createQuery("DELETE FROM VideoSearchWordEntity w").executeUpdate());
        assertEquals(0, words("lions").total());
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                assertEquals(1, SearchIndex.rebuild(c));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(List.of(v.id()), ids(words("lions africa savanna")));
    }

    @Test
    public void channelsMatchNameOrDisplayNameWithTheirOwner() {
        Channel root = channelOf("root", null);
        Channel cafe = channelOf("barista", null);
        s.jpa.tx(em -> em.find(org.vidiverse.storage.internal.entity.ChannelEntity.class, cafe.id())
                .setDisplayName("Café Crème"));

        Page<ChannelMatch> page = search.channels("cafe", PageRequest.of(0, 10, "-match"));
        assertEquals(1, page.total());
        ChannelMatch match = page.data().get(0);
        assertEquals("barista_channel", match.channel().name());
        assertEquals("barista", match.owner().name());
        assertEquals(List.of(root.id()), search.channels("ROOT_chan", new PageRequest(0, 10, null, false)).data().stream()
                .map(m -> m.channel().id()).toList());
        assertEquals(3, search.channels("channel", PageRequest.of(0, 10, "displayName")).total());
        assertEquals(3, search.channels(null, PageRequest.of(0, 10, "-createdAt")).total());
        assertEquals(List.of(cafe.id()), search.channels(" ", PageRequest.of(0, 1, "-createdAt")).data().stream()
                .map(m -> m.channel().id()).toList());
        assertThrows(IllegalArgumentException.class, () -> search.channels("x", PageRequest.of(0, 10, "views")));
    }

    @Test
    public void wordLookupsHaveAnIndexLedByTheWord() {
        s.jpa.tx(em -> {
            try (Connection c = em.unwrap(Connection.class)) {
                assertTrue(new IndexSpec("idx_search_word", "video_search_word", "word, video_id, field").exists(c));
                assertTrue(new IndexSpec("idx_search_word_video", "video_search_word", "video_id").exists(c));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- helpers

    /** The fields of a {@link VideoSearchQuery}, to set a few at a time. */
    static final class QueryFields {
        Set<Integer> categoryOneOf;
        Set<Integer> licenceOneOf;
        Set<String> languageOneOf;
        Set<String> tagsOneOf;
        Set<String> tagsAllOf;
        Boolean nsfw;
        Integer durationMin;
        Integer durationMax;
        Instant startDate;
        Instant endDate;
        Instant originallyPublishedStartDate;
        Instant originallyPublishedEndDate;
        Boolean local;
    }

    private static VideoSearchQuery query(String words, Consumer<QueryFields> fields) {
        QueryFields q = new QueryFields();
        fields.accept(q);
        return new VideoSearchQuery(words, q.categoryOneOf, q.licenceOneOf, q.languageOneOf, q.tagsOneOf,
                q.tagsAllOf, q.nsfw, q.durationMin, q.durationMax, q.startDate, q.endDate,
                q.originallyPublishedStartDate, q.originallyPublishedEndDate, q.local);
    }

    private Set<Long> found(String words, Consumer<QueryFields> fields) {
        return Set.copyOf(ids(search.videos(query(words, fields), PageRequest.of(0, 100, "-match"))));
    }

    private Page<Video> words(String words) {
        return search.videos(VideoSearchQuery.words(words), PageRequest.of(0, 100, "-match"));
    }

    private long words(Video v) {
        return s.jpa.txExpr(em -> em.createQuery("SELECT COUNT(w) FROM VideoSearchWordEntity w WHERE w.videoId = :id",
                Long.class).setParameter("id", v.id()).getSingleResult());
    }

    private Channel channelOf(String user, String displayName) {
        long account = s.users.create(new NewUser(user, user + "@example.org", "hash", UserRole.USER, -1, -1,
                displayName)).accountId();
        return s.channels.channelsOf(account).get(0);
    }

    private Video video(String name, String description, List<String> tags) {
        return s.videos.create(new NewVideo(channel.id(), name, description, null, VideoPrivacy.PUBLIC,
                VideoState.PUBLISHED, 0, null, null, null, tags, false, true, true, false));
    }

    private void edit(Video video, Consumer<VideoEntity> change) {
        s.jpa.tx(em -> change.accept(em.find(VideoEntity.class, video.id())));
    }

    private static List<Long> ids(Page<Video> page) {
        return page.data().stream().map(Video::id).toList();
    }
}
