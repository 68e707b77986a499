package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.VideoSearch;
import org.vidiverse.api.store.VideoSearch.ChannelMatch;
import org.vidiverse.storage.internal.entity.ChannelEntity;

/**
 * Channel search: every search word must be part of the channel's name or display name, regardless of case and
 * accents. Channels number in the thousands where videos number in the hundreds of thousands, so the names are
 * read as a narrow projection and matched in memory with the same normalisation as video words; without words,
 * the page is one SQL query.
 */
final class ChannelSearch {
    private static final Map<String, String> SORTS = Map.of("displayName", "displayName", "createdAt", "createdAt");

    private final JpaTemplate jpa;
    private final Mapper mapper;

    ChannelSearch(JpaTemplate jpa, Mapper mapper) {
        this.jpa = jpa;
        this.mapper = mapper;
    }

    Page<ChannelMatch> search(String search, PageRequest page) {
        boolean unsorted = page.sort() == null || page.sort().isBlank();
        String sort = unsorted ? "match" : page.sort();
        boolean descending = unsorted || page.descending();
        if (!VideoSearch.CHANNEL_SORT_FIELDS.contains(sort)) {
            throw new IllegalArgumentException("unknown sort '" + sort + "', expected one of "
                    + VideoSearch.CHANNEL_SORT_FIELDS);
        }
        List<String> terms = SearchWords.words(search).stream().distinct().toList();
        return jpa.txExpr(Required, em -> terms.isEmpty() ? all(em, sort, descending, page)
                : matching(em, terms, sort, descending, page));
    }

    private Page<ChannelMatch> all(EntityManager em, String sort, boolean descending, PageRequest page) {
        long total = em.createQuery("SELECT COUNT(c) FROM ChannelEntity c", Long.class).getSingleResult();
        if (page.count() == 0 || total <= page.start()) {
            return new Page<>(total, List.of());
        }
        PageRequest order = new PageRequest(page.start(), page.count(),
                sort.equals("match") ? "createdAt" : sort, descending);
        return new Page<>(total, Sorts.window(em.createQuery("SELECT c FROM ChannelEntity c"
                        + Sorts.orderBy("c", order, SORTS, "createdAt", true), ChannelEntity.class), page)
                .getResultList().stream().map(this::match).toList());
    }

    private Page<ChannelMatch> matching(EntityManager em, List<String> terms, String sort, boolean descending,
                                        PageRequest page) {
        List<Candidate> found = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT c.id, c.actor.preferredUsername, c.displayName, c.createdAt "
                + "FROM ChannelEntity c", Object[].class).getResultList()) {
            Candidate candidate = new Candidate(((Number) row[0]).longValue(), (String) row[2], (Date) row[3]);
            if (candidate.scoreAll(terms, (String) row[1])) {
                found.add(candidate);
            }
        }
        found.sort(comparator(sort, descending));
        int from = Math.min(page.start(), found.size());
        List<Long> ids = found.subList(from, Math.min(found.size(), from + page.count())).stream()
                .map(Candidate::id).toList();
        if (ids.isEmpty()) {
            return new Page<>(found.size(), List.of());
        }
        Map<Long, ChannelEntity> rows = em.createQuery("SELECT c FROM ChannelEntity c WHERE c.id IN :ids",
                ChannelEntity.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(ChannelEntity::getId, Function.identity()));
        return new Page<>(found.size(), ids.stream().map(rows::get).map(this::match).toList());
    }

    private static Comparator<Candidate> comparator(String sort, boolean descending) {
        Comparator<Candidate> c = switch (sort) {
            case "displayName" -> Comparator.comparing(Candidate::displayName);
            case "createdAt" -> Comparator.comparing(Candidate::createdAt);
            default -> Comparator.<Candidate>comparingInt(Candidate::score)
                    .thenComparing(Candidate::createdAt);   // equal relevance: the newest first, descending
        };
        c = c.thenComparingLong(Candidate::id);
        return descending ? c.reversed() : c;
    }

    private ChannelMatch match(ChannelEntity c) {
        return new ChannelMatch(mapper.channel(c), c.getActor().getFollowingCount(), mapper.account(c.getAccount()));
    }

    /** A channel's names as words, and how well they match the search. */
    private static final class Candidate {
        private final long id;
        private final String displayName;
        private final Date createdAt;
        private int score;

        Candidate(long id, String displayName, Date createdAt) {
            this.id = id;
            this.displayName = displayName;
            this.createdAt = createdAt;
        }

        /**
         * Whether every term is in the names: 3 for a whole word, 2 for the start of one, 1 anywhere else (so
         * {@code chan} finds {@code root_channel} through its whole name).
         */
        boolean scoreAll(List<String> terms, String username) {
            List<String> words = new ArrayList<>(SearchWords.words(displayName));
            words.addAll(SearchWords.words(username));
            String joined = String.join(" ", words);
            for (String term : terms) {
                int best = 0;
                for (String word : words) {
                    best = Math.max(best, word.equals(term) ? 3 : word.startsWith(term) ? 2 : 0);
                }
                if (best == 0 && joined.contains(term)) {
                    best = 1;
                }
                if (best == 0) {
                    return false;
                }
                score += best;
            }
            return true;
        }

        long id() { return id; }
        String displayName() { return displayName; }
        Date createdAt() { return createdAt; }
        int score() { return score; }
    }
}
