package org.vidiverse.api.moderation;

import java.util.List;

/** The core's moderation chain, for code that lets content in (uploads, comments, inboxes). */
@org.osgi.annotation.versioning.ProviderType
public interface ModerationService {

    /** Runs every active policy in ranking order; never throws, and any failure yields a REJECT verdict. */
    Verdict moderate(ModerationSubject subject);

    /** Names of the active policies in the order they run. */
    List<String> activePolicies();
}
