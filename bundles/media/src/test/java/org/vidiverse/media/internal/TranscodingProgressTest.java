package org.vidiverse.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.media.MediaPipeline.TranscodingProgress;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;

public class TranscodingProgressTest {
    private static long ids;

    private static Job job(JobState state, String payload, int progress) {
        Instant now = Instant.now();
        return new Job(++ids, "video-transcoding", state, payload, progress, 0, 3, null, null, now, now, null, null);
    }

    private static Job transcoding(JobState state, long videoId, int progress) {
        return job(state, TranscodePayload.json(videoId, "uploads/originals/x.mp4"), progress);
    }

    @Test
    public void aRunningTranscodingGivesItsPercentage() {
        List<Job> running = List.of(transcoding(JobState.PROCESSING, 4, 10), transcoding(JobState.PROCESSING, 7, 63));
        assertEquals(Optional.of(new TranscodingProgress(true, 63, 0)),
                MediaPipelineImpl.progressOf(7, running, List.of()));
    }

    @Test
    public void aWaitingTranscodingCountsTheJobsQueuedBeforeIt() {
        List<Job> pending = List.of(transcoding(JobState.PENDING, 1, 0), job(JobState.PENDING, "not json", 0),
                transcoding(JobState.PENDING, 2, 0), transcoding(JobState.PENDING, 9, 0));
        assertEquals(Optional.of(new TranscodingProgress(false, 0, 3)),
                MediaPipelineImpl.progressOf(9, List.of(), pending));
        assertEquals(Optional.of(new TranscodingProgress(false, 0, 0)),
                MediaPipelineImpl.progressOf(1, List.of(), pending));
    }

    @Test
    public void noJobMeansNoProgressAndOddPercentagesAreBounded() {
        assertTrue(MediaPipelineImpl.progressOf(5, List.of(transcoding(JobState.PROCESSING, 6, 50)),
                List.of(job(JobState.PENDING, "{\"videoId\":5}", 0))).isEmpty());
        assertEquals(100, MediaPipelineImpl.progressOf(6, List.of(transcoding(JobState.PROCESSING, 6, 140)), List.of())
                .orElseThrow().percent());
    }
}
