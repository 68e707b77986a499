package org.vidiverse.api.store;

import org.vidiverse.api.model.AbuseKind;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.AbuseState;

/**
 * Filters of an abuse list, PeerTube's; {@code null} means "any". Texts match case-insensitively anywhere.
 * @since 1.4
 *
 * @param search          in the reason, the video's name, the comment's text, reporter's or flagged account's handle
 * @param videoDeleted    {@code true}: only reports of videos since deleted (PeerTube's {@code videoIs=deleted})
 * @param reporterAccountId only the reports of this account ({@code /users/me/abuses})
 * @param videoBlacklisted {@code true}: only reports of videos on the block list (PeerTube's {@code videoIs=blacklisted})
 */
public record AbuseQuery(Long id, AbusePredefinedReason predefinedReason, String search, AbuseState state,
                         Boolean videoDeleted, String searchReporter, String searchReportee, AbuseKind kind,
                         Long reporterAccountId, Boolean videoBlacklisted) {
    public static final AbuseQuery ALL = new AbuseQuery(null, null, null, null, null, null, null, null, null);

    public AbuseQuery(Long id, AbusePredefinedReason predefinedReason, String search, AbuseState state,
                      Boolean videoDeleted, String searchReporter, String searchReportee, AbuseKind kind,
                      Long reporterAccountId) {
        this(id, predefinedReason, search, state, videoDeleted, searchReporter, searchReportee, kind,
                reporterAccountId, null);
    }

    public AbuseQuery byReporter(long accountId) {
        return new AbuseQuery(id, predefinedReason, search, state, videoDeleted, searchReporter, searchReportee,
                kind, accountId, videoBlacklisted);
    }
}
