package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;
import org.vidiverse.api.codec.TranscodeOutput;
import org.vidiverse.api.codec.TranscodeRequest;

/** The codec against the real bundled FFmpeg, on media it makes itself (4 s of 640x360 at 30 fps with sound). */
public class FfmpegCodecTest {
    @ClassRule
    public static final TemporaryFolder TMP = new TemporaryFolder();

    private static final List<Rendition> LADDER = List.of(
            new Rendition(360, 30, 800_000), new Rendition(240, 30, 400_000), new Rendition(144, 15, 150_000));

    private static FfmpegCodec codec;
    private static Binaries ffmpeg;
    private static Path video;
    private static Path audio;
    private static Path text;

    @BeforeClass
    public static void makeMedia() throws Exception {
        codec = new FfmpegCodec(TestSupport.config(Map.of()), TestSupport.FFMPEG_ROOT);
        assertTrue("bundled FFmpeg extracted and runs", codec.available());
        ffmpeg = codec.binaries();
        video = TestSupport.video(ffmpeg, TMP.getRoot().toPath().resolve("source.mp4"), 640, 360, 30, 4);
        audio = TestSupport.audio(ffmpeg, TMP.getRoot().toPath().resolve("voice.m4a"), 3);
        text = Files.writeString(TMP.getRoot().toPath().resolve("notes.mp4"), "These are notes, not a video.\n");
    }

    @AfterClass
    public static void stop() {
        codec.deactivate();
    }

    @Test
    public void probeReadsDurationSizeFrameRateAndCodecs() throws Exception {
        MediaInfo info = codec.probe(video);

        assertEquals(4.0, info.durationSeconds(), 0.1);
        assertEquals(640, info.width());
        assertEquals(360, info.height());
        assertEquals(30.0, info.fps(), 0.01);
        assertEquals("h264", info.videoCodec());
        assertEquals("aac", info.audioCodec());
        assertTrue(info.bitrate() > 0);
    }

    @Test
    public void probeOfAudioFileHasNoVideo() throws Exception {
        MediaInfo info = codec.probe(audio);

        assertFalse(info.hasVideo());
        assertTrue(info.hasAudio());
        assertEquals(3.0, info.durationSeconds(), 0.1);
    }

    @Test
    public void textFileIsRefusedWithAReadableMessage() {
        try {
            codec.probe(text);
            fail("a text file is not media");
        } catch (CodecException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("The file is not audio or video that FFmpeg can read"));
            assertFalse("no server path in the message: " + e.getMessage(), e.getMessage().contains(TMP.getRoot().toString()));
        }
    }

    @Test
    public void threeRungLadderInOneRunGivesPlayableMp4AndHls() throws Exception {
        Path out = TMP.newFolder("ladder").toPath();
        List<Integer> progress = Collections.synchronizedList(new ArrayList<>());

        List<TranscodeOutput> outputs = codec.transcode(
                new TranscodeRequest(video, out, LADDER, true, true, 2, null), progress::add);

        assertEquals("3 rungs x (mp4, playlist, fmp4) + master", 10, outputs.size());
        for (Rendition r : LADDER) {
            int h = r.height();
            Path mp4 = file(outputs, "mp4", h);
            assertEquals(out.resolve(h + ".mp4"), mp4);
            MediaInfo written = codec.probe(mp4);
            assertEquals(h, written.height());
            assertEquals("even width, source aspect ratio", Math.round(h * 16 / 9.0 / 2) * 2, written.width(), 2);
            assertEquals(4.0, written.durationSeconds(), 0.15);
            assertEquals(r.fps(), written.fps(), 0.01);
            assertEquals("aac", written.audioCodec());
            List<String> boxes = TestSupport.topLevelBoxes(mp4);
            assertTrue("faststart: moov before mdat " + boxes, boxes.indexOf("moov") < boxes.indexOf("mdat"));

            Path playlist = file(outputs, "hls-playlist", h);
            assertEquals(out.resolve("hls/" + h + ".m3u8"), playlist);
            Path fragmented = file(outputs, "hls-fmp4", h);
            assertEquals(out.resolve("hls/" + h + "-fragmented.mp4"), fragmented);
            HlsPlaylist.Media media = HlsPlaylist.parseMedia(Files.readString(playlist));
            assertEquals("init segment in the same file, as PeerTube", h + "-fragmented.mp4", media.mapUri());
            assertTrue(media.mapLength() > 0);
            assertTrue(media.ended());
            assertEquals("4 s in 2 s segments", 2, media.segments().size());
            assertEquals(4.0, media.duration(), 0.15);
            long next = media.mapLength();
            for (HlsPlaylist.Segment s : media.segments()) {
                assertEquals(h + "-fragmented.mp4", s.uri());
                assertEquals("byte ranges follow each other", next, s.offset());
                next = s.offset() + s.length();
            }
            assertEquals("the ranges cover the file", Files.size(fragmented), next);
            assertEquals(h, codec.probe(fragmented).height());
        }

        Path master = file(outputs, "hls-master", 0);
        assertEquals(out.resolve("hls/master.m3u8"), master);
        String text = Files.readString(master);
        List<String> variants = text.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")).toList();
        assertEquals(text, 3, variants.size());
        assertTrue(text, variants.get(0).contains("RESOLUTION=256x144") && variants.get(0).contains("FRAME-RATE=15.000"));
        assertTrue(text, variants.get(2).contains("RESOLUTION=640x360"));
        for (String v : variants) {
            assertTrue(v, v.matches(".*BANDWIDTH=[1-9][0-9]*,.*"));
            assertTrue(v, v.matches(".*CODECS=\"avc1\\.[0-9a-f]{6},mp4a\\.40\\.2\".*"));
        }
        assertEquals(List.of("144.m3u8", "240.m3u8", "360.m3u8"),
                text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());

        assertFalse(progress.isEmpty());
        assertEquals(100, (int) progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue("rising: " + progress, progress.get(i) > progress.get(i - 1));
        }
        assertEquals(0, codec.runningProcesses());
    }

    @Test
    public void webVideoOnlyWritesNoHls() throws Exception {
        Path out = TMP.newFolder("web-only").toPath();

        List<TranscodeOutput> outputs = codec.transcode(
                new TranscodeRequest(video, out, List.of(new Rendition(240, 30, 0)), false, true, 4, "ultrafast"), null);

        assertEquals(List.of("mp4"), outputs.stream().map(TranscodeOutput::kind).toList());
        assertFalse(Files.exists(out.resolve("hls")));
    }

    @Test
    public void audioOnlyInputGivesOneAudioRendition() throws Exception {
        Path out = TMP.newFolder("audio").toPath();

        List<TranscodeOutput> outputs = codec.transcode(new TranscodeRequest(audio, out, LADDER, true, true, 2, null), null);

        assertEquals(List.of("mp4:0", "hls-playlist:0", "hls-fmp4:0", "hls-master:0"),
                outputs.stream().map(o -> o.kind() + ":" + o.height()).toList());
        MediaInfo written = codec.probe(out.resolve("0.mp4"));
        assertFalse(written.hasVideo());
        assertEquals("aac", written.audioCodec());
        assertEquals(3.0, written.durationSeconds(), 0.15);
        String master = Files.readString(out.resolve("hls/master.m3u8"));
        assertTrue(master, master.contains("CODECS=\"mp4a.40.2\"\n0.m3u8"));
        assertFalse(master, master.contains("RESOLUTION"));
    }

    @Test
    public void snapshotWritesJpegOfExactlyTheAskedSize() throws Exception {
        Path thumbnail = TMP.getRoot().toPath().resolve("thumbnail.jpg");
        Path preview = TMP.getRoot().toPath().resolve("preview.jpg");

        codec.snapshot(video, 4 / 3.0, 280, 157, thumbnail);
        codec.snapshot(video, 99, 850, 480, preview);                  // past the end: a frame near the end

        for (Object[] expected : new Object[][] {{thumbnail, 280, 157}, {preview, 850, 480}}) {
            Path jpeg = (Path) expected[0];
            byte[] bytes = Files.readAllBytes(jpeg);
            assertEquals("JPEG start of image", 0xFFD8, ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff));
            BufferedImage image = ImageIO.read(jpeg.toFile());
            assertEquals(expected[1], image.getWidth());
            assertEquals(expected[2], image.getHeight());
        }
        try (var siblings = Files.list(TMP.getRoot().toPath())) {
            assertTrue("no partial file left", siblings.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    public void snapshotOfAudioIsRefused() throws Exception {
        try {
            codec.snapshot(audio, 1, 280, 157, TMP.getRoot().toPath().resolve("none.jpg"));
            fail("no picture in a sine");
        } catch (CodecException e) {
            assertEquals("The file has no video to take an image from", e.getMessage());
        }
    }

    @Test
    public void picturesBecomeJpegsScaledToCoverAndCropped() throws Exception {
        BufferedImage tall = new BufferedImage(300, 600, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = tall.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 300, 600);
        g.setColor(java.awt.Color.GREEN);
        g.fillRect(0, 0, 300, 100);          // the top sixth is cropped away when covering 280x157
        g.dispose();
        Path png = TMP.getRoot().toPath().resolve("tall.png");
        ImageIO.write(tall, "png", png.toFile());
        Path jpeg = TMP.getRoot().toPath().resolve("tall.jpg");

        codec.picture(png, 280, 157, jpeg);

        BufferedImage image = ImageIO.read(jpeg.toFile());
        assertEquals(280, image.getWidth());
        assertEquals(157, image.getHeight());
        int top = image.getRGB(140, 2);
        assertTrue("centre crop: red at the top, green cropped: " + Integer.toHexString(top),
                ((top >> 16) & 0xff) > 200 && ((top >> 8) & 0xff) < 60);

        Path notAPicture = TMP.getRoot().toPath().resolve("fake.png");
        Files.writeString(notAPicture, "just text");
        try {
            codec.picture(notAPicture, 280, 157, TMP.getRoot().toPath().resolve("none.jpg"));
            fail("text is not a picture");
        } catch (CodecException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("FFmpeg could not read the picture"));
        }
        assertFalse(Files.exists(TMP.getRoot().toPath().resolve("none.jpg")));
    }

    @Test
    public void badInputToTranscodeIsCodecException() throws Exception {
        try {
            codec.transcode(new TranscodeRequest(text, TMP.newFolder("bad").toPath(), LADDER, true, true, 2, null), null);
            fail("a text file is not media");
        } catch (CodecException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("The file is not audio or video"));
        }
    }

    @Test
    public void timeoutKillsTheChild() throws Exception {
        FfmpegCodec impatient = new FfmpegCodec(TestSupport.config(Map.of(
                "transcodeTimeoutMinSeconds", 1, "transcodeTimeoutFactor", 0.0)), TestSupport.FFMPEG_ROOT);
        try {
            impatient.transcode(new TranscodeRequest(video, TMP.newFolder("slow").toPath(), LADDER, true, true, 2,
                    "placebo"), null);
            fail("placebo x264 on three rungs takes far more than a second");
        } catch (CodecException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("took longer than 1 s"));
            assertEquals(List.of(), TestSupport.ffmpegChildren());
            assertEquals(0, impatient.runningProcesses());
        } finally {
            impatient.deactivate();
        }
    }

    @Test
    public void interruptKillsTheChild() throws Exception {
        Path out = TMP.newFolder("cancelled").toPath();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread job = new Thread(() -> {
            try {
                codec.transcode(new TranscodeRequest(video, out, LADDER, true, true, 2, "placebo"), null);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        job.start();
        assertTrue("ffmpeg (not ffprobe) starts", TestSupport.awaitFfmpegChild(30_000));

        job.interrupt();
        job.join(15_000);

        assertFalse(job.isAlive());
        assertTrue(String.valueOf(thrown.get()), thrown.get() instanceof InterruptedException);
        assertEquals(List.of(), TestSupport.ffmpegChildren());
        assertEquals(0, codec.runningProcesses());
    }

    @Test
    public void presetsAreChecked() {
        FfmpegConfig defaults = TestSupport.config(Map.of());
        assertEquals("veryfast", FfmpegCodec.preset(null, defaults));
        assertEquals("medium", FfmpegCodec.preset(" medium ", defaults));
        try {
            FfmpegCodec.preset("fast -vf evil", defaults);
            fail();
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    private static Path file(List<TranscodeOutput> outputs, String kind, int height) {
        List<Path> files = outputs.stream().filter(o -> o.kind().equals(kind) && o.height() == height)
                .map(TranscodeOutput::file).collect(Collectors.toList());
        assertEquals(kind + " " + height + " in " + outputs, 1, files.size());
        assertTrue(Files.isRegularFile(files.get(0)));
        return files.get(0);
    }
}
