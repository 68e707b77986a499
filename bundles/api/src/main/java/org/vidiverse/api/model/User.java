package org.vidiverse.api.model;

import java.time.Instant;

/**
 * A local user. The password hash never leaves the storage and auth bundles through this type.
 *
 * @param videoQuota      bytes the user may store in total, {@code -1} for unlimited
 * @param videoQuotaDaily bytes the user may upload per day, {@code -1} for unlimited
 * @param videosHistoryEnabled whether the videos the user watches are recorded in their history
 */
public record User(long id, String username, String email, boolean emailVerified, UserRole role, boolean blocked,
                   String blockedReason, long videoQuota, long videoQuotaDaily, String nsfwPolicy,
                   boolean p2pEnabled, long accountId, Instant createdAt, Instant lastLoginAt,
                   boolean videosHistoryEnabled) {

    /** A user whose history is recorded, as every user starts. */
    public User(long id, String username, String email, boolean emailVerified, UserRole role, boolean blocked,
                String blockedReason, long videoQuota, long videoQuotaDaily, String nsfwPolicy, boolean p2pEnabled,
                long accountId, Instant createdAt, Instant lastLoginAt) {
        this(id, username, email, emailVerified, role, blocked, blockedReason, videoQuota, videoQuotaDaily,
                nsfwPolicy, p2pEnabled, accountId, createdAt, lastLoginAt, true);
    }
}
