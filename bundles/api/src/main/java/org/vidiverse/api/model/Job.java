package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A persisted background job (transcoding, delivery...). Jobs survive restarts: a job found PROCESSING after a
 * crash is handed out again.
 *
 * @param type     what kind of work, e.g. {@code video-transcoding}
 * @param payload  JSON that the job's handler understands
 * @param progress percent done, 0 to 100
 */
public record Job(long id, String type, JobState state, String payload, int progress, int attempts,
                  int maxAttempts, String error, String claimedBy, Instant runAfter, Instant createdAt,
                  Instant startedAt, Instant finishedAt) {
}
