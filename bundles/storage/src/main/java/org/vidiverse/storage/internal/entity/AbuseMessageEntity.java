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
 * A message on an abuse report. Its author is a plain account id, as on {@link AbuseEntity}: deleting the account
 * leaves the message, without author. Messages go with their report.
 */
@Entity
@Table(name = "abuse_message", indexes = @Index(name = "idx_abuse_message_abuse", columnList = "abuse_id"))
public class AbuseMessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "abuse_id", nullable = false)
    private long abuseId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "message", length = 3000, nullable = false)
    private String message;

    @Column(name = "by_moderator", nullable = false)
    private boolean byModerator;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    public long getId() { return id; }
    public long getAbuseId() { return abuseId; }
    public void setAbuseId(long abuseId) { this.abuseId = abuseId; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public boolean isByModerator() { return byModerator; }
    public void setByModerator(boolean byModerator) { this.byModerator = byModerator; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
}
