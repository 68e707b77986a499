package org.vidiverse.api.store;

import java.time.Instant;

import org.vidiverse.api.model.JobState;

/**
 * Filters for listing jobs; {@code null} fields do not filter.
 *
 * @param state       only jobs in this state
 * @param type        only jobs of this type, e.g. {@code video-transcoding}
 * @param dueBy       with {@link JobState#PENDING}: only jobs that may run at this instant (PeerTube's "waiting")
 * @param delayedPast with {@link JobState#PENDING}: only jobs waiting for a retry after this instant ("delayed")
 */
public record JobQuery(JobState state, String type, Instant dueBy, Instant delayedPast) {

    public JobQuery {
        type = type == null || type.isBlank() ? null : type.trim();
    }

    public static JobQuery all() {
        return new JobQuery(null, null, null, null);
    }

    public static JobQuery inState(JobState state) {
        return new JobQuery(state, null, null, null);
    }

    /** Pending jobs that may run now. */
    public static JobQuery waiting(Instant now) {
        return new JobQuery(JobState.PENDING, null, now, null);
    }

    /** Pending jobs held back until a later retry. */
    public static JobQuery delayed(Instant now) {
        return new JobQuery(JobState.PENDING, null, null, now);
    }

    public JobQuery ofType(String value) {
        return new JobQuery(state, value, dueBy, delayedPast);
    }
}
