package org.vidiverse.sample.codec.humble;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;

public class HumbleCodecTest {
    @ClassRule
    public static final TemporaryFolder tmp = new TemporaryFolder();

    private static final HumbleCodec codec = new HumbleCodec();
    /** 2 s of 320x240 at 25 fps, H.264 + AAC stereo 44.1 kHz, made once for the class. */
    private static Path source;

    @BeforeClass
    public static void makeSource() throws Exception {
        source = TestMedia.mp4(tmp.getRoot().toPath().resolve("source.mp4"), 320, 240, 25, 2.0);
    }

    @Test
    public void isNamedHumbleAndAvailableWithTheBundledLibrary() {
        assertEquals("humble", codec.name());
        assertTrue(codec.available());
    }

    @Test
    public void probeReadsDurationSizeFrameRateBitrateAndCodecs() throws Exception {
        MediaInfo info = codec.probe(source);

        assertEquals(2.0, info.durationSeconds(), 0.1);
        assertEquals(320, info.width());
        assertEquals(240, info.height());
        assertEquals(25.0, info.fps(), 0.01);
        assertTrue("bitrate " + info.bitrate(), info.bitrate() > 10_000);
        assertEquals("h264", info.videoCodec());
        assertEquals("aac", info.audioCodec());
    }

    @Test
    public void twoRungLadderGivesDecodableMp4AndHlsOfTheRightSizesAndLengths() throws Exception {
        Path out = tmp.newFolder().toPath();
        List<Integer> progress = new ArrayList<>();
        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(source, out,
                List.of(new Rendition(240, 30, 400_000), new Rendition(120, 15, 150_000)), true, true, 1, "veryfast"),
                progress::add);

        Map<String, List<TranscodeOutput>> byKind = outputs.stream().collect(Collectors.groupingBy(TranscodeOutput::kind));
        assertEquals(outputs.toString(), 2, byKind.get("mp4").size());
        assertEquals(2, byKind.get("hls-playlist").size());
        assertEquals(1, byKind.get("hls-master").size());

        TranscodeOutput big = byKind.get("mp4").get(0);
        assertEquals(240, big.height());
        assertEquals("never above the source's 25 fps", 25, big.fps());
        assertPlays(big.file(), 320, 240, 25, 2.0);

        TranscodeOutput small = byKind.get("mp4").get(1);
        assertEquals(120, small.height());
        assertEquals(15, small.fps());
        assertPlays(small.file(), 160, 120, 15, 2.0);
        MediaInfo smallInfo = codec.probe(small.file());
        assertEquals(15.0, smallInfo.fps(), 0.5);

        for (TranscodeOutput playlist : byKind.get("hls-playlist")) {
            String text = Files.readString(playlist.file());
            assertTrue(text, text.contains("#EXT-X-PLAYLIST-TYPE:VOD"));
            assertTrue(text, text.contains("#EXT-X-ENDLIST"));
            List<Path> segments = text.lines().filter(l -> l.endsWith(".ts")).map(out::resolve).toList();
            assertTrue("1 s segments of 2 s: " + segments, segments.size() >= 2);
            int frames = 0;
            for (Path segment : segments) {
                Decoded decoded = Decoded.of(segment);
                assertEquals(playlist.height(), decoded.height());
                assertTrue("segment has sound", decoded.audioSamples() > 0);
                frames += decoded.frames();
            }
            assertEquals(2.0 * playlist.fps(), frames, 2);
        }
        String master = Files.readString(byKind.get("hls-master").get(0).file());
        assertTrue(master, master.contains("RESOLUTION=320x240") && master.contains("240p.m3u8"));
        assertTrue(master, master.contains("RESOLUTION=160x120") && master.contains("120p.m3u8"));
        assertTrue(master, master.contains("CODECS=\"avc1.64001e,mp4a.40.2\""));

        assertEquals(Integer.valueOf(100), progress.get(progress.size() - 1));
        assertEquals(Integer.valueOf(0), progress.get(0));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue("progress never goes back: " + progress, progress.get(i) > progress.get(i - 1));
        }
        assertTrue("progress in between: " + progress, progress.stream().anyMatch(p -> p > 30 && p < 100));
    }

    @Test
    public void webVideoOnlyWritesNoPlaylists() throws Exception {
        Path out = tmp.newFolder().toPath();
        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(source, out,
                List.of(new Rendition(120, 25, 150_000)), false, true, 4, null), null);

        assertEquals(1, outputs.size());
        assertEquals("mp4", outputs.get(0).kind());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("120p.mp4")), files.toList());
        }
    }

    @Test
    public void audioOnlyInputGivesAudioOnlyOutputs() throws Exception {
        Path wav = Wav.sine(tmp.newFile("tone.wav").toPath(), 22_050, 1, 1.5);
        MediaInfo info = codec.probe(wav);
        assertFalse(info.hasVideo());
        assertEquals("pcm_s16le", info.audioCodec());
        assertEquals(1.5, info.durationSeconds(), 0.05);

        Path out = tmp.newFolder().toPath();
        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(wav, out,
                List.of(new Rendition(240, 30, 400_000)), true, true, 1, "veryfast"), null);

        TranscodeOutput mp4 = outputs.stream().filter(o -> o.kind().equals("mp4")).findFirst().orElseThrow();
        assertEquals(0, mp4.height());
        Decoded decoded = Decoded.of(mp4.file());
        assertEquals(0, decoded.frames());
        assertEquals(1.5, decoded.audioSeconds(), 0.1);
        MediaInfo mp4Info = codec.probe(mp4.file());
        assertNull(mp4Info.videoCodec());
        assertEquals("aac", mp4Info.audioCodec());
        String master = Files.readString(out.resolve("master.m3u8"));
        assertTrue(master, master.contains("CODECS=\"mp4a.40.2\"") && !master.contains("RESOLUTION"));
    }

    @Test
    public void aPortraitRungNamesTheShorterSide() throws Exception {
        Path portrait = TestMedia.mp4(tmp.newFile("portrait.mp4").toPath(), 240, 320, 25, 1.0);
        Path out = tmp.newFolder().toPath();
        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(portrait, out,
                List.of(new Rendition(120, 25, 100_000)), false, true, 1, "ultrafast"), null);

        assertEquals("the rung's name", 120, outputs.get(0).height());
        Decoded decoded = Decoded.of(outputs.get(0).file());
        assertEquals(120, decoded.width());
        assertEquals(160, decoded.height());
    }

    @Test
    public void snapshotIsAJpegOfExactlyTheSizeAskedCoveredAndCropped() throws Exception {
        Path thumbnail = tmp.getRoot().toPath().resolve("thumbnail.jpg");
        codec.snapshot(source, 0.7, 280, 157, thumbnail);
        BufferedImage image = ImageIO.read(thumbnail.toFile());
        assertEquals(280, image.getWidth());
        assertEquals(157, image.getHeight());
        // the source's bright and dark bars (16 px at 320 px wide) are there across the middle row
        int brightest = 0;
        int darkest = 255;
        for (int x = 0; x < image.getWidth(); x++) {
            brightest = Math.max(brightest, luma(image.getRGB(x, 78)));
            darkest = Math.min(darkest, luma(image.getRGB(x, 78)));
        }
        assertTrue("bars visible: " + brightest + " vs " + darkest, brightest - darkest > 80);

        Path preview = tmp.getRoot().toPath().resolve("preview.jpg");
        codec.snapshot(source, 99, 850, 480, preview);             // past the end: a frame near the end
        BufferedImage big = ImageIO.read(preview.toFile());
        assertEquals(850, big.getWidth());
        assertEquals(480, big.getHeight());

        Path wav = Wav.sine(tmp.newFile("still.wav").toPath(), 22_050, 1, 0.5);
        assertThrows(CodecException.class, () -> codec.snapshot(wav, 0, 280, 157, tmp.getRoot().toPath().resolve("x.jpg")));
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    }

    @Test
    public void anUnknownPresetIsRefusedAndNoBitrateMeansConstantQuality() throws Exception {
        Path out = tmp.newFolder().toPath();
        CodecException refused = assertThrows(CodecException.class, () -> codec.transcode(new TranscodeRequest(source,
                out, List.of(new Rendition(120, 25, 100_000)), false, true, 1, "warp-speed"), null));
        assertTrue(refused.getMessage(), refused.getMessage().contains("warp-speed"));

        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(source, out,
                List.of(new Rendition(120, 25, 0)), false, true, 1, "ultrafast"), null);
        assertEquals(120, Decoded.of(outputs.get(0).file()).height());
    }

    @Test
    public void filesThatAreNotMediaAreCodecExceptions() throws Exception {
        Path junk = tmp.newFile("junk.mp4").toPath();
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        Path text = tmp.newFile("notes.txt").toPath();
        Files.writeString(text, "not a video\n".repeat(200));
        Path empty = tmp.newFile("empty.mp4").toPath();

        for (Path file : List.of(junk, text, empty, tmp.getRoot().toPath().resolve("missing.mp4"))) {
            assertThrows(file.toString(), CodecException.class, () -> codec.probe(file));
            Path out = tmp.newFolder().toPath();
            assertThrows(file.toString(), CodecException.class, () -> codec.transcode(new TranscodeRequest(file, out,
                    List.of(new Rendition(120, 25, 100_000)), true, true, 2, null), null));
        }
    }

    @Test
    public void interruptStopsTheTranscodeWithEveryFileClosed() throws Exception {
        Path longer = TestMedia.mp4(tmp.newFile("longer.mp4").toPath(), 640, 360, 25, 8.0);
        Path out = tmp.newFolder().toPath();
        List<Integer> progress = new ArrayList<>();
        try {
            codec.transcode(new TranscodeRequest(longer, out,
                    List.of(new Rendition(360, 25, 800_000), new Rendition(240, 25, 400_000)), true, true, 2, "veryfast"),
                    percent -> {
                        progress.add(percent);
                        if (percent >= 20) {
                            Thread.currentThread().interrupt();   // what cancelling the job's thread does
                        }
                    });
            fail("a cancelled transcode must not complete");
        } catch (InterruptedException expected) {
            assertFalse("the flag is consumed by the exception", Thread.currentThread().isInterrupted());
        }
        assertTrue("stopped early: " + progress, progress.get(progress.size() - 1) < 50);
        assertEquals("no file of the output folder is still open", List.of(), openFilesUnder(out));
        assertEquals("nor the input", List.of(), openFilesUnder(longer));
    }

    @Test
    public void repeatedTranscodesLeakNoFileDescriptors() throws Exception {
        int before = openFileCount();
        for (int i = 0; i < 3; i++) {
            Path out = tmp.newFolder().toPath();
            codec.transcode(new TranscodeRequest(source, out, List.of(new Rendition(120, 25, 100_000)), true, true, 1,
                    "ultrafast"), null);
            codec.probe(source);
        }
        assertEquals(before, openFileCount());
    }

    /** Files of this process (from /proc/self/fd) under {@code path}. */
    private static List<String> openFilesUnder(Path path) throws IOException {
        Path real = path.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(HumbleCodecTest::target).filter(t -> t != null && t.startsWith(real))
                    .map(Path::toString).toList();
        }
    }

    private static int openFileCount() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.map(HumbleCodecTest::target).filter(t -> t != null && t.startsWith(tmp.getRoot().toPath()))
                    .count();
        }
    }

    private static Path target(Path fd) {
        try {
            return Files.readSymbolicLink(fd);
        } catch (IOException e) {
            return null;                                 // closed while listing
        }
    }

    private static void assertPlays(Path file, int width, int height, int fps, double seconds) throws Exception {
        Decoded decoded = Decoded.of(file);
        assertEquals(width, decoded.width());
        assertEquals(height, decoded.height());
        assertEquals(file.getFileName() + " frames", seconds * fps, decoded.frames(), 2);
        assertEquals(file.getFileName() + " sound", seconds, decoded.audioSeconds(), 0.1);
        MediaInfo info = codec.probe(file);
        assertEquals(seconds, info.durationSeconds(), 0.15);
        assertEquals("h264", info.videoCodec());
        assertEquals("aac", info.audioCodec());
    }
}
