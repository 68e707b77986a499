package org.vidiverse.api.monetization;

/**
 * Whether a viewer may have a video's files.
 *
 * @param allowed whether to serve the files
 * @param message shown when refused (e.g. how to become a supporter), or {@code null}
 * @param supportUrl where to become a supporter, or {@code null}
 */
public record AccessDecision(boolean allowed, String message, String supportUrl) {
    public static AccessDecision allow() {
        return new AccessDecision(true, null, null);
    }

    public static AccessDecision deny(String message, String supportUrl) {
        return new AccessDecision(false, message, supportUrl);
    }
}
