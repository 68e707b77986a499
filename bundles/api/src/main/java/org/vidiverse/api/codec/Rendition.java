package org.vidiverse.api.codec;

/**
 * One rung of the ladder to produce.
 *
 * @param height target height in pixels ({@code 0} = audio only); width follows the source's aspect ratio. For a
 *               portrait source it is the width, so that a rung names the shorter side as PeerTube's resolutions
 *               do (a 1080x1920 phone video is "1080p")
 * @param fps    target frame rate, at most the source's
 * @param videoBitrate target bits per second for the video stream
 */
public record Rendition(int height, int fps, long videoBitrate) {
}
