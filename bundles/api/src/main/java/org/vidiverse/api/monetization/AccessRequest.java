package org.vidiverse.api.monetization;

/**
 * Someone wants a video's files.
 *
 * @param videoUuid  the video
 * @param channelId  its channel
 * @param username   the local user asking, or {@code null} for an anonymous viewer
 */
public record AccessRequest(String videoUuid, long channelId, String username) {
}
