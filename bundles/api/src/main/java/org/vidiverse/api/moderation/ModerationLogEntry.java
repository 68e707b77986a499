package org.vidiverse.api.moderation;

import java.time.Instant;
import java.util.List;

/**
 * One verdict of the moderation chain as the audit log keeps it.
 *
 * @param kind        what was moderated
 * @param actorHandle who acted, as {@code name@host}
 * @param originHost  where the content came from
 * @param subject     a short description of the content (a video's name, the start of a comment)
 * @param decision    the chain's decision
 * @param policy      the policy that decided, or {@code null} when every policy accepted
 * @param reason      the policy's reason, or {@code null}
 * @param tags        labels added by TAG verdicts
 * @since 1.1
 */
public record ModerationLogEntry(long id, Instant createdAt, SubjectKind kind, String actorHandle, String originHost,
                                 String subject, Verdict.Decision decision, String policy, String reason,
                                 List<String> tags) {
    public ModerationLogEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
