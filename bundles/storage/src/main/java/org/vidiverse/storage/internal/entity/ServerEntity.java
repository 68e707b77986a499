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

/** An instance this one knows of (PeerTube's {@code server} table). Hosts are lower case. */
@Entity
@Table(name = "server")
public class ServerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "host", nullable = false, unique = true, length = 255)
    private String host;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "redundancy_allowed", nullable = false)
    private boolean redundancyAllowed;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    /** Why it is blocked, when someone said (schema step 10). */
    @Column(name = "block_reason", length = 1000)
    private String blockReason;

    /** The subscribed moderation feed that blocked it; null for a local block. */
    @Column(name = "block_feed_id")
    private Long blockFeedId;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "blocked_at")
    private Date blockedAt;

    public long getId() { return id; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public boolean isBlocked() { return blocked; }
    public void setBlocked(boolean blocked) { this.blocked = blocked; }
    public boolean isRedundancyAllowed() { return redundancyAllowed; }
    public void setRedundancyAllowed(boolean redundancyAllowed) { this.redundancyAllowed = redundancyAllowed; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public String getBlockReason() { return blockReason; }
    public void setBlockReason(String blockReason) { this.blockReason = blockReason; }
    public Long getBlockFeedId() { return blockFeedId; }
    public void setBlockFeedId(Long blockFeedId) { this.blockFeedId = blockFeedId; }
    public Date getBlockedAt() { return blockedAt; }
    public void setBlockedAt(Date blockedAt) { this.blockedAt = blockedAt; }
}
