package org.vidiverse.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HlsFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String PLAYLIST = String.join("\n", "#EXTM3U", "#EXT-X-VERSION:7",
            "#EXT-X-TARGETDURATION:4", "#EXT-X-MAP:URI=\"360-fragmented.mp4\",BYTERANGE=\"10@0\"",
            "#EXTINF:4.000000,", "#EXT-X-BYTERANGE:20@10", "360-fragmented.mp4",
            "#EXTINF:2.000000,", "#EXT-X-BYTERANGE:15", "360-fragmented.mp4", "#EXT-X-ENDLIST", "");

    @Test
    public void renamesMediaLinesAndUriAttributes() {
        String renamed = HlsFiles.rename(PLAYLIST, Map.of("360-fragmented.mp4", "abc-360-fragmented.mp4"));
        assertEquals(PLAYLIST.replace("360-fragmented.mp4", "abc-360-fragmented.mp4"), renamed);
        String master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=640x360\n360.m3u8\n";
        assertEquals("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=640x360\nabc-360.m3u8\n",
                HlsFiles.rename(master, Map.of("360.m3u8", "abc-360.m3u8")));
    }

    @Test
    public void hashesEveryByteRangeOfEverySegment() throws Exception {
        Path dir = tmp.newFolder().toPath();
        byte[] media = new byte[45];
        for (int i = 0; i < media.length; i++) {
            media[i] = (byte) (i * 7);
        }
        Files.write(dir.resolve("360-fragmented.mp4"), media);
        Path playlist = dir.resolve("360.m3u8");
        Files.writeString(playlist, PLAYLIST, StandardCharsets.UTF_8);

        Map<String, Map<String, String>> hashes = HlsFiles.segmentHashes(List.of(playlist));
        // the init segment (EXT-X-MAP) is not a segment; the second range follows the first
        assertEquals(Map.of("360-fragmented.mp4", Map.of("10-29", sha(media, 10, 30), "30-44", sha(media, 30, 45))),
                hashes);
    }

    @Test
    public void refusesPlaylistsThatPointOutsideTheirFolderOrBeyondTheFile() throws Exception {
        Path dir = tmp.newFolder().toPath();
        Path evil = dir.resolve("evil.m3u8");
        Files.writeString(evil, "#EXTM3U\n#EXTINF:4,\n../secret.mp4\n", StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> HlsFiles.segmentHashes(List.of(evil)));

        Files.write(dir.resolve("short.mp4"), new byte[5]);
        Path tooLong = dir.resolve("long.m3u8");
        Files.writeString(tooLong, "#EXTM3U\n#EXT-X-BYTERANGE:10@0\nshort.mp4\n", StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> HlsFiles.segmentHashes(List.of(tooLong)));
    }

    private static String sha(byte[] data, int from, int to) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(data, from, to)));
    }
}
