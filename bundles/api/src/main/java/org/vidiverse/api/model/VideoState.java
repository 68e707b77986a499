package org.vidiverse.api.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a video is in its life cycle. Ids and labels follow PeerTube's {@code VideoState}. */
public enum VideoState {
    PUBLISHED(1, "Published"),
    TO_TRANSCODE(2, "To transcode"),
    TO_IMPORT(3, "To import"),
    WAITING_FOR_LIVE(4, "Waiting for livestream"),
    LIVE_ENDED(5, "Livestream ended"),
    TO_MOVE_TO_EXTERNAL_STORAGE(6, "To move to an external storage"),
    TRANSCODING_FAILED(7, "Transcoding failed"),
    TO_MOVE_TO_EXTERNAL_STORAGE_FAILED(8, "External storage move failed"),
    TO_EDIT(9, "To edit");

    private final int id;
    private final String label;

    VideoState(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() { return id; }

    public String label() { return label; }

    public static Optional<VideoState> byId(int id) {
        return Arrays.stream(values()).filter(s -> s.id == id).findFirst();
    }
}
