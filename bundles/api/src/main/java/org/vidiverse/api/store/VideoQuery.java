package org.vidiverse.api.store;

import java.util.EnumSet;
import java.util.Set;

import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.VideoState;

/**
 * Filters for listing videos. {@code null} fields do not filter.
 *
 * @param privacies   privacies to include (never empty)
 * @param states      states to include (never empty)
 * @param local       only local ({@code true}) or only remote ({@code false}) videos
 * @param channelId   only videos of this channel
 * @param accountId   only videos of this account's channels
 * @param nsfw        only NSFW ({@code true}) or only safe ({@code false}) videos
 * @param followedBy  only videos of channels this actor follows (accepted follows): a user's subscriptions
 * @param moderatedFor leave out what moderation hides from this viewer: blocked videos, videos of accounts and
 *                    instances the instance blocked, and of those the viewer's account (this id) blocked; {@code 0}
 *                    for an anonymous viewer; {@code null} hides nothing (an owner's or moderator's own listing)
 */
public record VideoQuery(Set<VideoPrivacy> privacies, Set<VideoState> states, Boolean local, Long channelId,
                         Long accountId, Boolean nsfw, Integer category, String language, Long followedBy,
                         Long moderatedFor) {

    public VideoQuery(Set<VideoPrivacy> privacies, Set<VideoState> states, Boolean local, Long channelId,
                      Long accountId, Boolean nsfw, Integer category, String language, Long followedBy) {
        this(privacies, states, local, channelId, accountId, nsfw, category, language, followedBy, null);
    }

    public VideoQuery(Set<VideoPrivacy> privacies, Set<VideoState> states, Boolean local, Long channelId,
                      Long accountId, Boolean nsfw, Integer category, String language) {
        this(privacies, states, local, channelId, accountId, nsfw, category, language, null);
    }

    /** Sort fields that {@link VideoStore#list} understands, in PeerTube's names. */
    public static final Set<String> SORT_FIELDS =
            Set.of("name", "createdAt", "publishedAt", "originallyPublishedAt", "views", "likes", "duration");

    public VideoQuery {
        privacies = privacies == null || privacies.isEmpty() ? EnumSet.allOf(VideoPrivacy.class) : Set.copyOf(privacies);
        states = states == null || states.isEmpty() ? EnumSet.allOf(VideoState.class) : Set.copyOf(states);
    }

    /** What anonymous visitors may list: public videos that are published, without what moderation hides. */
    public static VideoQuery publicListing() {
        return new VideoQuery(EnumSet.of(VideoPrivacy.PUBLIC), EnumSet.of(VideoState.PUBLISHED), null, null, null,
                null, null, null, null, 0L);
    }

    public VideoQuery withChannel(long id) {
        return new VideoQuery(privacies, states, local, id, accountId, nsfw, category, language, followedBy,
                moderatedFor);
    }

    /** The same filters, limited to the channels {@code actorId} follows. */
    public VideoQuery followedBy(long actorId) {
        return new VideoQuery(privacies, states, local, channelId, accountId, nsfw, category, language, actorId,
                moderatedFor);
    }

    /** The same filters, hiding what moderation hides from the viewer with this account id ({@code 0}: anonymous). */
    public VideoQuery moderatedFor(Long viewerAccountId) {
        return new VideoQuery(privacies, states, local, channelId, accountId, nsfw, category, language, followedBy,
                viewerAccountId);
    }
}
