package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.vidiverse.api.codec.CodecException;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;

public class LadderTest {
    private static final Probe LANDSCAPE_60 = probe(1920, 1080, 60, true);
    private static final Probe PORTRAIT_30 = probe(1080, 1920, 30, true);
    private static final Probe SILENT = probe(1280, 720, 25, false);
    private static final Probe SOUND_ONLY = new Probe(new MediaInfo(10, 0, 0, 0, 128_000, null, "mp3"), "mp3", -1, 0,
            2, null, "mp4a.40.34");

    private static Probe probe(int width, int height, double fps, boolean audio) {
        return new Probe(new MediaInfo(30, width, height, fps, 8_000_000, "h264", audio ? "aac" : null), "mov,mp4",
                0, audio ? 1 : -1, audio ? 6 : 0, "avc1.640028", audio ? "mp4a.40.2" : null);
    }

    @Test
    public void rungsScaleTheShorterSideCapTheFrameRateAndAlignKeyframesWithSegments() throws Exception {
        List<Ladder.Rung> rungs = Ladder.plan(List.of(new Rendition(1080, 60, 6_000_000),
                new Rendition(720, 30, 2_500_000), new Rendition(720, 60, 1)), LANDSCAPE_60, 4);

        assertEquals("duplicates dropped, first wins", 2, rungs.size());
        assertEquals(new Ladder.Rung(1080, 60, "scale=-2:1080,format=yuv420p", 6_000_000, 120), rungs.get(0));
        assertEquals(new Ladder.Rung(720, 30, "fps=30,scale=-2:720,format=yuv420p", 2_500_000, 60), rungs.get(1));

        Ladder.Rung portrait = Ladder.plan(List.of(new Rendition(720, 60, 0)), PORTRAIT_30, 6).get(0);
        assertEquals("no upsampling of the frame rate", 30, portrait.fps(), 0);
        assertEquals("scale=720:-2,format=yuv420p", portrait.videoFilter());
        assertEquals("2 s keyframes divide 6 s segments", 60, portrait.gopFrames());
    }

    @Test
    public void keyframeIntervalDividesTheSegmentLength() {
        assertEquals(2, Ladder.gopSeconds(4));
        assertEquals(2, Ladder.gopSeconds(6));
        assertEquals(3, Ladder.gopSeconds(3));
        assertEquals(1, Ladder.gopSeconds(1));
        assertEquals("default segments of 4 s", 2, Ladder.gopSeconds(0));
    }

    @Test
    public void audioRungOnlyWhereThereIsSound() throws Exception {
        List<Rendition> ladder = List.of(new Rendition(720, 30, 0), new Rendition(0, 0, 0));
        assertEquals(2, Ladder.plan(ladder, LANDSCAPE_60, 4).size());
        assertEquals(List.of(720), Ladder.plan(ladder, SILENT, 4).stream().map(Ladder.Rung::resolution).toList());
        try {
            Ladder.plan(List.of(new Rendition(0, 0, 0)), SILENT, 4);
            fail("nothing to produce");
        } catch (CodecException expected) {
            assertTrue(expected.getMessage().contains("no sound"));
        }
    }

    @Test
    public void soundOnlySourceGivesTheAudioRungWhateverTheLadder() throws Exception {
        List<Ladder.Rung> rungs = Ladder.plan(List.of(new Rendition(720, 30, 0)), SOUND_ONLY, 4);
        assertEquals(List.of(new Ladder.Rung(0, 0, null, 0, 0)), rungs);
    }

    @Test
    public void oneDecodeSplitIntoEveryRungAndEachEncodingTeedToMp4AndHls() throws Exception {
        List<Ladder.Rung> rungs = Ladder.plan(List.of(new Rendition(720, 30, 2_000_000), new Rendition(360, 30, 0),
                new Rendition(0, 0, 0)), LANDSCAPE_60, 4);
        List<String> args = LadderCommand.build(Path.of("/opt/ff/ffmpeg"), Path.of("/in/up load.mov"), LANDSCAPE_60,
                rungs, new LadderCommand.Options(true, true, 4, "veryfast", 2, 128));

        String line = String.join(" ", args);
        assertEquals("one input", 1, args.stream().filter("-i"::equals).count());
        assertTrue(line, args.contains("file:/in/up load.mov"));
        assertEquals("scaled in cascade: 360p from the 720p frames",
                "[0:0]fps=30,scale=-2:720,split=2[c0][n0];[c0]format=yuv420p[v0];[n0]scale=-2:360,format=yuv420p[v1]",
                args.get(args.indexOf("-filter_complex") + 1));
        assertTrue(line, line.contains("-map [v0] -map [v1] "));
        assertTrue(line, line.contains("-map 0:1 -c:a aac -b:a 128k -ac 2"));
        assertTrue(line, line.contains("-g:v:0 60 -keyint_min:v:0 60 -maxrate:v:0 2000000 -bufsize:v:0 4000000"));
        assertTrue(line, line.contains("-g:v:1 60 -keyint_min:v:1 60 -map 0:1"));
        assertTrue(line, line.contains(" -threads 2 "));
        assertTrue(line, line.contains("-force_key_frames:v expr:gte(t,n_forced*2)"));
        assertEquals("-f", args.get(args.size() - 3));
        assertEquals("tee", args.get(args.size() - 2));
        List<String> slaves = List.of(args.get(args.size() - 1).split("\\|"));
        assertEquals(6, slaves.size());
        assertEquals("[select=\\'v:0,a\\':f=mp4:movflags=+faststart]720.mp4", slaves.get(0));
        assertEquals("[select=\\'v:0,a\\':f=hls:hls_time=4:hls_list_size=0:hls_playlist_type=vod:hls_segment_type=fmp4"
                + ":hls_flags=single_file:hls_segment_filename=hls/720-fragmented.mp4]hls/720.m3u8", slaves.get(1));
        assertTrue(slaves.get(2), slaves.get(2).startsWith("[select=\\'v:1,a\\':f=mp4"));
        assertEquals("[select=\\'a\\':f=mp4:movflags=+faststart]0.mp4", slaves.get(4));
    }

    @Test
    public void theCascadeRunsFromTheLargestRungAndKeepsEachRungsOutputLabel() throws Exception {
        List<Ladder.Rung> rungs = Ladder.plan(List.of(new Rendition(360, 30, 0), new Rendition(1080, 60, 0),
                new Rendition(720, 30, 0)), LANDSCAPE_60, 4);
        assertEquals("[0:0]scale=-2:1080,split=2[c0][n0];[c0]format=yuv420p[v1];"
                + "[n0]fps=30,scale=-2:720,split=2[c1][n1];[c1]format=yuv420p[v2];"
                + "[n1]scale=-2:360,format=yuv420p[v0]", LadderCommand.filterGraph(LANDSCAPE_60, rungs));

        List<Ladder.Rung> portrait = Ladder.plan(List.of(new Rendition(1080, 30, 0), new Rendition(480, 30, 0)),
                PORTRAIT_30, 4);
        assertEquals("[0:0]scale=1080:-2,split=2[c0][n0];[c0]format=yuv420p[v0];[n0]scale=480:-2,format=yuv420p[v1]",
                LadderCommand.filterGraph(PORTRAIT_30, portrait));
    }

    @Test
    public void aSmallerRungWithMoreFramesIsScaledFromTheSource() throws Exception {
        List<Ladder.Rung> rungs = Ladder.plan(List.of(new Rendition(720, 30, 0), new Rendition(360, 60, 0)),
                LANDSCAPE_60, 4);
        assertEquals("[0:0]split=2[s0][s1];[s0]fps=30,scale=-2:720,format=yuv420p[v0];[s1]scale=-2:360,format=yuv420p[v1]",
                LadderCommand.filterGraph(LANDSCAPE_60, rungs));
    }

    @Test
    public void silentSourceSelectsVideoOnly() throws Exception {
        List<Ladder.Rung> rungs = Ladder.plan(List.of(new Rendition(480, 30, 0)), SILENT, 4);
        List<String> args = LadderCommand.build(Path.of("ffmpeg"), Path.of("/in/a.mp4"), SILENT, rungs,
                new LadderCommand.Options(false, true, 4, "veryfast", 0, 128));

        assertEquals("source rate 25 under the rung's 30: no fps filter", "[0:0]scale=-2:480,format=yuv420p[v0]",
                args.get(args.indexOf("-filter_complex") + 1));
        assertTrue(!args.contains("-c:a") && !args.contains("-threads"));
        assertEquals("[select=\\'v:0\\':f=mp4:movflags=+faststart]480.mp4", args.get(args.size() - 1));
    }

    @Test
    public void encoderThreadsFollowEachRungsShareOfThePixels() {
        List<Ladder.Rung> ladder = List.of(rung(1080), rung(720), rung(480), rung(360));
        assertArrayEquals(new int[] {2, 1, 1, 1}, LadderCommand.encoderThreads(ladder, 2));
        assertArrayEquals(new int[] {5, 3, 1, 1}, LadderCommand.encoderThreads(ladder, 8));
        assertArrayEquals(new int[] {2}, LadderCommand.encoderThreads(List.of(rung(720)), 2));
        assertArrayEquals(new int[] {1, 1}, LadderCommand.encoderThreads(List.of(rung(240), rung(144)), 1));
    }

    private static Ladder.Rung rung(int height) {
        return new Ladder.Rung(height, 30, "scale=-2:" + height, 0, 60);
    }
}
