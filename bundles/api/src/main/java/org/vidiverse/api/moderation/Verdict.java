package org.vidiverse.api.moderation;

import java.util.List;
import java.util.Objects;

/**
 * A policy's answer.
 *
 * @param decision what happens to the content
 * @param reason   shown to the user on REJECT and to moderators on HOLD; {@code null} on ACCEPT
 * @param tags     labels added to the content on TAG (e.g. {@code sensitive}); empty otherwise
 * @param policy   the name of the policy that decided, filled in by the core
 */
public record Verdict(Decision decision, String reason, List<String> tags, String policy) {

    /** What happens to the content. */
    public enum Decision {
        /** Let it in. */
        ACCEPT,
        /** Refuse it; the reason is shown to the user. */
        REJECT,
        /** Keep it out of sight until a moderator approves it. */
        HOLD,
        /** Let it in with labels. */
        TAG
    }

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Verdict accept() {
        return new Verdict(Decision.ACCEPT, null, List.of(), null);
    }

    public static Verdict reject(String reason) {
        return new Verdict(Decision.REJECT, reason, List.of(), null);
    }

    public static Verdict hold(String reason) {
        return new Verdict(Decision.HOLD, reason, List.of(), null);
    }

    public static Verdict tag(String reason, List<String> tags) {
        return new Verdict(Decision.TAG, reason, tags, null);
    }

    /** The same verdict, credited to {@code policyName}. */
    public Verdict by(String policyName) {
        return new Verdict(decision, reason, tags, policyName);
    }

    public boolean accepted() {
        return decision == Decision.ACCEPT || decision == Decision.TAG;
    }
}
