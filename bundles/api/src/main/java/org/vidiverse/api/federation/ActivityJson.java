package org.vidiverse.api.federation;

import java.util.Locale;

/**
 * Whether a request for an ActivityPub id (an actor, a video) wants the ActivityPub document or a page for people.
 * The federation's resources and the web interface decide with this one rule, so they never disagree about a URL.
 */
public final class ActivityJson {
    private ActivityJson() {
    }

    /**
     * @param accept the request's {@code Accept} header, or {@code null}
     * @return true for servers (activity+json, ld+json, plain JSON without HTML, or no Accept at all: a fetch
     *         without Accept means the document), false for browsers
     */
    public static boolean wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/activity+json") || a.contains("application/ld+json")
                || (a.contains("application/json") && !a.contains("text/html"));
    }
}
