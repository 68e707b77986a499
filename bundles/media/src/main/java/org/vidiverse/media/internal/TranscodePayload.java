package org.vidiverse.media.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The payload of a transcoding job: the video and its source file, relative to the media root. */
record TranscodePayload(long videoId, String source) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String json(long videoId, String source) {
        ObjectNode node = JSON.createObjectNode();
        node.put("videoId", videoId);
        node.put("source", source);
        return node.toString();
    }

    static TranscodePayload parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("videoId").canConvertToLong() || !node.path("source").isTextual()) {
                throw new IllegalArgumentException("not a transcoding payload: " + json);
            }
            return new TranscodePayload(node.get("videoId").asLong(), node.get("source").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a transcoding payload: " + json, e);
        }
    }
}
