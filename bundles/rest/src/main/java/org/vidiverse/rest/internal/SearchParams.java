package org.vidiverse.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.VideoSearch;
import org.vidiverse.api.store.VideoSearchQuery;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;

/**
 * Reads the query parameters of PeerTube's search endpoints. List parameters come repeated
 * ({@code tagsOneOf=a&tagsOneOf=b}) or in the bracket form ({@code tagsOneOf[]=a}); a bad value is a 400 naming
 * the parameter.
 */
final class SearchParams {
    static final int DEFAULT_COUNT = 15;
    private static final int MAX_LIST = 20;
    private static final int MAX_TAG = 100;
    private static final int MAX_LANGUAGE = 20;

    private final Map<String, List<String>> params;

    SearchParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /**
     * @param nsfwByDefault the {@code nsfw} filter when the parameter is absent: {@code false} hides NSFW videos,
     *                      as PeerTube does for anonymous visitors when the instance policy is {@code do_not_list}
     */
    VideoSearchQuery videoQuery(Boolean nsfwByDefault) {
        Integer durationMin = nonNegative("durationMin");
        Integer durationMax = nonNegative("durationMax");
        if (durationMin != null && durationMax != null && durationMin > durationMax) {
            throw Problem.invalidParam("durationMin", "durationMin must not be greater than durationMax");
        }
        Instant startDate = date("startDate");
        Instant endDate = date("endDate");
        ordered("startDate", startDate, "endDate", endDate);
        Instant opStart = date("originallyPublishedStartDate");
        Instant opEnd = date("originallyPublishedEndDate");
        ordered("originallyPublishedStartDate", opStart, "originallyPublishedEndDate", opEnd);
        return new VideoSearchQuery(search(), list("categoryOneOf", SearchParams::integer),
                list("licenceOneOf", SearchParams::integer), list("languageOneOf", v -> text(v, MAX_LANGUAGE)),
                list("tagsOneOf", v -> text(v, MAX_TAG)), list("tagsAllOf", v -> text(v, MAX_TAG)),
                nsfw(nsfwByDefault), durationMin, durationMax, startDate, endDate, opStart, opEnd,
                bool("isLocal"));
    }

    PageRequest videoPage() {
        return page(search() == null ? "-publishedAt" : "-match", VideoSearch.VIDEO_SORT_FIELDS);
    }

    PageRequest channelPage() {
        return page(search() == null ? "-createdAt" : "-match", VideoSearch.CHANNEL_SORT_FIELDS);
    }

    /** The search text, {@code null} when absent or blank. */
    String search() {
        String search = single("search");
        if (search == null || search.isBlank()) {
            return null;
        }
        if (search.length() > VideoSearch.MAX_SEARCH_LENGTH) {
            throw Problem.invalidParam("search", "search must be at most " + VideoSearch.MAX_SEARCH_LENGTH
                    + " characters");
        }
        return search;
    }

    private PageRequest page(String defaultSort, Set<String> sorts) {
        return Paging.parse(single("start"), single("count"), single("sort"), DEFAULT_COUNT, defaultSort, sorts);
    }

    private Boolean nsfw(Boolean byDefault) {
        return nsfwFilter(single("nsfw"), byDefault);
    }

    /**
     * PeerTube's {@code nsfw} parameter ({@code true}, {@code false}, {@code both}) as a filter; {@code byDefault}
     * when it is absent (see {@link #nsfwByPolicy}).
     */
    static Boolean nsfwFilter(String raw, Boolean byDefault) {
        if (raw == null || raw.isBlank()) {
            return byDefault;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            case "both" -> null;
            default -> throw Problem.invalidParam("nsfw", "nsfw must be true, false or both");
        };
    }

    /**
     * The filter a viewer's NSFW policy asks for when the request names none: the user's own policy, or the
     * instance's default for anonymous visitors; {@code do_not_list} hides NSFW videos, {@code blur} and
     * {@code display} list them.
     */
    static Boolean nsfwByPolicy(javax.ws.rs.core.SecurityContext security,
                                org.vidiverse.api.instance.InstanceSettings settings) {
        String policy = org.vidiverse.rest.api.Caller.of(security).map(org.vidiverse.api.model.User::nsfwPolicy)
                .filter(p -> p != null && !p.isBlank()).orElse(settings.defaultNsfwPolicy());
        return "do_not_list".equals(policy) ? Boolean.FALSE : null;
    }

    private Boolean bool(String name) {
        return QueryParams.bool(name, single(name));
    }

    private Integer nonNegative(String name) {
        String raw = single(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Integer value = integer(raw.trim());
        if (value == null || value < 0) {
            throw Problem.invalidParam(name, name + " must be a positive integer");
        }
        return value;
    }

    private Instant date(String name) {
        String raw = single(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant date = isoDate(raw.trim());
        if (date == null) {
            throw Problem.invalidParam(name, name + " must be an ISO 8601 date");
        }
        return date;
    }

    private static void ordered(String startName, Instant start, String endName, Instant end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw Problem.invalidParam(startName, startName + " must not be after " + endName);
        }
    }

    /** The values of a list parameter; {@code parse} answers {@code null} for a bad value. */
    private <T> Set<T> list(String name, Function<String, T> parse) {
        List<String> raw = new ArrayList<>(params.getOrDefault(name, List.of()));
        raw.addAll(params.getOrDefault(name + "[]", List.of()));
        if (raw.size() > MAX_LIST) {
            throw Problem.invalidParam(name, name + " accepts at most " + MAX_LIST + " values");
        }
        Set<T> values = new LinkedHashSet<>();
        for (String value : raw) {
            T parsed = value == null ? null : parse.apply(value.trim());
            if (parsed == null) {
                throw Problem.invalidParam(name, name + " has an invalid value");
            }
            values.add(parsed);
        }
        return values;
    }

    private String single(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Integer integer(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String raw, int max) {
        return raw.isEmpty() || raw.length() > max ? null : raw;
    }

    /** {@code 2024-05-01T10:00:00Z}, with an offset, without one (UTC), or a day (its start, UTC); else null. */
    static Instant isoDate(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADay) {
                    return null;
                }
            }
        }
    }
}
