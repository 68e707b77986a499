package org.vidiverse.api.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.WatchedVideo;

/**
 * What users watched and how far, one entry per user and video. Whether a user's history is recorded at all is
 * their {@code videosHistoryEnabled} setting, which callers check.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WatchHistoryStore {

    /**
     * Records that the user reached {@code currentTime} seconds of the video, replacing what was recorded before.
     *
     * @throws NotFoundException when the user or the video does not exist
     */
    void record(long userId, long videoId, int currentTime);

    /**
     * The user's history, last watched first. Only videos the user may see now are listed: public, unlisted and
     * internal ones, their own, and every video for moderators and administrators.
     *
     * @param search only videos whose name contains this text, regardless of case; {@code null}: all
     */
    Page<WatchedVideo> list(long userId, String search, PageRequest page);

    /** Forgets one video; returns whether it was in the history. */
    boolean remove(long userId, long videoId);

    /** Forgets what was watched before {@code before}, or everything when it is {@code null}; returns how much. */
    int removeAll(long userId, Instant before);

    /** The recorded second for each of the videos the user has watched, by video id. */
    Map<Long, Integer> currentTimes(long userId, Collection<Long> videoIds);
}
