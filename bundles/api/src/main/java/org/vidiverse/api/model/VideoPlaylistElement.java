package org.vidiverse.api.model;

/**
 * One place in a playlist: a video, where to start and stop it. Positions run from 1 without gaps.
 *
 * @param video          the video, or {@code null} when it has been deleted since it was added
 * @param startTimestamp second to start the video at, or {@code null}
 * @param stopTimestamp  second to stop the video at, or {@code null}
 */
public record VideoPlaylistElement(long id, long playlistId, int position, Integer startTimestamp,
                                   Integer stopTimestamp, Video video) {
}
