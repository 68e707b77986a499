package org.vidiverse.codec.ffmpeg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading the resolution playlists FFmpeg writes and writing the master playlist (RFC 8216). */
final class HlsPlaylist {

    /** A media segment; {@code length} is {@code -1} when the playlist gives no byte range (a whole file). */
    record Segment(double duration, long offset, long length, String uri) {
    }

    /** A resolution (media) playlist. */
    record Media(String mapUri, long mapLength, List<Segment> segments, int targetDuration, boolean ended) {
        double duration() {
            return segments.stream().mapToDouble(Segment::duration).sum();
        }

        /** Peak bits per second over the segments, what {@code BANDWIDTH} means; byte ranges only. */
        long peakBandwidth() {
            return (long) Math.ceil(segments.stream()
                    .mapToDouble(s -> s.duration() > 0 ? s.length() * 8 / s.duration() : 0).max().orElse(0));
        }

        /** Bits per second over the whole playlist, what {@code AVERAGE-BANDWIDTH} means. */
        long averageBandwidth() {
            long bytes = segments.stream().mapToLong(Segment::length).sum();
            double seconds = duration();
            return seconds > 0 ? (long) Math.ceil(bytes * 8 / seconds) : 0;
        }
    }

    /**
     * One entry of the master playlist.
     *
     * @param codecs RFC 6381 codec strings joined with a comma, e.g. {@code avc1.64001f,mp4a.40.2}
     * @param width  {@code 0} for audio only (then no RESOLUTION and FRAME-RATE are written)
     */
    record Variant(String uri, long bandwidth, long averageBandwidth, String codecs, int width, int height, double fps) {
    }

    private HlsPlaylist() {
    }

    /** @throws IllegalArgumentException if the text is not a media playlist */
    static Media parseMedia(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U")) {
            throw new IllegalArgumentException("not an M3U8 playlist");
        }
        String mapUri = null;
        long mapLength = -1;
        int target = -1;
        boolean ended = false;
        List<Segment> segments = new ArrayList<>();
        double duration = -1;
        long offset = -1;
        long length = -1;
        long next = 0;                                          // where a byte range without offset starts
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#EXT-X-MAP:")) {
                mapUri = attribute(line, "URI");
                String range = attribute(line, "BYTERANGE");
                mapLength = range == null ? -1 : Long.parseLong(range.split("@")[0]);
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Integer.parseInt(value(line));
            } else if (line.startsWith("#EXTINF:")) {
                duration = Double.parseDouble(value(line).split(",")[0]);
            } else if (line.startsWith("#EXT-X-BYTERANGE:")) {
                String[] range = value(line).split("@");
                length = Long.parseLong(range[0]);
                offset = range.length > 1 ? Long.parseLong(range[1]) : next;
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.startsWith("#")) {
                if (duration < 0) {
                    throw new IllegalArgumentException("segment " + line + " without #EXTINF");
                }
                segments.add(new Segment(duration, offset, length, line));
                next = length >= 0 ? offset + length : 0;
                duration = -1;
                offset = -1;
                length = -1;
            }
        }
        if (target < 0) {
            throw new IllegalArgumentException("no #EXT-X-TARGETDURATION: not a media playlist");
        }
        return new Media(mapUri, mapLength, List.copyOf(segments), target, ended);
    }

    /** Variants in the given order; all segments are independent (closed GOPs cut at keyframes). */
    static String master(List<Variant> variants) {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Variant v : variants) {
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(v.bandwidth())
                    .append(",AVERAGE-BANDWIDTH=").append(v.averageBandwidth())
                    .append(",CODECS=\"").append(v.codecs()).append('"');
            if (v.width() > 0) {
                m.append(",RESOLUTION=").append(v.width()).append('x').append(v.height())
                        .append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.fps()));
            }
            m.append('\n').append(v.uri()).append('\n');
        }
        return m.toString();
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1);
    }

    /** An attribute of a tag line: quoted ({@code URI="a.mp4"}) or not. */
    static String attribute(String line, String name) {
        String list = value(line);
        int i = 0;
        while (i < list.length()) {
            int eq = list.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = list.substring(i, eq).strip();
            int end;
            String val;
            if (eq + 1 < list.length() && list.charAt(eq + 1) == '"') {
                int close = list.indexOf('"', eq + 2);
                val = list.substring(eq + 2, close < 0 ? list.length() : close);
                end = close < 0 ? list.length() : list.indexOf(',', close);
            } else {
                end = list.indexOf(',', eq);
                val = list.substring(eq + 1, end < 0 ? list.length() : end);
            }
            if (key.equals(name)) {
                return val;
            }
            if (end < 0) {
                return null;
            }
            i = end + 1;
        }
        return null;
    }
}
