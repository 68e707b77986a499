package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON-LD contexts PeerTube 6.x serves, the JSON settings every ActivityPub document goes through, and the
 * date and duration formats of the wire ({@code 2026-11-23T23:11:23.392Z}, {@code PT30S}).
 */
public final class ApContext {
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private static final String AS = "https://www.w3.org/ns/activitystreams";
    private static final String SECURITY = "https://w3id.org/security/v1";
    private static final Map<String, Object> RSA_SIGNATURE =
            ordered("RsaSignature2017", "https://w3id.org/security#RsaSignature2017");

    /** Activities, collections and their pages: what PeerTube serves for Follow, Accept, Announce, outboxes... */
    public static final List<Object> ACTIVITY_CONTEXT = List.of(AS, SECURITY, RSA_SIGNATURE);

    /** Person, Group and Application documents. */
    public static final List<Object> ACTOR_CONTEXT = withTerms(
            "playlists", ordered("@id", "pt:playlists", "@type", "@id"),
            "support", ordered("@type", "sc:Text", "@id", "pt:support"),
            "lemmy", "https://join-lemmy.org/ns#",
            "postingRestrictedToMods", "lemmy:postingRestrictedToMods",
            "icons", "as:icon");

    /** Video objects, and the Create or Update activities that carry one. */
    public static final List<Object> VIDEO_CONTEXT = withTerms(
            "Hashtag", "as:Hashtag",
            "category", "sc:category",
            "licence", "sc:license",
            "subtitleLanguage", "sc:subtitleLanguage",
            "automaticallyGenerated", "pt:automaticallyGenerated",
            "sensitive", "as:sensitive",
            "language", "sc:inLanguage",
            "identifier", "sc:identifier",
            "isLiveBroadcast", "sc:isLiveBroadcast",
            "liveSaveReplay", typed("sc:Boolean", "pt:liveSaveReplay"),
            "permanentLive", typed("sc:Boolean", "pt:permanentLive"),
            "latencyMode", typed("sc:Number", "pt:latencyMode"),
            "Infohash", "pt:Infohash",
            "tileWidth", typed("sc:Number", "pt:tileWidth"),
            "tileHeight", typed("sc:Number", "pt:tileHeight"),
            "tileDuration", typed("sc:Number", "pt:tileDuration"),
            "aspectRatio", typed("sc:Float", "pt:aspectRatio"),
            "uuid", typed("sc:identifier", "pt:uuid"),
            "originallyPublishedAt", "sc:datePublished",
            "uploadDate", "sc:uploadDate",
            "hasParts", "sc:hasParts",
            "views", typed("sc:Number", "pt:views"),
            "state", typed("sc:Number", "pt:state"),
            "size", typed("sc:Number", "pt:size"),
            "fps", typed("sc:Number", "pt:fps"),
            "commentsEnabled", typed("sc:Boolean", "pt:commentsEnabled"),
            "canReply", "pt:canReply",
            "commentsPolicy", typed("sc:Number", "pt:commentsPolicy"),
            "downloadEnabled", typed("sc:Boolean", "pt:downloadEnabled"),
            "waitTranscoding", typed("sc:Boolean", "pt:waitTranscoding"),
            "support", typed("sc:Text", "pt:support"),
            "likes", ordered("@id", "as:likes", "@type", "@id"),
            "dislikes", ordered("@id", "as:dislikes", "@type", "@id"),
            "shares", ordered("@id", "as:shares", "@type", "@id"),
            "comments", ordered("@id", "as:comments", "@type", "@id"),
            "PropertyValue", "sc:PropertyValue",
            "value", "sc:value");

    /** Comment Notes and their Tombstones. */
    public static final List<Object> NOTE_CONTEXT = withTerms("replyApproval", "pt:replyApproval");

    /** View activities (a view, or a live's viewer count). */
    public static final List<Object> VIEW_CONTEXT = withTerms(
            "WatchAction", "sc:WatchAction",
            "InteractionCounter", "sc:InteractionCounter",
            "interactionType", "sc:interactionType",
            "userInteractionCount", "sc:userInteractionCount");

    /** Flag activities (abuse reports), whose reasons are Hashtags. */
    public static final List<Object> FLAG_CONTEXT = withTerms("Hashtag", "as:Hashtag");

    /** Remote documents are small; these bounds keep a hostile one from costing memory or stack. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .maxDocumentLength(5_000_000L)
            .build();
    private static final ObjectReader READER = mapper().reader();
    private static final ObjectWriter WRITER = mapper().writer();

    private static final DateTimeFormatter JS_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d{1,9})D)?(?:T(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})(?:[.,]\\d+)?S)?)?",
            Pattern.CASE_INSENSITIVE);

    private ApContext() {
    }

    /**
     * A new mapper set up for ActivityPub: unknown fields are ignored, nulls are written (PeerTube writes
     * {@code "content": null}), remote input is bounded. Make one per component and keep it; for one-off reads and
     * writes prefer the shared immutable {@link #reader()} and {@link #writer()}.
     */
    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(LIMITS).build();
        return new ObjectMapper(factory)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
    }

    /** An immutable, thread-safe reader with {@link #mapper()}'s settings. */
    public static ObjectReader reader() {
        return READER;
    }

    /** An immutable, thread-safe writer with {@link #mapper()}'s settings. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** Seconds as an ActivityStreams duration the way PeerTube writes it: {@code PT30S}, {@code PT3723S}. */
    public static String isoDuration(int seconds) {
        return "PT" + Math.max(0, seconds) + "S";
    }

    /**
     * Reads an ISO 8601 duration as PeerTube and others write it: {@code PT30S}, {@code PT1H2M3S}, {@code PT0S},
     * {@code PT4.5S} (fractions are dropped), {@code P1DT2H}.
     *
     * @throws InvalidObjectException when the text is not such a duration or does not fit in an int
     */
    public static int parseIsoDuration(String duration) throws InvalidObjectException {
        Matcher m = duration == null ? null : DURATION.matcher(duration.trim());
        if (m == null || !m.matches() || duration.trim().length() < 3 || duration.trim().toUpperCase().endsWith("T")) {
            throw new InvalidObjectException("duration: not an ISO 8601 duration: " + Nodes.excerpt(duration));
        }
        long seconds = part(m, 1) * 86_400 + part(m, 2) * 3_600 + part(m, 3) * 60 + part(m, 4);
        if (seconds > Integer.MAX_VALUE) {
            throw new InvalidObjectException("duration: too long: " + duration);
        }
        return (int) seconds;
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** A date as JavaScript's {@code toISOString()} writes it: UTC with milliseconds. {@code null} stays null. */
    public static String date(Instant instant) {
        return instant == null ? null : JS_DATE.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Reads an RFC 3339 date ({@code 2026-11-23T23:11:23.392Z}, or with an offset). {@code null} stays null.
     *
     * @throws InvalidObjectException when the text is not such a date
     */
    public static Instant parseDate(String text) throws InvalidObjectException {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidObjectException("not a date: " + Nodes.excerpt(text));
        }
    }

    /** The document {@code body} with {@code context} as its first field, as served or sent. */
    public static Map<String, Object> withContext(List<Object> context, Map<String, Object> body) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", context);
        body.forEach((k, v) -> {
            if (!"@context".equals(k)) {
                document.put(k, v);
            }
        });
        return document;
    }

    /** A copy of {@code document} without its {@code @context}, to embed it in another document. */
    public static Map<String, Object> withoutContext(Map<String, Object> document) {
        Map<String, Object> body = new LinkedHashMap<>(document);
        body.remove("@context");
        return body;
    }

    private static List<Object> withTerms(Object... terms) {
        Object[] all = new Object[terms.length + 4];
        all[0] = "pt";
        all[1] = "https://joinpeertube.org/ns#";
        all[2] = "sc";
        all[3] = "http://schema.org/";
        System.arraycopy(terms, 0, all, 4, terms.length);
        return List.of(AS, SECURITY, RSA_SIGNATURE, ordered(all));
    }

    private static Map<String, Object> typed(String type, String id) {
        return ordered("@type", type, "@id", id);
    }

    /** An unmodifiable map that keeps its keys in the given order, so documents serialise as PeerTube's do. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
