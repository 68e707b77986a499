package org.vidiverse.api.model;

/** Life cycle of a persisted background job. */
public enum JobState {
    PENDING,
    PROCESSING,
    SUCCESS,
    FAILED
}
