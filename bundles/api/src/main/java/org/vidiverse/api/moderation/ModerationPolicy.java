package org.vidiverse.api.moderation;

/**
 * Decides whether content may enter this instance. Implementations are OSGi services; the core asks every
 * registered policy, highest {@code service.ranking} first, and the first verdict that is not ACCEPT or TAG wins
 * (TAG verdicts add their tags and let the chain go on).
 *
 * <p>A policy must answer within {@link #TIMEOUT_MS}; one that throws or times out is treated as REJECT, and a
 * policy that keeps failing is disabled by the core until it is restarted or reinstalled.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ModerationPolicy {
    long TIMEOUT_MS = 2_000;

    /** The name shown to admins and credited in verdicts; defaults to the class name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** @param subject what is being moderated: a local upload, an edit, a comment, a remote object or actor */
    Verdict review(ModerationSubject subject);
}
