package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * An abuse report (PeerTube's {@code abuse} with its {@code videoAbuse} and {@code commentAbuse} parts in one row).
 * The accounts, video and comment it names are plain ids without foreign keys, next to their names at the time of
 * the report: deleting any of them leaves the report as it was, and a lookup that finds nothing means "deleted".
 * {@code predefined_reasons} holds PeerTube's reason ids between commas ({@code ,1,3,}) so one reason is a LIKE.
 */
@Entity
@Table(name = "abuse", indexes = {
        @Index(name = "idx_abuse_reporter", columnList = "reporter_account_id"),
        @Index(name = "idx_abuse_flagged_account", columnList = "flagged_account_id"),
        @Index(name = "idx_abuse_video", columnList = "video_id"),
        @Index(name = "idx_abuse_flag_url", columnList = "flag_url")})
public class AbuseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "reporter_account_id")
    private Long reporterAccountId;

    @Column(name = "reporter_handle", length = 400)
    private String reporterHandle;

    @Column(name = "reason", length = 3000, nullable = false)
    private String reason;

    @Column(name = "predefined_reasons", length = 100, nullable = false)
    private String predefinedReasons;

    @Column(name = "state", nullable = false)
    private int state;

    @Column(name = "moderation_comment", length = 3000)
    private String moderationComment;

    @Column(name = "flagged_account_id")
    private Long flaggedAccountId;

    @Column(name = "flagged_account_handle", length = 400)
    private String flaggedAccountHandle;

    @Column(name = "video_id")
    private Long videoId;

    @Column(name = "video_uuid", length = 36)
    private String videoUuid;

    @Column(name = "video_name", length = 300)
    private String videoName;

    @Column(name = "video_url", length = 1000)
    private String videoUrl;

    @Column(name = "start_at")
    private Integer startAt;

    @Column(name = "end_at")
    private Integer endAt;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "comment_text", length = 3000)
    private String commentText;

    @Column(name = "comment_url", length = 1000)
    private String commentUrl;

    @Column(name = "flag_url", length = 2000)
    private String flagUrl;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public Long getReporterAccountId() { return reporterAccountId; }
    public void setReporterAccountId(Long reporterAccountId) { this.reporterAccountId = reporterAccountId; }
    public String getReporterHandle() { return reporterHandle; }
    public void setReporterHandle(String reporterHandle) { this.reporterHandle = reporterHandle; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getPredefinedReasons() { return predefinedReasons; }
    public void setPredefinedReasons(String predefinedReasons) { this.predefinedReasons = predefinedReasons; }
    public int getState() { return state; }
    public void setState(int state) { this.state = state; }
    public String getModerationComment() { return moderationComment; }
    public void setModerationComment(String moderationComment) { this.moderationComment = moderationComment; }
    public Long getFlaggedAccountId() { return flaggedAccountId; }
    public void setFlaggedAccountId(Long flaggedAccountId) { this.flaggedAccountId = flaggedAccountId; }
    public String getFlaggedAccountHandle() { return flaggedAccountHandle; }
    public void setFlaggedAccountHandle(String handle) { this.flaggedAccountHandle = handle; }
    public Long getVideoId() { return videoId; }
    public void setVideoId(Long videoId) { this.videoId = videoId; }
    public String getVideoUuid() { return videoUuid; }
    public void setVideoUuid(String videoUuid) { this.videoUuid = videoUuid; }
    public String getVideoName() { return videoName; }
    public void setVideoName(String videoName) { this.videoName = videoName; }
    public String getVideoUrl() { return videoUrl; }
    public void setVideoUrl(String videoUrl) { this.videoUrl = videoUrl; }
    public Integer getStartAt() { return startAt; }
    public void setStartAt(Integer startAt) { this.startAt = startAt; }
    public Integer getEndAt() { return endAt; }
    public void setEndAt(Integer endAt) { this.endAt = endAt; }
    public Long getCommentId() { return commentId; }
    public void setCommentId(Long commentId) { this.commentId = commentId; }
    public String getCommentText() { return commentText; }
    public void setCommentText(String commentText) { this.commentText = commentText; }
    public String getCommentUrl() { return commentUrl; }
    public void setCommentUrl(String commentUrl) { this.commentUrl = commentUrl; }
    public String getFlagUrl() { return flagUrl; }
    public void setFlagUrl(String flagUrl) { this.flagUrl = flagUrl; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
