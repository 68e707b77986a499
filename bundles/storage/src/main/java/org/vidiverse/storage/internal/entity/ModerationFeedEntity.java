package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A subscription to another instance's moderation feed. {@code syncRound} counts claimed syncs: a claim is a
 * conditional update on it, so one node of several claims a due feed.
 */
@Entity
@Table(name = "moderation_feed")
public class ModerationFeedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "url", nullable = false, unique = true, length = 1000)
    private String url;

    @Column(name = "host", nullable = false, length = 255)
    private String host;

    @Column(name = "trust", nullable = false, length = 16)
    private String trust;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "last_sync_at")
    private Date lastSyncAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "last_success_at")
    private Date lastSuccessAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "published_at")
    private Date publishedAt;

    @Column(name = "sync_round", nullable = false)
    private long syncRound;

    public long getId() { return id; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public String getTrust() { return trust; }
    public void setTrust(String trust) { this.trust = trust; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getLastSyncAt() { return lastSyncAt; }
    public void setLastSyncAt(Date lastSyncAt) { this.lastSyncAt = lastSyncAt; }
    public Date getLastSuccessAt() { return lastSuccessAt; }
    public void setLastSuccessAt(Date lastSuccessAt) { this.lastSuccessAt = lastSuccessAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Date getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Date publishedAt) { this.publishedAt = publishedAt; }
    public long getSyncRound() { return syncRound; }
    public void setSyncRound(long syncRound) { this.syncRound = syncRound; }
}
