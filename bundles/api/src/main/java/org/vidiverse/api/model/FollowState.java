package org.vidiverse.api.model;

/** A follow between two actors waits for the followed side's approval until it is accepted. */
public enum FollowState {
    PENDING,
    ACCEPTED,
    REJECTED
}
