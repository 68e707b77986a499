package org.vidiverse.api.model;

import java.time.Instant;
import java.util.List;

/**
 * An abuse report on a video, a comment or an account. The report outlives what it names: when the video, comment
 * or an account is deleted, its id here becomes {@code null} and the names recorded with the report remain, as in
 * PeerTube. @since 1.3
 *
 * @param reporter        the reporting account; {@code null} once it is deleted
 * @param flaggedAccount  the account reported, or owning the reported video or comment; {@code null} once deleted
 * @param video           for a video report, else {@code null}
 * @param comment         for a comment report, else {@code null}
 * @param flagUrl         the Flag activity this report came in, {@code null} for a report made here
 * @param messageCount    messages exchanged between reporter and moderators
 * @param reportsByReporter   reports the reporter has made (this one included)
 * @param reportsOfFlagged    reports naming the flagged account (this one included)
 */
public record Abuse(long id, String reason, List<AbusePredefinedReason> predefinedReasons, AbuseState state,
                    String moderationComment, ActorRef reporter, ActorRef flaggedAccount, FlaggedVideo video,
                    FlaggedComment comment, String flagUrl, Instant createdAt, Instant updatedAt, long messageCount,
                    long reportsByReporter, long reportsOfFlagged) {
    public Abuse {
        predefinedReasons = List.copyOf(predefinedReasons);
    }

    public AbuseKind kind() {
        return video != null ? AbuseKind.VIDEO : comment != null ? AbuseKind.COMMENT : AbuseKind.ACCOUNT;
    }

    /** Whether the report came from another instance. */
    public boolean remote() {
        return flagUrl != null;
    }

    /**
     * The reported video: as it is, or as it was when reported once {@code deleted}.
     *
     * @param reportCount reports on this video
     * @param nthReport   this report's rank among them (1 for the first)
     */
    public record FlaggedVideo(long id, String uuid, String name, String url, Integer startAt, Integer endAt,
                               boolean deleted, long reportCount, long nthReport) {
    }

    /**
     * The reported comment as it was when reported; {@code deleted} once it is deleted or gone with its video.
     *
     * @param threadId the id of its thread, {@code null} once the comment row is gone
     * @param videoId  the id of its video, {@code null} once the video is gone
     */
    public record FlaggedComment(long id, Long threadId, String text, String url, Long videoId, String videoUuid,
                                 String videoName, boolean deleted) {
    }
}
