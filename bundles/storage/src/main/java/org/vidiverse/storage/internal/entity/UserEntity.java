package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A local user. {@code usernameLower} and {@code emailLower} carry the unique constraints, so uniqueness holds
 * regardless of case on every database (Derby has no functional indexes).
 */
@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "username", nullable = false, length = 255)
    private String username;

    @Column(name = "username_lower", nullable = false, unique = true, length = 255)
    private String usernameLower;

    @Column(name = "email", nullable = false, length = 400)
    private String email;

    @Column(name = "email_lower", nullable = false, unique = true, length = 400)
    private String emailLower;

    @Column(name = "password_hash", nullable = false, length = 1000)
    private String passwordHash;

    /** PeerTube's role id: 0 administrator, 1 moderator, 2 user. */
    @Column(name = "role", nullable = false)
    private int role;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "blocked_reason", length = 1000)
    private String blockedReason;

    @Column(name = "video_quota", nullable = false)
    private long videoQuota;

    @Column(name = "video_quota_daily", nullable = false)
    private long videoQuotaDaily;

    @Column(name = "nsfw_policy", nullable = false, length = 20)
    private String nsfwPolicy;

    @Column(name = "p2p_enabled", nullable = false)
    private boolean p2pEnabled;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    /** Nullable so that the column can be added to a database with users; {@code null} counts as enabled. */
    @Column(name = "videos_history_enabled")
    private Boolean videosHistoryEnabled;

    @OneToOne(mappedBy = "user")
    private AccountEntity account;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "last_login_at")
    private Date lastLoginAt;

    public long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getUsernameLower() { return usernameLower; }
    public void setUsernameLower(String usernameLower) { this.usernameLower = usernameLower; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailLower() { return emailLower; }
    public void setEmailLower(String emailLower) { this.emailLower = emailLower; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public int getRole() { return role; }
    public void setRole(int role) { this.role = role; }
    public boolean isBlocked() { return blocked; }
    public void setBlocked(boolean blocked) { this.blocked = blocked; }
    public String getBlockedReason() { return blockedReason; }
    public void setBlockedReason(String blockedReason) { this.blockedReason = blockedReason; }
    public long getVideoQuota() { return videoQuota; }
    public void setVideoQuota(long videoQuota) { this.videoQuota = videoQuota; }
    public long getVideoQuotaDaily() { return videoQuotaDaily; }
    public void setVideoQuotaDaily(long videoQuotaDaily) { this.videoQuotaDaily = videoQuotaDaily; }
    public String getNsfwPolicy() { return nsfwPolicy; }
    public void setNsfwPolicy(String nsfwPolicy) { this.nsfwPolicy = nsfwPolicy; }
    public boolean isP2pEnabled() { return p2pEnabled; }
    public void setP2pEnabled(boolean p2pEnabled) { this.p2pEnabled = p2pEnabled; }
    public boolean isEmailVerified() { return emailVerified; }
    public void setEmailVerified(boolean emailVerified) { this.emailVerified = emailVerified; }
    public boolean isVideosHistoryEnabled() { return videosHistoryEnabled == null || videosHistoryEnabled; }
    public void setVideosHistoryEnabled(boolean enabled) { this.videosHistoryEnabled = enabled; }
    public AccountEntity getAccount() { return account; }
    public void setAccount(AccountEntity account) { this.account = account; }
    public Date getCreatedAt() { return createdAt; }
    public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
    public Date getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Date lastLoginAt) { this.lastLoginAt = lastLoginAt; }
}
