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
 * Request bodies the way PeerTube's express parsers take them: JSON, {@code application/x-www-form-urlencoded}
 * form fields, or the text fields of a {@code multipart/form-data} form. A body that does not parse, or JSON that is
 * not an object, is a 400, never a 500.
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
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return form(body);
        }
        if (type.startsWith("multipart/form-data")) {
            return multipart(contentType, body);
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

    /**
     * The text fields of a {@code multipart/form-data} body, as PeerTube's web client sends playlist and video
     * forms. File parts (thumbnails) are left out: they are not stored yet.
     */
    private static Map<String, Object> multipart(String contentType, String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)boundary=\"?([^\";]+)\"?")
                .matcher(contentType);
        if (!m.find()) {
            throw Problem.badRequest("The multipart request has no boundary");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String part : body.split("--" + java.util.regex.Pattern.quote(m.group(1)), -1)) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?i)content-disposition:[^\r\n]*"
                    + "[; ]name=\"([^\"]*)\"").matcher(headers);
            if (!name.find() || headers.toLowerCase(java.util.Locale.ROOT).contains("filename=")) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            fields.putIfAbsent(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value);
        }
        return fields;
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
