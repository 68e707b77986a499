package org.vidiverse.rest.internal;

import javax.ws.rs.core.SecurityContext;
import org.vidiverse.api.model.User;
import org.vidiverse.rest.api.Caller;

/** What moderation hides from the caller of a listing (see {@code VideoQuery.moderatedFor}). */
final class Moderated {
    private Moderated() {
    }

    /** The caller's account id, or {@code 0} for an anonymous caller: listings hide what they blocked. */
    static long viewer(SecurityContext security) {
        return Caller.of(security).map(User::accountId).orElse(0L);
    }

    /**
     * For a listing of one account's videos: {@code null} (hide nothing) when the caller is that account or a
     * moderator, else as {@link #viewer}.
     */
    static Long viewerOf(SecurityContext security, long accountId) {
        User user = Caller.of(security).orElse(null);
        if (user == null) {
            return 0L;
        }
        return user.accountId() == accountId || user.role().atLeast(org.vidiverse.api.model.UserRole.MODERATOR)
                ? null : user.accountId();
    }
}
