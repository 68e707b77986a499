package org.vidiverse.rest.internal;

import java.util.Map;

import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.store.PlaylistStore;

/**
 * The fields of PeerTube's playlist create and update forms, each checked as PeerTube's validators do (a wrong type
 * or length is a 400 naming the field). {@code videoChannelId} and {@code description} may be sent as {@code null}
 * (or the text {@code "null"}, as form clients send it) to take a playlist off its channel or clear its
 * description.
 */
record PlaylistForm(String displayName, String description, boolean descriptionCleared,
                    VideoPlaylistPrivacy privacy, Long channelId, boolean channelCleared) {

    static PlaylistForm read(Map<String, Object> fields) {
        Body body = new Body(fields);
        String displayName = body.string("displayName", PlaylistStore.DISPLAY_NAME_MAX);
        if (displayName != null && displayName.isBlank()) {
            throw new InvalidInputException("displayName", "displayName must not be blank");
        }
        boolean descriptionCleared = fields.containsKey("description") && nullable(fields, "description");
        String description = descriptionCleared ? null : body.string("description", PlaylistStore.DESCRIPTION_MAX);
        if (description != null && description.length() < PlaylistStore.DESCRIPTION_MIN) {
            throw new InvalidInputException("description", "description must have "
                    + PlaylistStore.DESCRIPTION_MIN + " to " + PlaylistStore.DESCRIPTION_MAX + " characters");
        }
        VideoPlaylistPrivacy privacy = null;
        Long rawPrivacy = body.integer("privacy");
        if (rawPrivacy != null) {
            privacy = VideoPlaylistPrivacy.byId(rawPrivacy.intValue()).orElseThrow(() -> new InvalidInputException(
                    "privacy", "privacy must be 1 (public), 2 (unlisted) or 3 (private)"));
        }
        boolean cleared = fields.containsKey("videoChannelId") && nullable(fields, "videoChannelId");
        Long channelId = cleared ? null : body.integer("videoChannelId");
        if (channelId != null && channelId < 1) {
            throw new InvalidInputException("videoChannelId", "videoChannelId must be a valid id");
        }
        return new PlaylistForm(displayName, description, descriptionCleared, privacy, channelId, cleared);
    }

    /** JSON {@code null}, or the empty or {@code "null"} text form clients send for it. */
    private static boolean nullable(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null || "null".equals(value) || "".equals(value);
    }
}
