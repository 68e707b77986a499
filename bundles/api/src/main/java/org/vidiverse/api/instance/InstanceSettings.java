package org.vidiverse.api.instance;

/**
 * The instance's admin-chosen settings that clients see through {@code GET /api/v1/config}. Changes made through
 * ConfigAdmin (PID {@code org.vidiverse.instance}) are visible at once.
 */
@org.osgi.annotation.versioning.ProviderType
public interface InstanceSettings extends InstanceIdentity {

    /** How people may create accounts. */
    enum SignupMode {
        CLOSED,
        OPEN,
        OPEN_WITH_APPROVAL
    }

    String name();

    String shortDescription();

    SignupMode signupMode();

    /** Users at most, {@code -1} for no limit. */
    int signupLimit();

    /** Default total quota for new users in bytes, {@code -1} for unlimited. */
    long defaultVideoQuota();

    /** Default daily quota for new users in bytes, {@code -1} for unlimited. */
    long defaultVideoQuotaDaily();

    /** Largest accepted upload in bytes. */
    long maxUploadSize();

    /** {@code do_not_list}, {@code blur} or {@code display}, as PeerTube names it. */
    String defaultNsfwPolicy();

    /**
     * Whether videos uploaded by users (role user, not moderators or administrators) wait on the block list until a
     * moderator approves them, as PeerTube's {@code autoBlacklist.videos.ofUsers}.
     *
     * @since 1.1
     */
    default boolean autoBlockVideosOfUsers() {
        return false;
    }

    /**
     * With {@link #autoBlockVideosOfUsers()}: only users whose account is younger than this many days are held;
     * {@code 0} holds every user's videos.
     *
     * @since 1.1
     */
    default int autoBlockNewUsersForDays() {
        return 0;
    }
}
