package org.vidiverse.rest.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vidiverse.rest.api.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Request bodies the way PeerTube's express parsers take them: JSON, or {@code application/x-www-form-urlencoded}
 * form fields. A body that does not parse, or JSON that is not an object, is a 400, never a 500.
 */
final class Bodies {
    private static final ObjectMapper MAPPER = Json.mapper();

    private Bodies() {
    }

    /** The fields of the body; an empty body has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            return form(body);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("The request body must be a JSON object");
            }
            return MAPPER.convertValue(node, Map.class);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("The request body is not valid JSON");
        }
    }

    private static Map<String, Object> form(String body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("The request body is not a valid form");
            }
        }
        return fields;
    }
}
