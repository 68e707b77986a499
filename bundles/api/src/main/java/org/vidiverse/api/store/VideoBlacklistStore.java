package org.vidiverse.api.store;

import java.util.Optional;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.VideoBlacklist;

/**
 * The instance's block list of videos. A blocked video keeps its files and rows; lists, searches and feeds leave it
 * out (see {@link VideoQuery#moderatedFor()}), and {@code Video.blacklisted()} tells callers that show it.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface VideoBlacklistStore {

    /**
     * Puts a video on the list.
     *
     * @throws DuplicateException if it is there already
     * @throws NotFoundException  if there is no such video
     */
    VideoBlacklist block(long videoId, String reason, VideoBlacklist.Type type, boolean unfederated);

    /** Changes the reason of a blocked video. @throws NotFoundException if it is not on the list */
    VideoBlacklist updateReason(long videoId, String reason);

    /** Takes a video off the list; returns the entry it had, if any. */
    Optional<VideoBlacklist> unblock(long videoId);

    Optional<VideoBlacklist> find(long videoId);

    /**
     * Blocked videos, newest first unless {@code page.sort()} says otherwise ({@code createdAt}, {@code name}).
     *
     * @param type   only this type, or {@code null} for both
     * @param search words of the video's name, or {@code null}
     */
    Page<VideoBlacklist> list(VideoBlacklist.Type type, String search, PageRequest page);
}
