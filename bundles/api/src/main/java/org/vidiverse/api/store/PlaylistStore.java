package org.vidiverse.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.model.VideoPlaylistPrivacy;

/**
 * Video playlists and their elements, with PeerTube's rules: a playlist belongs to an account and may be shown on
 * one of that account's channels; public and unlisted playlists need such a channel; every local account has one
 * private "Watch later" playlist ({@link org.vidiverse.api.model.VideoPlaylistType#WATCH_LATER}) that is created
 * with it and can be neither changed nor deleted. Element positions run from 1 to the number of elements, without
 * gaps, through adds, removals and reorders, also when several requests change one playlist at once.
 *
 * <p>Rule violations throw {@link org.vidiverse.api.model.InvalidInputException} naming the parameter, and
 * nothing is written.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PlaylistStore {
    /** Sort fields {@link #list} understands, in PeerTube's names ({@code name} sorts like {@code displayName}). */
    Set<String> SORT_FIELDS = Set.of("name", "displayName", "createdAt", "updatedAt");

    int DISPLAY_NAME_MAX = 120;
    int DESCRIPTION_MIN = 3;
    int DESCRIPTION_MAX = 1000;
    /** The display name of every account's watch later playlist. */
    String WATCH_LATER_NAME = "Watch later";

    /**
     * Creates a regular playlist.
     *
     * @param channelId the owner's channel to show it on, or {@code null}
     * @throws org.vidiverse.api.model.InvalidInputException when the channel is unknown or not the owner's, or the
     *         playlist is public or unlisted without a channel
     * @throws NotFoundException when the owner account does not exist
     */
    VideoPlaylist create(long ownerAccountId, String displayName, String description, VideoPlaylistPrivacy privacy,
                         Long channelId);

    Optional<VideoPlaylist> findById(long id);

    Optional<VideoPlaylist> findByUuid(String uuid);

    Optional<VideoPlaylist> findByShortUuid(String shortUuid);

    /** The account's watch later playlist. */
    Optional<VideoPlaylist> watchLaterOf(long accountId);

    /**
     * Changes a regular playlist.
     *
     * @throws IllegalArgumentException for the watch later playlist
     * @throws org.vidiverse.api.model.InvalidInputException as {@link #create} does for the resulting playlist
     * @throws NotFoundException when there is no such playlist
     */
    VideoPlaylist update(long playlistId, Change change);

    /**
     * Deletes a regular playlist and its elements.
     *
     * @return whether it existed
     * @throws IllegalArgumentException for the watch later playlist
     */
    boolean delete(long playlistId);

    /** @throws IllegalArgumentException if {@code page.sort()} is not one of {@link #SORT_FIELDS} */
    Page<VideoPlaylist> list(PlaylistQuery query, PageRequest page);

    /**
     * Appends a video; the same video may be added more than once, as in PeerTube.
     *
     * @throws NotFoundException when the playlist or the video does not exist
     */
    VideoPlaylistElement addElement(long playlistId, long videoId, Integer startTimestamp, Integer stopTimestamp);

    /** The element, if it belongs to the playlist. */
    Optional<VideoPlaylistElement> findElement(long playlistId, long elementId);

    /**
     * Sets an element's start and stop; {@code null} clears them.
     *
     * @throws NotFoundException when the element does not belong to the playlist
     */
    VideoPlaylistElement updateElement(long playlistId, long elementId, Integer startTimestamp,
                                       Integer stopTimestamp);

    /**
     * Removes an element and closes the gap it leaves.
     *
     * @throws NotFoundException when the element does not belong to the playlist
     */
    void removeElement(long playlistId, long elementId);

    /** The elements in position order; {@code video} is {@code null} for a deleted video. */
    Page<VideoPlaylistElement> elements(long playlistId, PageRequest page);

    /**
     * Moves the {@code reorderLength} elements starting at {@code startPosition} to just after the element at
     * {@code insertAfterPosition} ({@code 0}: to the front), as PeerTube's reorder does.
     *
     * @throws org.vidiverse.api.model.InvalidInputException when a position is outside the playlist
     * @throws NotFoundException when there is no such playlist
     */
    void reorder(long playlistId, int startPosition, int insertAfterPosition, int reorderLength);

    /** Where the given videos are in the playlists the account owns, by video id; videos in none are left out. */
    Map<Long, List<ElementOfVideo>> elementsOfVideos(long accountId, Collection<Long> videoIds);

    long count();

    /**
     * Changes to a playlist; {@code null} leaves a field as it is.
     *
     * @param description   {@code ""} clears it
     * @param removeChannel takes the playlist off its channel ({@code channelId} is then ignored)
     */
    record Change(String displayName, String description, VideoPlaylistPrivacy privacy, Long channelId,
                  boolean removeChannel) {
    }

    /** One place of a video in one of an account's playlists, as {@code videos-exist} answers it. */
    record ElementOfVideo(long playlistId, long elementId, Integer startTimestamp, Integer stopTimestamp) {
    }
}
