package org.vidiverse.codec.ffmpeg.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class ProgressTrackerTest {
    @Test
    public void percentagesOfTheDurationRiseOnceEachAndOnlyFinishSays100() {
        List<Integer> seen = new ArrayList<>();
        ProgressTracker tracker = new ProgressTracker(10, seen::add);

        for (String line : List.of("frame=1", "out_time_us=N/A", "out_time_us=0", "out_time_us=2500000",
                "out_time_us=2500000", "out_time_us=1000000", "progress=continue", "out_time_us=9990000",
                "out_time_us=12000000", "progress=end")) {
            tracker.accept(line);
        }
        assertEquals(List.of(0, 25, 99), seen);

        tracker.finish();
        tracker.finish();
        assertEquals(List.of(0, 25, 99, 100), seen);
    }

    @Test
    public void failingListenerDoesNotStopTheTracker() {
        ProgressTracker tracker = new ProgressTracker(1, p -> {
            throw new IllegalStateException("listener bug");
        });
        tracker.accept("out_time_us=500000");
        tracker.finish();
        assertEquals(100, tracker.reported());
    }
}
