package org.vidiverse.api.auth;

import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;

/**
 * Creates and changes local users with PeerTube's rules: usernames of 1 to 50 characters among
 * {@code a-z 0-9 . _}, passwords of 6 to 255 characters, a valid email. Clear passwords go in; only hashes are
 * stored. Used by the REST API and the shell alike.
 *
 * @throws org.vidiverse.api.model.InvalidInputException for a value that breaks a rule
 * @throws org.vidiverse.api.store.DuplicateException when the username or email is taken
 * @throws org.vidiverse.api.store.NotFoundException for an unknown user
 */
@org.osgi.annotation.versioning.ProviderType
public interface UserAdmin {

    /** Creates the user with its account and default channel; quotas in bytes, -1 for unlimited. */
    User create(String username, String email, String password, UserRole role, long videoQuota, long videoQuotaDaily);

    User setRole(String username, UserRole role);

    /** Sets a new password and revokes the user's tokens. */
    User resetPassword(String username, String newPassword);

    /** Blocks (revoking every token) or unblocks a user. */
    User setBlocked(String username, boolean blocked, String reason);

    /** Whether {@code password} is the user's local password (false for users of external providers). */
    boolean checkPassword(long userId, String password);

    void validateUsername(String username);

    void validatePassword(String password);

    void validateEmail(String email);
}
