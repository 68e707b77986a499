package org.vidiverse.storage.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.persistence.TypedQuery;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;
import org.vidiverse.api.store.VideoQuery;

/** The JPQL {@code WHERE} clause of a {@link VideoQuery} and its parameters, built once per listing. */
final class VideoFilter {
    private final StringBuilder where = new StringBuilder(" WHERE v.privacy IN :privacies AND v.state IN :states");
    private final Map<String, Object> params = new LinkedHashMap<>();

    VideoFilter(VideoQuery q) {
        this(q, BlockPresence.Blocks.ALL);
    }

    /** @param blocks which block conditions can remove anything (see {@link BlockPresence}) */
    VideoFilter(VideoQuery q, BlockPresence.Blocks blocks) {
        params.put("privacies", q.privacies().stream().map(VideoPrivacy::id).sorted().toList());
        params.put("states", q.states().stream().map(VideoState::id).sorted().toList());
        add("v.local = :local", "local", q.local());
        add("v.channel.id = :channelId", "channelId", q.channelId());
        add("v.channel.account.id = :accountId", "accountId", q.accountId());
        add("v.nsfw = :nsfw", "nsfw", q.nsfw());
        add("v.category = :category", "category", q.category());
        add("v.language = :language", "language", q.language());
        // channel ids are their actors' ids, so a follow of a channel names the channel directly
        add("v.channel.id IN (SELECT f.following.id FROM FollowEntity f WHERE f.follower.id = :followedBy "
                + "AND f.state = :accepted)", "followedBy", q.followedBy());
        if (q.followedBy() != null) {
            params.put("accepted", org.vidiverse.api.model.FollowState.ACCEPTED);
        }
        if (q.moderatedFor() != null) {
            HiddenByModeration.append(where, params, q.moderatedFor(), blocks);
        }
    }

    private void add(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    /**
     * A key naming this filter for {@link ReadCache}, or {@code null} when its result depends on more than videos
     * (a subscription feed changes with follows).
     */
    String totalsKey() {
        return params.containsKey("followedBy") ? null : where + " " + params;
    }

    String where() {
        return where.toString();
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        params.forEach(query::setParameter);
        return query;
    }
}
