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
import javax.persistence.UniqueConstraint;

/**
 * One entry of a subscribed moderation feed and its state here. A feed lists a target once (the unique triple);
 * the target index serves overrides and block transfers between feeds, which look entries up by what they block.
 */
@Entity
@Table(name = "moderation_feed_entry",
        uniqueConstraints = @UniqueConstraint(name = "uq_moderation_feed_entry",
                columnNames = {"feed_id", "kind", "target"}),
        indexes = @Index(name = "idx_moderation_feed_entry_target", columnList = "kind, target"))
public class ModerationFeedEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "feed_id", nullable = false)
    private long feedId;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "target", nullable = false, length = 600)
    private String target;

    @Column(name = "target_url", length = 1000)
    private String targetUrl;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "error", length = 1000)
    private String error;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    public long getId() { return id; }
    public long getFeedId() { return feedId; }
    public void setFeedId(long feedId) { this.feedId = feedId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getTargetUrl() { return targetUrl; }
    public void setTargetUrl(String targetUrl) { this.targetUrl = targetUrl; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
}
