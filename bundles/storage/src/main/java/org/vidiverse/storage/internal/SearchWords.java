package org.vidiverse.storage.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vidiverse.storage.internal.entity.VideoSearchWordEntity;

/**
 * Turns text into the words of the search index, the same way for what is indexed and for what is searched:
 * compatibility-decomposed (NFKD), accents dropped, lower case, split on anything that is not a letter or a digit
 * of the Basic Multilingual Plane, words cut at {@link VideoSearchWordEntity#MAX_WORD} characters. So "Él Niño"
 * and "el nino" are the same two words, and the words compare in code point order on every database.
 *
 * <p>Common English and French words are left out of descriptions and of searches (but not of names and tags):
 * they would make the index and every lookup large and tell nothing apart.
 */
public final class SearchWords {
    /** Where a word occurs, with its weight in the {@code match} sort. The codes are stored: never change them. */
    public enum Field {
        NAME(1, 4), TAG(2, 2), DESCRIPTION(3, 1);

        public final int code;
        final int weight;

        Field(int code, int weight) {
            this.code = code;
            this.weight = weight;
        }

        /** This field's bit in a mask of the fields a word was found in. */
        int bit() {
            return 1 << (code - 1);
        }

        static Field of(int code) {
            return values()[code - 1];
        }
    }

    /** A word and where it occurs: one row of the index. */
    public record Occurrence(String word, Field field) {
    }

    /** Search words shorter than this match whole words only; longer ones also match the words they begin. */
    static final int MIN_PREFIX = 3;
    /** Search words beyond this many are ignored. */
    static final int MAX_TERMS = 8;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into",
            "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with",
            "au", "aux", "ce", "ces", "dans", "de", "des", "du", "en", "est", "et", "il", "la", "le", "les", "leur",
            "mais", "ne", "ou", "par", "pas", "pour", "qui", "que", "sa", "se", "ses", "son", "sur", "un", "une");

    private SearchWords() {
    }

    /** The index rows of one video: each distinct word once per field it occurs in. */
    public static List<Occurrence> occurrences(String name, List<String> tags, String description) {
        Set<Occurrence> rows = new LinkedHashSet<>();
        words(name).forEach(w -> rows.add(new Occurrence(w, Field.NAME)));
        for (String tag : tags) {
            words(tag).forEach(w -> rows.add(new Occurrence(w, Field.TAG)));
        }
        words(description).stream().filter(w -> !STOP_WORDS.contains(w))
                .forEach(w -> rows.add(new Occurrence(w, Field.DESCRIPTION)));
        return List.copyOf(rows);
    }

    /**
     * The distinct words to look up for a search, at most {@link #MAX_TERMS}. Common words are dropped unless the
     * search has nothing else.
     */
    public static List<String> terms(String search) {
        List<String> all = List.copyOf(new LinkedHashSet<>(words(search)));
        List<String> meaningful = all.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        List<String> terms = meaningful.isEmpty() ? all : meaningful;
        return terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms;
    }

    /**
     * The exclusive upper bound of the words a term matches: words in {@code [term, upperBound(term))} are the
     * term itself and, for terms of {@link #MIN_PREFIX} characters or more, every word it begins.
     */
    static String upperBound(String term) {
        if (term.length() < MIN_PREFIX) {
            // words hold letters and digits only, so no word lies between the term and this: an exact match
            // (not U+0000, which PostgreSQL refuses in text)
            return term + '\u0001';
        }
        char last = term.charAt(term.length() - 1);
        return term.substring(0, term.length() - 1) + (char) (last + 1);
    }

    /** The normalised words of {@code text}, in order, with repeats. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;   // the accents NFKD split off
            }
            if (Character.isLetterOrDigit(c) && !Character.isSurrogate(c)) {
                if (word.length() < VideoSearchWordEntity.MAX_WORD) {
                    word.append(c);
                }
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
