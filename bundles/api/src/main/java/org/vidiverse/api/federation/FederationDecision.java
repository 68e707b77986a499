package org.vidiverse.api.federation;

/** What to do with content from a remote origin. */
public enum FederationDecision {
    /** Process it. */
    ALLOW,
    /** Drop it without fetching anything. */
    DENY,
    /** Store it hidden until a moderator approves the origin. */
    QUARANTINE
}
