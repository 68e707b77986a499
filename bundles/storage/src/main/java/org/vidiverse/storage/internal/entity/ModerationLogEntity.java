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
 * One verdict of the moderation chain. Plain text, no foreign keys: the log outlives the content it judged.
 */
@Entity
@Table(name = "moderation_log", indexes = @Index(name = "idx_moderation_log_at", columnList = "created_at"))
public class ModerationLogEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Column(name = "subject_kind", nullable = false, length = 20)
    private String kind;

    @Column(name = "actor_handle", length = 512)
    private String actorHandle;

    @Column(name = "origin_host", length = 255)
    private String originHost;

    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "decision", nullable = false, length = 10)
    private String decision;

    @Column(name = "policy", length = 255)
    private String policy;

    @Column(name = "reason", length = 1000)
    private String reason;

    /** Comma separated. */
    @Column(name = "tags", length = 1000)
    private String tags;

    public long getId() { return id; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getActorHandle() { return actorHandle; }
    public void setActorHandle(String actorHandle) { this.actorHandle = actorHandle; }
    public String getOriginHost() { return originHost; }
    public void setOriginHost(String originHost) { this.originHost = originHost; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
}
