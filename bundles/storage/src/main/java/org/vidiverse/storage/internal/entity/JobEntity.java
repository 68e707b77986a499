package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.Version;
import org.vidiverse.api.model.JobState;

/**
 * A persisted job. Claims are made with a conditional SQL update on {@code state} (see JobStoreImpl), which also
 * bumps {@code version} so that a node holding a stale copy fails its optimistic update.
 */
@Entity
@Table(name = "job", indexes = @Index(name = "idx_job_state_run_after", columnList = "state,run_after"))
public class JobEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "job_type", nullable = false, length = 100)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private JobState state;

    @Lob
    @Column(name = "payload")
    private String payload;

    @Column(name = "progress", nullable = false)
    private int progress;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Lob
    @Column(name = "error_message")
    private String error;

    @Column(name = "claimed_by", length = 255)
    private String claimedBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "run_after", nullable = false)
    private Date runAfter;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "updated_at", nullable = false)
    private Date updatedAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "started_at")
    private Date startedAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "finished_at")
    private Date finishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public long getId() { return id; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public JobState getState() { return state; }
    public void setState(JobState state) { this.state = state; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public int getProgress() { return progress; }
    public void setProgress(int progress) { this.progress = progress; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public String getClaimedBy() { return claimedBy; }
    public void setClaimedBy(String claimedBy) { this.claimedBy = claimedBy; }
    public Date getRunAfter() { return runAfter; }
    public void setRunAfter(Date runAfter) { this.runAfter = runAfter; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Date updatedAt) { this.updatedAt = updatedAt; }
    public Date getStartedAt() { return startedAt; }
    public void setStartedAt(Date startedAt) { this.startedAt = startedAt; }
    public Date getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Date finishedAt) { this.finishedAt = finishedAt; }
    public long getVersion() { return version; }
}
