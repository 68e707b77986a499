package org.vidiverse.streaming.internal.tracker;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stream ids p2p-media-loader 2.x (with hls.js) gives the variants of a master playlist: the Base64 SHA-1 of
 * {@code bitrate-codecs-width-height-language-channels-name-frameRate-videoRange}, where bitrate is the variant's
 * {@code BANDWIDTH}, codecs its video codecs (lower case, sorted, decimal avc1 profiles in hex), frame rate without
 * trailing zeros; a variant without bandwidth is known by {@code 0} alone. The tracker derives them from the local
 * master playlists so it can tell the loader's swarms of a hosted video from anything else.
 */
final class LoaderStreams {
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");
    private static final Pattern VIDEO_CODEC = Pattern.compile(
            "^(avc1|avc3|hvc1|hev1|dvh1|dvhe|dva1|dvav|vp8|vp9|vp09|av01|mp4v)(\\..*)?$", Pattern.CASE_INSENSITIVE);

    private LoaderStreams() {
    }

    /** The ids of the {@code main} streams (one per {@code #EXT-X-STREAM-INF}) of a master playlist. */
    static List<String> mainStreamIds(String masterPlaylist) {
        List<String> ids = new ArrayList<>();
        for (String line : masterPlaylist.split("\\R")) {
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                Map<String, String> a = attributes(line.substring("#EXT-X-STREAM-INF:".length()));
                long bandwidth = parseLong(a.get("BANDWIDTH"));
                String[] resolution = a.getOrDefault("RESOLUTION", "").split("x");
                String width = resolution.length == 2 ? resolution[0].trim() : "";
                String height = resolution.length == 2 ? resolution[1].trim() : "";
                ids.add(bandwidth == 0 ? shortId("0", "", "", "", "", "")
                        : shortId(Long.toString(bandwidth), videoCodecs(a.get("CODECS")), width, height,
                        a.get("FRAME-RATE"), a.get("VIDEO-RANGE")));
            }
        }
        return ids;
    }

    static String shortId(String bitrate, String codecs, String width, String height, String frameRate,
                          String videoRange) {
        String normalizedCodecs = codecs == null || codecs.isEmpty() ? "" : Arrays.stream(codecs.split(","))
                .map(c -> hexAvc(c.trim().toLowerCase(Locale.ROOT))).sorted().collect(Collectors.joining(","));
        String rate = "";
        if (frameRate != null && !frameRate.isEmpty()) {
            try {
                rate = new BigDecimal(frameRate.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                rate = "";
            }
        }
        String range = videoRange == null ? "" : videoRange.trim().toUpperCase(Locale.ROOT);
        String s = bitrate + "-" + normalizedCodecs + "-" + width + "-" + height + "---" + "-" + rate + "-" + range;
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** {@code avc1.66.30} (decimal profile and level) as {@code avc1.42001e}, as the loader normalises it. */
    private static String hexAvc(String codec) {
        String[] parts = codec.split("\\.");
        if (parts.length == 3 && (parts[0].equals("avc1") || parts[0].equals("avc"))
                && parts[1].matches("0|[1-9][0-9]*") && parts[2].matches("0|[1-9][0-9]*")) {
            return parts[0] + "." + String.format("%02x", Integer.parseInt(parts[1])) + "00"
                    + String.format("%02x", Integer.parseInt(parts[2]));
        }
        return codec;
    }

    /** The video part of {@code CODECS}, as hls.js keeps it in a level's {@code videoCodec}. */
    private static String videoCodecs(String codecs) {
        if (codecs == null) {
            return "";
        }
        return Arrays.stream(codecs.split(",")).map(String::trim).filter(c -> VIDEO_CODEC.matcher(c).matches())
                .collect(Collectors.joining(","));
    }

    private static Map<String, String> attributes(String list) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(list);
        while (m.find()) {
            String v = m.group(2);
            a.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return a;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
