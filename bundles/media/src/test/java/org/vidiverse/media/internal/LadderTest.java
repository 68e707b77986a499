package org.vidiverse.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;
import org.vidiverse.api.codec.MediaInfo;
import org.vidiverse.api.codec.Rendition;

public class LadderTest {
    private static final List<Integer> ALL = Ladder.parse("144,240,360,480,720,1080,1440,2160");

    private static List<Integer> heights(List<Rendition> ladder) {
        return ladder.stream().map(Rendition::height).toList();
    }

    @Test
    public void neverUpscalesAndListsHighestFirst() {
        MediaInfo hd = new MediaInfo(10, 1280, 720, 29.97, 3_000_000, "h264", "aac");
        assertEquals(List.of(720, 480, 360, 240, 144), heights(Ladder.of(hd, ALL, true)));
    }

    @Test
    public void addsTheSourceHeightWhenAsked() {
        MediaInfo odd = new MediaInfo(10, 1000, 563, 25, 1_000_000, "h264", "aac");
        assertEquals(List.of(562, 480, 360, 240, 144), heights(Ladder.of(odd, ALL, true)));
        assertEquals(List.of(480, 360, 240, 144), heights(Ladder.of(odd, ALL, false)));
    }

    @Test
    public void portraitVideosAreMeasuredOnTheirShorterSide() {
        MediaInfo phone = new MediaInfo(10, 720, 1280, 30, 3_000_000, "h264", "aac");
        assertEquals(720, Ladder.of(phone, ALL, false).get(0).height());
    }

    @Test
    public void capsFrameRatesBelow720pAt30() {
        MediaInfo fast = new MediaInfo(10, 1920, 1080, 60, 8_000_000, "h264", "aac");
        List<Rendition> ladder = Ladder.of(fast, List.of(1080, 720, 480), false);
        assertEquals(List.of(60, 60, 30), ladder.stream().map(Rendition::fps).toList());
        assertEquals(true, ladder.get(0).videoBitrate() > ladder.get(1).videoBitrate());
    }

    @Test
    public void audioOnlyGetsOneAudioRendition() {
        MediaInfo audio = new MediaInfo(10, 0, 0, 0, 128_000, null, "mp3");
        assertEquals(List.of(new Rendition(0, 0, 0)), Ladder.of(audio, ALL, true));
    }

    @Test
    public void tinySourcesKeepTheirOwnHeight() {
        MediaInfo tiny = new MediaInfo(10, 160, 90, 15, 100_000, "h264", null);
        assertEquals(List.of(90), heights(Ladder.of(tiny, ALL, false)));
    }

    @Test
    public void parsesHeightsWithOrWithoutP() {
        assertEquals(List.of(240, 720), Ladder.parse(" 240p, 720 ,"));
        assertThrows(IllegalArgumentException.class, () -> Ladder.parse("240,big"));
    }
}
