package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A video in a user's watch history.
 *
 * @param currentTime the second the user last reached
 * @param watchedAt   when the user last reported watching it
 */
public record WatchedVideo(Video video, int currentTime, Instant watchedAt) {
}
