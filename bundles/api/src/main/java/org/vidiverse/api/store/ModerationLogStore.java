package org.vidiverse.api.store;

import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.moderation.ModerationLogEntry;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;

/**
 * The audit log of moderation verdicts: every verdict the chain gives, kept for moderators.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface ModerationLogStore {

    /** Appends an entry; {@code id} and {@code createdAt} of the argument are ignored and set by the store. */
    ModerationLogEntry append(ModerationLogEntry entry);

    /**
     * Entries newest first.
     *
     * @param kind     only this kind, or {@code null}
     * @param decision only this decision, or {@code null}
     */
    Page<ModerationLogEntry> list(SubjectKind kind, Verdict.Decision decision, PageRequest page);
}
