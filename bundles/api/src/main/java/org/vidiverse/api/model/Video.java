package org.vidiverse.api.model;

import java.time.Instant;
import java.util.List;

/**
 * A video as the core sees it: metadata, counters and where it lives. Renditions are {@link VideoFile}s.
 *
 * @param shortUuid the base58 form of {@code uuid} used in short links ({@code /w/{shortUuid}})
 * @param duration  seconds, {@code 0} until probed
 * @param category  PeerTube category id or {@code null}
 * @param licence   PeerTube licence id or {@code null}
 * @param language  ISO 639 code or {@code null}
 * @param url       the ActivityPub id of the video
 * @param thumbnailUrl for a remote video: its origin's thumbnail, or {@code null}; local videos have their own
 * @param previewUrl   for a remote video: its origin's preview, or {@code null}
 * @param blacklisted  whether moderators blocked the video (or hold it for review): it is hidden from everyone but
 *                     its owner and moderators, and not federated
 * @param commentsRequireApproval whether comments by others than the owner and moderators wait for the owner's
 *                     approval (PeerTube's comments policy 3)
 */
public record Video(long id, String uuid, String shortUuid, String name, String description, String support,
                    VideoPrivacy privacy, VideoState state, int duration, Integer category, Integer licence,
                    String language, List<String> tags, boolean nsfw, boolean commentsEnabled,
                    boolean downloadEnabled, boolean waitTranscoding, long views, long likes, long dislikes,
                    long commentsCount, boolean local, String url, ActorRef channel, ActorRef account,
                    Instant createdAt, Instant updatedAt, Instant publishedAt, Instant originallyPublishedAt, String thumbnailUrl,
                    String previewUrl, boolean blacklisted, boolean commentsRequireApproval) {
    public Video {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A video whose comments, when enabled, need no approval. */
    public Video(long id, String uuid, String shortUuid, String name, String description, String support,
                 VideoPrivacy privacy, VideoState state, int duration, Integer category, Integer licence,
                 String language, List<String> tags, boolean nsfw, boolean commentsEnabled,
                 boolean downloadEnabled, boolean waitTranscoding, long views, long likes, long dislikes,
                 long commentsCount, boolean local, String url, ActorRef channel, ActorRef account,
                 Instant createdAt, Instant updatedAt, Instant publishedAt, Instant originallyPublishedAt,
                 String thumbnailUrl, String previewUrl, boolean blacklisted) {
        this(id, uuid, shortUuid, name, description, support, privacy, state, duration, category, licence, language,
                tags, nsfw, commentsEnabled, downloadEnabled, waitTranscoding, views, likes, dislikes, commentsCount,
                local, url, channel, account, createdAt, updatedAt, publishedAt, originallyPublishedAt, thumbnailUrl,
                previewUrl, blacklisted, false);
    }

    /**
     * Whether other instances may have the video: published, public or unlisted, and neither blocked nor held for
     * review. Only a local video is ever sent; a remote one answers for its origin.
     */
    public boolean federated() {
        return state == VideoState.PUBLISHED && !blacklisted
                && (privacy == VideoPrivacy.PUBLIC || privacy == VideoPrivacy.UNLISTED);
    }

    /** PeerTube's {@code commentsPolicy}: 1 enabled, 2 disabled, 3 enabled but each comment approved first. */
    public int commentsPolicy() {
        return !commentsEnabled ? 2 : commentsRequireApproval ? 3 : 1;
    }

    /** A video that is not on the block list (see {@code VideoBlacklistStore}). */
    public Video(long id, String uuid, String shortUuid, String name, String description, String support,
                 VideoPrivacy privacy, VideoState state, int duration, Integer category, Integer licence,
                 String language, List<String> tags, boolean nsfw, boolean commentsEnabled,
                 boolean downloadEnabled, boolean waitTranscoding, long views, long likes, long dislikes,
                 long commentsCount, boolean local, String url, ActorRef channel, ActorRef account,
                 Instant createdAt, Instant updatedAt, Instant publishedAt, Instant originallyPublishedAt,
                 String thumbnailUrl, String previewUrl) {
        this(id, uuid, shortUuid, name, description, support, privacy, state, duration, category, licence, language,
                tags, nsfw, commentsEnabled, downloadEnabled, waitTranscoding, views, likes, dislikes, commentsCount,
                local, url, channel, account, createdAt, updatedAt, publishedAt, originallyPublishedAt, thumbnailUrl,
                previewUrl, false);
    }

    /** A video without remote pictures (every local video). */
    public Video(long id, String uuid, String shortUuid, String name, String description, String support,
                 VideoPrivacy privacy, VideoState state, int duration, Integer category, Integer licence,
                 String language, List<String> tags, boolean nsfw, boolean commentsEnabled,
                 boolean downloadEnabled, boolean waitTranscoding, long views, long likes, long dislikes,
                 long commentsCount, boolean local, String url, ActorRef channel, ActorRef account,
                 Instant createdAt, Instant updatedAt, Instant publishedAt, Instant originallyPublishedAt) {
        this(id, uuid, shortUuid, name, description, support, privacy, state, duration, category, licence, language,
                tags, nsfw, commentsEnabled, downloadEnabled, waitTranscoding, views, likes, dislikes, commentsCount,
                local, url, channel, account, createdAt, updatedAt, publishedAt, originallyPublishedAt, null, null);
    }
}
