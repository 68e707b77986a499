package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.vidiverse.api.codec.CodecException;

public class ProbeTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void rotatedPhoneVideoIsPortraitAndCoverArtIsNotVideo() throws Exception {
        Probe probe = Probe.parse(json, """
                {"streams": [
                  {"index": 0, "codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600,
                   "disposition": {"attached_pic": 1}},
                  {"index": 1, "codec_type": "audio", "codec_name": "aac", "profile": "LC", "channels": 2},
                  {"index": 2, "codec_type": "video", "codec_name": "h264", "profile": "High", "level": 40,
                   "width": 1920, "height": 1080, "avg_frame_rate": "30000/1001", "r_frame_rate": "30000/1001",
                   "side_data_list": [{"side_data_type": "Display Matrix", "rotation": -90}],
                   "disposition": {"attached_pic": 0}}],
                 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "12.5", "size": "2500000"}}
                """);

        assertEquals(2, probe.videoStream());
        assertEquals(1, probe.audioStream());
        assertEquals(1080, probe.info().width());
        assertEquals(1920, probe.info().height());
        assertTrue(probe.portrait());
        assertEquals(29.97, probe.info().fps(), 0.01);
        assertEquals("bitrate from the size when the format has none", 1_600_000, probe.info().bitrate());
        assertEquals("avc1.640028", probe.videoCodecString());
        assertEquals("mp4a.40.2", probe.audioCodecString());
    }

    @Test
    public void codecStringFromFfprobeWhenItHasOne() throws Exception {
        Probe probe = Probe.parse(json, """
                {"streams": [{"index": 0, "codec_type": "video", "codec_name": "h264", "mime_codec_string": "avc1.64001f",
                  "width": 1280, "height": 720, "avg_frame_rate": "0/0", "r_frame_rate": "25/1", "duration": "3.0"}],
                 "format": {"format_name": "matroska,webm", "bit_rate": "900000"}}
                """);
        assertEquals("avc1.64001f", probe.videoCodecString());
        assertEquals("stream duration when the format has none", 3.0, probe.info().durationSeconds(), 0);
        assertEquals("r_frame_rate when avg_frame_rate is unknown", 25, probe.info().fps(), 0);
        assertFalse(probe.info().hasAudio());
        assertNull(probe.audioCodecString());
    }

    @Test
    public void stillImagesStreamlessFilesAndFilesWithoutDurationAreRefused() {
        refused("""
                {"streams": [{"index": 0, "codec_type": "video", "codec_name": "mjpeg", "width": 320, "height": 240}],
                 "format": {"format_name": "image2", "duration": "0.04"}}""", "still image");
        refused("""
                {"streams": [{"index": 0, "codec_type": "subtitle", "codec_name": "subrip"}],
                 "format": {"format_name": "srt", "duration": "60"}}""", "no audio or video");
        refused("""
                {"streams": [{"index": 0, "codec_type": "audio", "codec_name": "mp3"}],
                 "format": {"format_name": "mp3", "duration": "N/A"}}""", "no duration");
    }

    private void refused(String text, String why) {
        try {
            Probe.parse(json, text);
            fail("accepted " + text);
        } catch (CodecException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(why));
        }
    }
}
