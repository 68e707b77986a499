package org.vidiverse.storage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.persistence.TypedQuery;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.VideoSearchQuery;

/**
 * The JPQL conditions of a {@link VideoSearchQuery} on a video aliased {@code v}, and their parameters. Only
 * public, published videos ever pass. Tags compare in lower case, as PeerTube does.
 */
final class VideoSearchFilter {
    private final StringBuilder conditions = new StringBuilder("v.privacy = :privacy AND v.state = :state");
    private final Map<String, Object> params = new LinkedHashMap<>();

    VideoSearchFilter(VideoSearchQuery q) {
        this(q, BlockPresence.Blocks.ALL);
    }

    /** @param blocks which block conditions can remove anything (see {@link BlockPresence}) */
    VideoSearchFilter(VideoSearchQuery q, BlockPresence.Blocks blocks) {
        params.put("privacy", VideoPrivacy.PUBLIC.id());
        params.put("state", VideoState.PUBLISHED.id());
        if (!q.categoryOneOf().isEmpty()) {
            add("v.category IN :categories", "categories", List.copyOf(q.categoryOneOf()));
        }
        if (!q.licenceOneOf().isEmpty()) {
            add("v.licence IN :licences", "licences", List.copyOf(q.licenceOneOf()));
        }
        languages(q);
        if (!q.tagsOneOf().isEmpty()) {
            add("EXISTS (SELECT t FROM VideoTagEntity t WHERE t.video = v AND LOWER(t.name) IN :tagsOneOf)",
                    "tagsOneOf", q.tagsOneOf().stream().map(VideoSearchFilter::lower).distinct().toList());
        }
        int i = 0;
        for (String tag : q.tagsAllOf().stream().map(VideoSearchFilter::lower).distinct().toList()) {
            String name = "tagAll" + i++;
            add("EXISTS (SELECT t FROM VideoTagEntity t WHERE t.video = v AND LOWER(t.name) = :" + name + ")",
                    name, tag);
        }
        add("v.nsfw = :nsfw", "nsfw", q.nsfw());
        add("v.duration >= :durationMin", "durationMin", q.durationMin());
        add("v.duration <= :durationMax", "durationMax", q.durationMax());
        add("v.publishedAt >= :startDate", "startDate", Dates.toDate(q.startDate()));
        add("v.publishedAt <= :endDate", "endDate", Dates.toDate(q.endDate()));
        add("v.originallyPublishedAt >= :opStart", "opStart", Dates.toDate(q.originallyPublishedStartDate()));
        add("v.originallyPublishedAt <= :opEnd", "opEnd", Dates.toDate(q.originallyPublishedEndDate()));
        add("v.local = :local", "local", q.local());
        HiddenByModeration.append(conditions, params, 0, blocks);
    }

    private void languages(VideoSearchQuery q) {
        if (q.languageOneOf().isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>(q.languageOneOf());
        boolean unknown = codes.remove(VideoSearchQuery.UNKNOWN_LANGUAGE);
        if (codes.isEmpty()) {
            conditions.append(" AND v.language IS NULL");
        } else {
            add(unknown ? "(v.language IN :languages OR v.language IS NULL)" : "v.language IN :languages",
                    "languages", codes);
        }
    }

    private void add(String condition, String name, Object value) {
        if (value != null) {
            conditions.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    private static String lower(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT);
    }

    /** Names the conditions and their values, for {@link ReadCache}. */
    String key() {
        return conditions + " " + params;
    }

    /** The conditions, joined with {@code AND}, without a leading keyword. */
    String conditions() {
        return conditions.toString();
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        params.forEach(query::setParameter);
        return query;
    }
}
