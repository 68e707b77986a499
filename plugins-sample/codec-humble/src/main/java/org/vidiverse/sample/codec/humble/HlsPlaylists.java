package org.vidiverse.sample.codec.humble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What FFmpeg 2.8's hls muxer leaves out, added after it: the media playlist's {@code #EXT-X-PLAYLIST-TYPE:VOD}
 * (the option arrived in FFmpeg 3.x), and the master playlist, which it cannot write at all, with bandwidths
 * measured from the segments written.
 */
final class HlsPlaylists {
    /** A variant of the master playlist. */
    record Variant(Path playlist, int width, int height, double fps, String codecs) {
    }

    /** Peak and average bits per second over a media playlist's segments. */
    record Bandwidth(long peak, long average) {
    }

    private HlsPlaylists() {
    }

    /** Marks a finished media playlist as video on demand (it already ends with #EXT-X-ENDLIST). */
    static void markVod(Path playlist) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(playlist, StandardCharsets.UTF_8));
        if (lines.stream().anyMatch(l -> l.startsWith("#EXT-X-PLAYLIST-TYPE"))) {
            return;
        }
        int at = lines.isEmpty() ? 0 : 1;                       // after #EXTM3U
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#EXT-X-VERSION")) {
                at = i + 1;
            }
        }
        lines.add(at, "#EXT-X-PLAYLIST-TYPE:VOD");
        Files.write(playlist, lines, StandardCharsets.UTF_8);
    }

    static Bandwidth bandwidth(Path playlist) throws IOException {
        double duration = 0;
        long bytes = 0;
        long peak = 0;
        double segment = 0;
        for (String line : Files.readAllLines(playlist, StandardCharsets.UTF_8)) {
            if (line.startsWith("#EXTINF:")) {
                segment = Double.parseDouble(line.substring(8).split(",", 2)[0].trim());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                long size = Files.size(playlist.resolveSibling(line.trim()));
                bytes += size;
                duration += segment;
                if (segment > 0) {
                    peak = Math.max(peak, Math.round(size * 8 / segment));
                }
            }
        }
        long average = duration > 0 ? Math.round(bytes * 8 / duration) : 0;
        return new Bandwidth(Math.max(peak, average), average);
    }

    /** Writes the master playlist naming every variant, in the order given. */
    static void writeMaster(Path master, List<Variant> variants) throws IOException {
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Variant v : variants) {
            Bandwidth bw = bandwidth(v.playlist());
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bw.peak())
                    .append(",AVERAGE-BANDWIDTH=").append(bw.average());
            if (v.height() > 0) {
                out.append(",RESOLUTION=").append(v.width()).append('x').append(v.height())
                        .append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.fps()));
            }
            out.append(",CODECS=\"").append(v.codecs()).append("\"\n")
                    .append(master.getParent().relativize(v.playlist())).append('\n');
        }
        Files.writeString(master, out, StandardCharsets.UTF_8);
    }
}
