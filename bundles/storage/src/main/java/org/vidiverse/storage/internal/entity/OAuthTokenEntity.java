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

/** An access/refresh token pair, stored as SHA-256 hashes (hex) of the tokens. */
@Entity
@Table(name = "oauth_token", indexes = {
        @Index(name = "idx_oauth_token_user", columnList = "user_id"),
        @Index(name = "idx_oauth_token_refresh_expires", columnList = "refresh_expires_at")})
public class OAuthTokenEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    // the user's id, not a relation: deleting a user deletes its tokens explicitly
    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "access_hash", nullable = false, unique = true, length = 64)
    private String accessHash;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "access_expires_at", nullable = false)
    private Date accessExpiresAt;

    @Column(name = "refresh_hash", nullable = false, unique = true, length = 64)
    private String refreshHash;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "refresh_expires_at", nullable = false)
    private Date refreshExpiresAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    public long getId() { return id; }
    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getAccessHash() { return accessHash; }
    public void setAccessHash(String accessHash) { this.accessHash = accessHash; }
    public Date getAccessExpiresAt() { return accessExpiresAt; }
    public void setAccessExpiresAt(Date accessExpiresAt) { this.accessExpiresAt = accessExpiresAt; }
    public String getRefreshHash() { return refreshHash; }
    public void setRefreshHash(String refreshHash) { this.refreshHash = refreshHash; }
    public Date getRefreshExpiresAt() { return refreshExpiresAt; }
    public void setRefreshExpiresAt(Date refreshExpiresAt) { this.refreshExpiresAt = refreshExpiresAt; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
}
