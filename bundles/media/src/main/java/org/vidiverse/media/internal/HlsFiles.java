package org.vidiverse.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Playlist text work: renaming the files a playlist names, and the SHA-256 of every segment P2P peers verify. */
final class HlsFiles {
    private static final Pattern BYTERANGE = Pattern.compile("#EXT-X-BYTERANGE:(\\d+)(?:@(\\d+))?");

    private HlsFiles() {
    }

    /** The playlist with every URI (media lines and {@code URI="..."} attributes) renamed by {@code names}. */
    static String rename(String playlist, Map<String, String> names) {
        StringBuilder out = new StringBuilder();
        for (String line : playlist.split("\n", -1)) {
            String l = line;
            if (!l.isEmpty() && !l.startsWith("#")) {
                l = names.getOrDefault(l.trim(), l);
            } else if (l.contains("URI=\"")) {
                for (Map.Entry<String, String> e : names.entrySet()) {
                    l = l.replace("URI=\"" + e.getKey() + "\"", "URI=\"" + e.getValue() + "\"");
                }
            }
            out.append(l).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * The {@code segments-sha256.json} content of PeerTube: for each media file of the playlists, the SHA-256 of
     * each byte range a playlist names ({@code "start-end"}, inclusive), or of the whole file for playlists of one
     * file per segment.
     *
     * @param playlists rendition playlists, each with the folder its URIs are relative to
     */
    static Map<String, Map<String, String>> segmentHashes(List<Path> playlists) throws IOException {
        Map<String, Map<String, String>> hashes = new LinkedHashMap<>();
        for (Path playlist : playlists) {
            Path dir = playlist.getParent();
            long nextOffset = 0;
            Long length = null;
            Long offset = null;
            for (String raw : Files.readAllLines(playlist, StandardCharsets.UTF_8)) {
                String line = raw.trim();
                Matcher range = BYTERANGE.matcher(line);
                if (range.matches()) {
                    length = Long.parseLong(range.group(1));
                    offset = range.group(2) != null ? Long.parseLong(range.group(2)) : nextOffset;
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    Path media = dir.resolve(line).normalize();
                    if (!media.startsWith(dir)) {
                        throw new IOException("playlist " + playlist + " names a file outside its folder: " + line);
                    }
                    Map<String, String> ofFile = hashes.computeIfAbsent(line, k -> new LinkedHashMap<>());
                    if (length != null) {
                        ofFile.put(offset + "-" + (offset + length - 1), sha256(media, offset, length));
                        nextOffset = offset + length;
                    } else {
                        ofFile.put("0-" + (Files.size(media) - 1), sha256(media, 0, Files.size(media)));
                    }
                    length = null;
                    offset = null;
                }
            }
        }
        return hashes;
    }

    static String sha256(Path file, long offset, long length) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offset + length > ch.size()) {
                throw new IOException(file.getFileName() + " is shorter than the range " + offset + "+" + length);
            }
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("unexpected end of " + file.getFileName());
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
