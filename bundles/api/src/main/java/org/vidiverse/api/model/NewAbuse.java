package org.vidiverse.api.model;

import java.util.List;
import java.util.Objects;

/**
 * An abuse report to record. Exactly one of {@code videoId}, {@code commentId} and {@code accountId} names what is
 * reported. @since 1.3
 *
 * @param reporterAccountId the reporting account: a local user's, or the remote actor's account for a report
 *                          received by a Flag activity
 * @param startAt           for a video, the second where the problem starts, or {@code null}
 * @param endAt             for a video, the second where it ends, or {@code null}
 * @param flagUrl           the id of the Flag activity a remote instance sent, {@code null} for a local report
 */
public record NewAbuse(long reporterAccountId, String reason, List<AbusePredefinedReason> predefinedReasons,
                       Long videoId, Integer startAt, Integer endAt, Long commentId, Long accountId,
                       String flagUrl) {
    public NewAbuse {
        Objects.requireNonNull(reason, "reason");
        predefinedReasons = predefinedReasons == null ? List.of() : List.copyOf(predefinedReasons);
        int targets = (videoId != null ? 1 : 0) + (commentId != null ? 1 : 0) + (accountId != null ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("an abuse names exactly one video, comment or account");
        }
    }

    public static NewAbuse ofVideo(long reporterAccountId, String reason, List<AbusePredefinedReason> reasons,
                                   long videoId, Integer startAt, Integer endAt) {
        return new NewAbuse(reporterAccountId, reason, reasons, videoId, startAt, endAt, null, null, null);
    }

    public static NewAbuse ofComment(long reporterAccountId, String reason, List<AbusePredefinedReason> reasons,
                                     long commentId) {
        return new NewAbuse(reporterAccountId, reason, reasons, null, null, null, commentId, null, null);
    }

    public static NewAbuse ofAccount(long reporterAccountId, String reason, List<AbusePredefinedReason> reasons,
                                     long accountId) {
        return new NewAbuse(reporterAccountId, reason, reasons, null, null, null, null, accountId, null);
    }

    /** The same report, as received in the Flag activity {@code url}. */
    public NewAbuse receivedAs(String url) {
        return new NewAbuse(reporterAccountId, reason, predefinedReasons, videoId, startAt, endAt, commentId,
                accountId, url);
    }

    public AbuseKind kind() {
        return videoId != null ? AbuseKind.VIDEO : commentId != null ? AbuseKind.COMMENT : AbuseKind.ACCOUNT;
    }
}
