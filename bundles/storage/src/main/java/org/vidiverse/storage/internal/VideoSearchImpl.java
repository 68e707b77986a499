package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.VideoSearch;
import org.vidiverse.api.store.VideoSearchQuery;
import org.vidiverse.storage.internal.entity.VideoEntity;

/**
 * Video and channel search over the local database, fast on 100,000 videos on Derby and PostgreSQL alike.
 *
 * <p><b>Design.</b> Words are looked up in an inverted index, the table {@code video_search_word (word, video_id,
 * field)}, filled by {@link SearchIndex} in the transaction that creates a video (words normalised by
 * {@link SearchWords}: no case, no accents). Its primary key starts with {@code word}, so each search word is one
 * range scan {@code word >= 'moun' AND word < 'mouo'} (the portable form of {@code LIKE 'moun%'}: no escaping, and
 * it uses a plain B-tree on every database), joined on the video's primary key for the filters and the sort
 * value. The rows of each word are merged in memory: a video must match every word; its relevance adds, per word,
 * 4 for the name, 2 for a tag, 1 for the description. The work is proportional to the videos that contain the
 * words, never to the whole table, and needs no database-specific feature: a full-text index (PostgreSQL's
 * {@code tsvector}, {@code pg_trgm}) would not exist on Derby, and {@code LIKE '%w%'} over names and descriptions
 * reads every row. On PostgreSQL the word column uses the {@code "C"} collation (schema step 2), so that the
 * range is exactly the words that start with the prefix and the B-tree serves it whatever the database's locale.
 *
 * <p>Without search words the filters and sort run as one paged SQL query on the video table, as the listing does.
 * Channels are few next to videos: they are matched in memory on a projection of their names.
 */
@Component(service = VideoSearch.class)
public final class VideoSearchImpl implements VideoSearch {
    private static final Map<String, String> SORTS = Sorts.identity(VIDEO_SORT_FIELDS.stream()
            .filter(s -> !s.equals("match")).collect(Collectors.toSet()));

    /** Candidates read per statement: large enough to be few statements, small for every database's limits. */
    private static final int CANDIDATE_BATCH = 500;

    private final JpaTemplate jpa;
    private final BlockPresence blockPresence;
    private final Mapper mapper;
    private final ChannelSearch channels;
    /** Ranked ids of recent searches by counters; forgotten on video writes, at most 10 s old. */
    /** Sorts by counters that change without a video write. */
    private static final Set<String> COUNTER_SORTS = Set.of("views", "likes");
    private final ReadCache<List<Long>> results;
    /**
     * Rankings by relevance, date, name or duration do not move with views and likes: forgotten on video writes as
     * the others, kept up to 30 s otherwise (the bound for writes of other nodes sharing the database). Ranking a
     * frequent word is the costliest read of a search (about 300 ms for 7,000 matches on Derby).
     */
    private final ReadCache<List<Long>> steadyResults;
    private final VideoCache cache;

    @Activate
    public VideoSearchImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                           @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                           @Reference VideoChanges changes, @Reference VideoCache cache) {
        this.blockPresence = new BlockPresence(jpa, changes);
        this.jpa = jpa;
        this.cache = cache;
        this.results = new ReadCache<>(changes, 10_000, 1024);
        this.steadyResults = new ReadCache<>(changes, 30_000, 1024);
        this.mapper = new Mapper(identity);
        this.channels = new ChannelSearch(jpa, mapper);
    }

    @Override
    public Page<Video> videos(VideoSearchQuery query, PageRequest page) {
        boolean unsorted = page.sort() == null || page.sort().isBlank();
        String sort = unsorted ? "match" : page.sort();
        boolean descending = unsorted || page.descending();
        if (!VIDEO_SORT_FIELDS.contains(sort)) {
            throw new IllegalArgumentException("unknown sort '" + sort + "', expected one of " + VIDEO_SORT_FIELDS);
        }
        List<String> terms = SearchWords.terms(query.search());
        VideoSearchFilter filter = new VideoSearchFilter(query, blockPresence.of(0));
        return jpa.txExpr(Required, em -> terms.isEmpty()
                ? filtered(em, filter, sort, descending, page)
                : matching(em, terms, filter, sort, descending, page));
    }

    /** No words: one count and one paged query on the video table; {@code match} orders by publication. */
    private Page<Video> filtered(EntityManager em, VideoSearchFilter filter, String sort, boolean descending,
                                 PageRequest page) {
        String where = " WHERE " + filter.conditions();
        long total = filter.bind(em.createQuery("SELECT COUNT(v) FROM VideoEntity v" + where, Long.class))
                .getSingleResult();
        if (page.count() == 0 || total <= page.start()) {
            return new Page<>(total, List.of());
        }
        PageRequest order = new PageRequest(page.start(), page.count(),
                sort.equals("match") ? "publishedAt" : sort, descending);
        List<Long> ids = Sorts.window(filter.bind(em.createQuery("SELECT v.id FROM VideoEntity v" + where
                + Sorts.orderBy("v", order, SORTS, "publishedAt", true), Long.class)), page).getResultList();
        return new Page<>(total, videos(em, ids));
    }

    /**
     * Words: the ranked ids of every match (remembered between writes, so paging through a result and repeated
     * popular searches cost one ranking), then the page's videos by id.
     */
    private Page<Video> matching(EntityManager em, List<String> terms, VideoSearchFilter filter, String sort,
                                 boolean descending, PageRequest page) {
        String key = String.join(" ", terms) + " | " + filter.key() + " | " + sort + (descending ? " DESC" : " ASC");
        ReadCache<List<Long>> cache = COUNTER_SORTS.contains(sort) ? results : steadyResults;
        List<Long> ranked = cache.get(key, () -> rank(em, terms, filter, sort, descending));
        int from = Math.min(page.start(), ranked.size());
        List<Long> ids = ranked.subList(from, Math.min(ranked.size(), from + page.count()));
        return new Page<>(ranked.size(), videos(em, ids));
    }

    /**
     * One index range scan per word on {@code video_search_word} alone, merged in memory; then the filters and sort
     * values of the remaining candidates, read by primary key in batches. Joining the words to the videos in one
     * statement leaves the join order to the optimizer, and Derby, not knowing how many words a bound prefix
     * matches, hashes the whole video table (3 s at 100,000 videos) instead of probing a few thousand keys.
     */
    private static List<Long> rank(EntityManager em, List<String> terms, VideoSearchFilter filter, String sort,
                                   boolean descending) {
        Map<Long, Hit> hits = null;
        for (String term : terms) {
            Map<Long, Hit> found = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT w.videoId, w.field FROM VideoSearchWordEntity w "
                            + "WHERE w.word >= :lo AND w.word < :hi", Object[].class).setParameter("lo", term)
                    .setParameter("hi", SearchWords.upperBound(term)).getResultList()) {
                found.computeIfAbsent(((Number) row[0]).longValue(), Hit::new).mask |=
                        SearchWords.Field.of(((Number) row[1]).intValue()).bit();
            }
            hits = hits == null ? found : intersect(hits, found);
            hits.values().forEach(Hit::scoreTerm);
            if (hits.isEmpty()) {
                return List.of();
            }
        }
        boolean byMatch = sort.equals("match");
        String jpql = "SELECT v.id, v." + (byMatch ? "publishedAt" : sort) + " FROM VideoEntity v WHERE v.id IN :ids AND "
                + filter.conditions();
        List<Long> candidates = new ArrayList<>(hits.keySet());
        List<Hit> kept = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += CANDIDATE_BATCH) {
            List<Long> batch = candidates.subList(i, Math.min(candidates.size(), i + CANDIDATE_BATCH));
            for (Object[] row : filter.bind(em.createQuery(jpql, Object[].class)).setParameter("ids", batch)
                    .getResultList()) {
                Hit hit = hits.get(((Number) row[0]).longValue());
                hit.setKey(row[1]);
                kept.add(hit);
            }
        }
        kept.sort(byMatch ? Hit.byScore(descending) : Hit.byKey(descending));
        return kept.stream().map(h -> h.id).toList();
    }

    private static Map<Long, Hit> intersect(Map<Long, Hit> previous, Map<Long, Hit> found) {
        Map<Long, Hit> both = new HashMap<>();
        for (Hit hit : found.values()) {
            Hit before = previous.get(hit.id);
            if (before != null) {
                before.mask = hit.mask;
                both.put(hit.id, before);
            }
        }
        return both;
    }

    private List<Video> videos(EntityManager em, List<Long> ids) {
        return cache.videos(ids, missing -> VideoStoreImpl.mapped(em, mapper, missing));
    }

    @Override
    public Page<ChannelMatch> channels(String search, PageRequest page) {
        return channels.search(search, page);
    }

    /** A video that matched so far: its relevance, the fields the current word was found in, its sort value. */
    private static final class Hit {
        final long id;
        Comparable<Object> key;
        int score;
        int mask;

        Hit(long id) {
            this.id = id;
        }

        @SuppressWarnings("unchecked")
        void setKey(Object key) {
            this.key = (Comparable<Object>) key;
        }

        void scoreTerm() {
            for (SearchWords.Field f : SearchWords.Field.values()) {
                if ((mask & f.bit()) != 0) {
                    score += f.weight;
                }
            }
            mask = 0;
        }

        /** Relevance, then the newest first (the key is the publication date), then the id. */
        static Comparator<Hit> byScore(boolean descending) {
            Comparator<Hit> score = Comparator.comparingInt(h -> h.score);
            return (descending ? score.reversed() : score).thenComparing(byKey(true));
        }

        /** As SQL orders: nulls after every value ascending, before them descending; ties by id. */
        static Comparator<Hit> byKey(boolean descending) {
            Comparator<Hit> c = Comparator.<Hit, Comparable<Object>>comparing(h -> h.key,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(h -> h.id);
            return descending ? c.reversed() : c;
        }
    }
}
