package org.vidiverse.federation.internal.activitypub;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading remote JSON defensively: every value may be missing, of the wrong kind, or hostile. */
final class Nodes {
    /** PeerTube's limit for ActivityPub URLs (CONSTRAINTS_FIELDS.ACTORS.URL). */
    static final int MAX_URL_LENGTH = 2000;

    private Nodes() {
    }

    /** The field as text when it is a JSON string, else {@code null}. */
    static String text(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The field as text when it is a non-blank JSON string, else {@code null}. */
    static String nonBlank(JsonNode object, String field) {
        String text = text(object, field);
        return text == null || text.isBlank() ? null : text;
    }

    /** A JSON integer, or an integer written as a string ({@code "1"}), else {@code null}. */
    static Long integer(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && value.textValue().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.textValue());
        }
        return null;
    }

    static Long integer(JsonNode object, String field) {
        return object == null ? null : integer(object.get(field));
    }

    static Boolean bool(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    /** The value as a list: an array's elements, a single value alone, nothing for null. */
    static List<JsonNode> list(JsonNode value) {
        List<JsonNode> list = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return list;
        }
        if (value.isArray()) {
            value.forEach(list::add);
        } else {
            list.add(value);
        }
        return list;
    }

    /** The id a value names: the string itself, or an object's {@code id}. */
    static String idOf(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isObject() ? text(value, "id") : null;
    }

    /** A link's target: PeerTube writes {@code href}, older senders {@code url}. */
    static String href(JsonNode link) {
        String href = text(link, "href");
        return href != null ? href : text(link, "url");
    }

    /** A link's media type: {@code mediaType}, or the {@code mimeType} older PeerTube versions wrote. */
    static String mediaType(JsonNode link) {
        String type = text(link, "mediaType");
        return type != null ? type : text(link, "mimeType");
    }

    /** Whether the text is an absolute http(s) URL with a host, of a length PeerTube accepts. */
    static boolean isHttpUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The lower-case host name of an http(s) URL, without port; {@code null} when it is not one. */
    static String hostName(String url) {
        if (!isHttpUrl(url)) {
            return null;
        }
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }

    /** The host name of a {@code host[:port]} (IPv6 literals in brackets), lower case. */
    static String hostNameOf(String hostAndPort) {
        String h = hostAndPort.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** A required http(s) URL field. */
    static String requireUrl(JsonNode object, String field, String what) throws InvalidObjectException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidObjectException(what + ": missing " + field);
        }
        String url = value.isTextual() ? value.textValue() : null;
        if (!isHttpUrl(url)) {
            throw new InvalidObjectException(what + " " + field + ": not an http(s) URL: " + excerpt(value.toString()));
        }
        return url;
    }

    /** An optional http(s) URL field: {@code null} when absent, refused when present and not a URL. */
    static String optionalUrl(JsonNode object, String field, String what) throws InvalidObjectException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return requireUrl(object, field, what);
    }

    /** Refuses an id that does not live on the instance the document came from. */
    static void requireOnHost(String url, String expectedHost, String what) throws InvalidObjectException {
        // the port counts: two instances on one machine are two origins
        String host = Activities.host(url);
        if (host == null || !host.equals(expectedHost.trim().toLowerCase(Locale.ROOT))) {
            throw new InvalidObjectException(what + ": " + excerpt(url) + " is not on " + expectedHost);
        }
    }

    /** An optional date field. */
    static Instant date(JsonNode object, String field, String what) throws InvalidObjectException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidObjectException(what + " " + field + ": not a date");
        }
        try {
            return ApContext.parseDate(value.textValue());
        } catch (InvalidObjectException e) {
            throw new InvalidObjectException(what + " " + field + ": " + e.getMessage());
        }
    }

    static Instant requireDate(JsonNode object, String field, String what) throws InvalidObjectException {
        Instant date = date(object, field, what);
        if (date == null) {
            throw new InvalidObjectException(what + ": missing " + field);
        }
        return date;
    }

    /** Whether an audience ({@code to} or {@code cc}, a string or an array) addresses the public. */
    static boolean addressesPublic(JsonNode audience) {
        for (JsonNode item : list(audience)) {
            String value = item.isTextual() ? item.textValue() : null;
            if (ApContext.PUBLIC.equals(value) || "as:Public".equals(value) || "Public".equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The start of a value for an error message, so a hostile document cannot flood the log. */
    static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max);
    }
}
