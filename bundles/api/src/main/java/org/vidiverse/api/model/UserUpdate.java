package org.vidiverse.api.model;

/**
 * Changes to a user; {@code null} fields stay as they are.
 *
 * @param passwordHash an encoded hash from the auth bundle, never a clear password
 * @param videosHistoryEnabled whether the videos the user watches are recorded in their history
 */
public record UserUpdate(String email, String passwordHash, UserRole role, Long videoQuota, Long videoQuotaDaily,
                         Boolean blocked, String blockedReason, String nsfwPolicy, Boolean p2pEnabled,
                         String displayName, Boolean videosHistoryEnabled) {

    /** Changes that leave the history setting as it is. */
    public UserUpdate(String email, String passwordHash, UserRole role, Long videoQuota, Long videoQuotaDaily,
                      Boolean blocked, String blockedReason, String nsfwPolicy, Boolean p2pEnabled,
                      String displayName) {
        this(email, passwordHash, role, videoQuota, videoQuotaDaily, blocked, blockedReason, nsfwPolicy, p2pEnabled,
                displayName, null);
    }

    public static UserUpdate none() {
        return new UserUpdate(null, null, null, null, null, null, null, null, null, null, null);
    }

    public UserUpdate withRole(UserRole value) {
        return new UserUpdate(email, passwordHash, value, videoQuota, videoQuotaDaily, blocked, blockedReason,
                nsfwPolicy, p2pEnabled, displayName, videosHistoryEnabled);
    }

    public UserUpdate withPasswordHash(String value) {
        return new UserUpdate(email, value, role, videoQuota, videoQuotaDaily, blocked, blockedReason, nsfwPolicy,
                p2pEnabled, displayName, videosHistoryEnabled);
    }

    public UserUpdate withBlocked(boolean value, String reason) {
        return new UserUpdate(email, passwordHash, role, videoQuota, videoQuotaDaily, value, reason, nsfwPolicy,
                p2pEnabled, displayName, videosHistoryEnabled);
    }
}
