package org.vidiverse.api.store;

import java.util.Set;

import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;

/**
 * Searching the videos and channels this instance knows, as PeerTube's {@code /api/v1/search/videos} and
 * {@code /api/v1/search/video-channels} do. Only public, published videos are ever found.
 *
 * <p>Words match whole words or their beginnings ({@code moun} finds "Mountain"), regardless of case and accents,
 * in a video's name, tags and description; every word of a search must match. The {@code match} sort ranks a
 * word found in the name above one found in a tag, and that above one found in the description.
 */
@org.osgi.annotation.versioning.ProviderType
public interface VideoSearch {
    /** Sort fields {@link #videos} understands, in PeerTube's names; {@code match} is the relevance. */
    Set<String> VIDEO_SORT_FIELDS = Set.of("match", "name", "duration", "createdAt", "publishedAt",
            "originallyPublishedAt", "views", "likes");

    /** Sort fields {@link #channels} understands. */
    Set<String> CHANNEL_SORT_FIELDS = Set.of("match", "displayName", "createdAt");

    /** The longest search text accepted, in characters. */
    int MAX_SEARCH_LENGTH = 250;

    /**
     * Public, published videos matching {@code query}. Without search words, {@code match} sorts like
     * {@code -publishedAt}.
     *
     * @throws IllegalArgumentException if {@code page.sort()} is not one of {@link #VIDEO_SORT_FIELDS}
     */
    Page<Video> videos(VideoSearchQuery query, PageRequest page);

    /**
     * Channels whose name or display name contains every word of {@code search} ({@code null} or blank: all).
     *
     * @throws IllegalArgumentException if {@code page.sort()} is not one of {@link #CHANNEL_SORT_FIELDS}
     */
    Page<ChannelMatch> channels(String search, PageRequest page);

    /** A channel found by {@link #channels}, with what PeerTube shows of it: its owner and follow counts. */
    record ChannelMatch(Channel channel, long followingCount, Account owner) {
    }
}
