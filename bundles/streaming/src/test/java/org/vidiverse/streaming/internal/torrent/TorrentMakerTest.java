package org.vidiverse.streaming.internal.torrent;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.media.TorrentMaker.Torrent;
import org.vidiverse.streaming.internal.torrent.BencodeDecoder.Decoded;

public class TorrentMakerTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final List<String> SEEDS = List.of("https://video.example.org/static/web-videos/abc-720.mp4");
    private static final List<String> TRACKERS = List.of("wss://video.example.org/tracker/socket",
            "https://video.example.org/tracker/announce");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private TorrentMakerImpl maker;

    @Before
    public void maker() {
        maker = new TorrentMakerImpl(() -> "https://video.example.org", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file(String name, byte[] content) throws IOException {
        Path f = temp.getRoot().toPath().resolve(name);
        Files.write(f, content);
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> info(Decoded d) {
        return (Map<String, Object>) d.dict().get("info");
    }

    private static String str(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    private static byte[] sha1(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    @Test
    public void everyFieldOfASmallTorrent() throws Exception {
        Path source = file("hello.bin", "hello world".getBytes(StandardCharsets.US_ASCII));
        Path out = temp.getRoot().toPath().resolve("torrents/abc-720.torrent");
        Torrent t = maker.make(source, "hello.txt", SEEDS, TRACKERS, out);
        assertEquals(out, t.file());

        Decoded d = BencodeDecoder.decodeDict(Files.readAllBytes(out));
        assertEquals(List.of("announce", "announce-list", "created by", "creation date", "info", "url-list"),
                List.copyOf(d.dict().keySet()));
        assertEquals(TRACKERS.get(0), str(d.dict().get("announce")));
        List<List<String>> tiers = new ArrayList<>();
        for (Object tier : (List<?>) d.dict().get("announce-list")) {
            tiers.add(((List<?>) tier).stream().map(TorrentMakerTest::str).toList());
        }
        assertEquals(List.of(List.of(TRACKERS.get(0)), List.of(TRACKERS.get(1))), tiers);
        assertEquals("Vidiverse", str(d.dict().get("created by")));
        assertEquals(NOW.getEpochSecond(), d.dict().get("creation date"));
        assertEquals(SEEDS, ((List<?>) d.dict().get("url-list")).stream().map(TorrentMakerTest::str).toList());

        Map<String, Object> info = info(d);
        assertEquals(List.of("length", "name", "piece length", "pieces"), List.copyOf(info.keySet()));
        assertEquals(11L, info.get("length"));
        assertEquals("hello.txt", str(info.get("name")));
        assertEquals(16384L, info.get("piece length"));
        assertArrayEquals(sha1("hello world".getBytes(StandardCharsets.US_ASCII)), (byte[]) info.get("pieces"));

        // the info hash: SHA-1 of the info dictionary's bytes, written out here by hand and as found in the file
        byte[] expectedInfo = concat("d6:lengthi11e4:name9:hello.txt12:piece lengthi16384e6:pieces20:".getBytes(
                StandardCharsets.US_ASCII), sha1("hello world".getBytes(StandardCharsets.US_ASCII)), new byte[] {'e'});
        assertArrayEquals(expectedInfo, d.raw().get("info"));
        assertEquals(HexFormat.of().formatHex(sha1(expectedInfo)), t.infoHash());
        assertEquals("computed apart with Python's hashlib", "e797b1908e6938957d0d5c4598e57abc9ee3a60b", t.infoHash());
    }

    @Test
    public void magnetNamesTheHashTheFileTheTrackersAndTheSeeds() throws Exception {
        Torrent t = maker.make(file("a.bin", new byte[] {1, 2, 3}), "Été & co 720p.mp4", SEEDS, TRACKERS,
                temp.getRoot().toPath().resolve("a.torrent"));
        String magnet = t.magnetUri();
        assertTrue(magnet, magnet.startsWith("magnet:?xt=urn:btih:" + t.infoHash() + "&"));
        assertFalse("values are percent-encoded, spaces included", magnet.contains(" ") || magnet.contains("+"));
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (String pair : magnet.substring("magnet:?".length()).split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals(List.of("urn:btih:" + t.infoHash()), params.get("xt"));
        assertEquals(List.of("Été & co 720p.mp4"), params.get("dn"));
        assertEquals(TRACKERS, params.get("tr"));
        assertEquals(SEEDS, params.get("ws"));
    }

    @Test
    public void piecesOfAMultiPieceFileMatchARehash() throws Exception {
        byte[] content = new byte[40 * 1024 * 1024 + 12_345];
        new Random(7).nextBytes(content);
        Path source = file("big.bin", content);
        Path out = temp.getRoot().toPath().resolve("big.torrent");
        Torrent t = maker.make(source, "big.mp4", SEEDS, TRACKERS, out);

        Map<String, Object> info = info(BencodeDecoder.decodeDict(Files.readAllBytes(out)));
        int pieceLength = Math.toIntExact((Long) info.get("piece length"));
        assertEquals("40 MiB: the power of two nearest 40 KiB", 32768, pieceLength);
        byte[] pieces = (byte[]) info.get("pieces");
        int count = (content.length + pieceLength - 1) / pieceLength;
        assertEquals(count * 20, pieces.length);
        assertTrue("about a thousand pieces: " + count, count >= 500 && count <= 2048);
        try (InputStream in = Files.newInputStream(source)) {
            for (int i = 0; i < count; i++) {
                byte[] piece = in.readNBytes(pieceLength);
                assertArrayEquals("piece " + i, sha1(piece), java.util.Arrays.copyOfRange(pieces, i * 20, i * 20 + 20));
            }
        }
        assertEquals((long) content.length, info.get("length"));
        assertEquals(40, t.infoHash().length());
    }

    @Test
    public void pieceLengthFollowsWebtorrent() {
        assertEquals(16384, TorrentMakerImpl.pieceLength(0));
        assertEquals(16384, TorrentMakerImpl.pieceLength(1));
        assertEquals(16384, TorrentMakerImpl.pieceLength(16L * 1024 * 1024));
        assertEquals(32768, TorrentMakerImpl.pieceLength(24L * 1024 * 1024));
        assertEquals(2 * 1024 * 1024, TorrentMakerImpl.pieceLength(2L * 1024 * 1024 * 1024));
        assertEquals(16 * 1024 * 1024, TorrentMakerImpl.pieceLength(1L << 40));
        for (long size = 16L << 20; size <= 16L << 30; size = size * 5 / 4) {
            int piece = TorrentMakerImpl.pieceLength(size);
            long count = (size + piece - 1) / piece;
            assertEquals("power of two", 0, piece & (piece - 1));
            assertTrue(size + " bytes -> " + count + " pieces", count >= 724 && count <= 1449);
        }
    }

    @Test
    public void noTrackersMeansTheInstancesOwn() throws Exception {
        Path out = temp.getRoot().toPath().resolve("x.torrent");
        Torrent t = maker.make(file("x.bin", new byte[10]), "x.mp4", List.of(), List.of(), out);
        Decoded d = BencodeDecoder.decodeDict(Files.readAllBytes(out));
        assertEquals("wss://video.example.org/tracker/socket", str(d.dict().get("announce")));
        assertFalse("no web seeds, no url-list", d.dict().containsKey("url-list"));
        assertTrue(t.magnetUri().contains("&tr=https%3A%2F%2Fvideo.example.org%2Ftracker%2Fannounce"));
        assertEquals(List.of("ws://localhost:9000/tracker/socket", "http://localhost:9000/tracker/announce"),
                TorrentMakerImpl.trackersOf("http://localhost:9000"));
    }

    @Test
    public void theTorrentReplacesAnOldOneAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path dir = temp.newFolder("torrents").toPath();
        Path out = dir.resolve("v.torrent");
        Files.writeString(out, "old");
        maker.make(file("v.bin", new byte[100]), "v.mp4", SEEDS, TRACKERS, out);
        assertTrue(Files.readString(out, StandardCharsets.ISO_8859_1).startsWith("d8:announce"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    public void aNameWithAPathIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> maker.make(file("n.bin", new byte[1]), "../n.mp4",
                SEEDS, TRACKERS, temp.getRoot().toPath().resolve("n.torrent")));
        assertThrows(IllegalArgumentException.class, () -> maker.make(file("m.bin", new byte[1]), " ",
                SEEDS, TRACKERS, temp.getRoot().toPath().resolve("m.torrent")));
    }

    @Test
    public void encoderSortsKeysAsRawBytes() {
        assertEquals("d1:Ai1e1:ai2e2:aai3ee", new String(Bencode.encode(Map.of("aa", 3, "a", 2, "A", 1)),
                StandardCharsets.US_ASCII));
        assertEquals("li-5e0:l4:spamee", new String(Bencode.encode(List.of(-5L, "", List.of("spam"))),
                StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
