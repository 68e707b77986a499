package org.vidiverse.api.model;

/** What an abuse report is about (PeerTube's {@code filter} of abuse lists). @since 1.3 */
public enum AbuseKind {
    VIDEO, COMMENT, ACCOUNT
}
