package org.vidiverse.api.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;

/**
 * The persisted job queue. Claiming is atomic across every node that shares the database: one job goes to one
 * claimer.
 */
@org.osgi.annotation.versioning.ProviderType
public interface JobStore {

    Job enqueue(String type, String payload, int maxAttempts, Instant runAfter);

    /** Takes the oldest pending job of one of {@code types} that is due, marking it PROCESSING by {@code nodeId}. */
    Optional<Job> claimNext(Set<String> types, String nodeId);

    void progress(long jobId, int percent);

    void succeed(long jobId);

    /** Records a failure: back to PENDING at {@code retryAt} while attempts remain, else FAILED. */
    void fail(long jobId, String error, Instant retryAt);

    /** Records a failure that retrying cannot fix (the input is not media, the video is gone): FAILED now. */
    void failForGood(long jobId, String error);

    /** Hands back the jobs a node was processing when it stopped; returns how many. */
    int releaseClaims(String nodeId);

    Optional<Job> find(long id);

    /** Jobs in {@code state}; kept for callers of 1.1, {@link #list(JobQuery, PageRequest)} filters more. */
    default Page<Job> list(JobState state, PageRequest page) {
        return list(JobQuery.inState(state), page);
    }

    /** Jobs matching {@code query}; sorts: {@code createdAt}, {@code id}, {@code runAfter}, {@code updatedAt}. */
    Page<Job> list(JobQuery query, PageRequest page);

    Map<JobState, Long> countByState();
}
