package org.vidiverse.api.store;

import java.time.Instant;
import java.util.Set;

/**
 * What to search videos for. {@code null} fields and empty sets do not filter; every filter given must hold.
 *
 * @param search              words to find in the name, tags or description; {@code null} or blank: no words
 * @param categoryOneOf       PeerTube category ids
 * @param licenceOneOf        PeerTube licence ids
 * @param languageOneOf       ISO 639 codes; {@link #UNKNOWN_LANGUAGE} stands for videos without a language
 * @param tagsOneOf           at least one of these tags, regardless of case
 * @param tagsAllOf           all of these tags, regardless of case
 * @param nsfw                only NSFW ({@code true}) or only safe ({@code false}) videos; {@code null}: both
 * @param durationMin         at least this many seconds
 * @param durationMax         at most this many seconds
 * @param startDate           published at or after
 * @param endDate             published at or before
 * @param originallyPublishedStartDate originally published at or after
 * @param originallyPublishedEndDate   originally published at or before
 * @param local               only local ({@code true}) or only remote ({@code false}) videos
 */
public record VideoSearchQuery(String search, Set<Integer> categoryOneOf, Set<Integer> licenceOneOf,
                               Set<String> languageOneOf, Set<String> tagsOneOf, Set<String> tagsAllOf,
                               Boolean nsfw, Integer durationMin, Integer durationMax, Instant startDate,
                               Instant endDate, Instant originallyPublishedStartDate,
                               Instant originallyPublishedEndDate, Boolean local) {
    /** PeerTube's language value for "no language set". */
    public static final String UNKNOWN_LANGUAGE = "_unknown";

    public VideoSearchQuery {
        categoryOneOf = categoryOneOf == null ? Set.of() : Set.copyOf(categoryOneOf);
        licenceOneOf = licenceOneOf == null ? Set.of() : Set.copyOf(licenceOneOf);
        languageOneOf = languageOneOf == null ? Set.of() : Set.copyOf(languageOneOf);
        tagsOneOf = tagsOneOf == null ? Set.of() : Set.copyOf(tagsOneOf);
        tagsAllOf = tagsAllOf == null ? Set.of() : Set.copyOf(tagsAllOf);
    }

    /** A search for words alone. */
    public static VideoSearchQuery words(String search) {
        return new VideoSearchQuery(search, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
