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

    public long getId() { return id; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public boolean isBlocked() { return blocked; }
    public void setBlocked(boolean blocked) { this.blocked = blocked; }
    public boolean isRedundancyAllowed() { return redundancyAllowed; }
    public void setRedundancyAllowed(boolean redundancyAllowed) { this.redundancyAllowed = redundancyAllowed; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
}
