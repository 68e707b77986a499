package org.vidiverse.api.store;

import java.util.Optional;

import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;

/** Local users. Creating a user creates its account (a Person actor) and its default channel in one transaction. */
@org.osgi.annotation.versioning.ProviderType
public interface UserStore {

    /**
     * @throws DuplicateException if the username, email or the account/channel name is taken
     */
    User create(NewUser user);

    Optional<User> findById(long id);

    /** Case-insensitive, as usernames are unique regardless of case. */
    Optional<User> findByUsername(String username);

    Optional<User> findByEmail(String email);

    Optional<String> passwordHash(long userId);

    void updatePasswordHash(long userId, String passwordHash);

    /**
     * Applies the non-null fields of {@code update} in one transaction.
     *
     * @throws NotFoundException if there is no such user
     * @throws DuplicateException if the new email is taken
     */
    User update(long userId, org.vidiverse.api.model.UserUpdate update);

    /** Records a successful login. */
    void touchLogin(long userId);

    default Page<User> list(PageRequest page) {
        return list(null, null, page);
    }

    /**
     * Users whose username or email contains {@code search} (case-insensitive; {@code null} or blank: all), and
     * only blocked or only unblocked ones when {@code blocked} is given, as PeerTube's {@code GET /api/v1/users}.
     *
     * @since 1.6
     */
    Page<User> list(String search, Boolean blocked, PageRequest page);

    /** Bytes stored for the user's videos: every rendition of every video of the user's channels. */
    long videoQuotaUsed(long userId);

    /** Bytes of renditions stored for the user's videos created since {@code since} (the daily quota). */
    long videoQuotaUsedSince(long userId, java.time.Instant since);

    long count();

    /**
     * Removes the user and everything that is theirs in one transaction: the account and its channels (with their
     * actors and follows), the channels' videos with their files, tags, comments, ratings and playlist places
     * (playlists of others keep the place, without its video, as PeerTube does), the user's comments anywhere with
     * the replies under them, ratings, subscriptions, playlists, watch history and tokens. Counters of what stays
     * (likes, comments, followers) are brought back in line.
     *
     * @throws NotFoundException if there is no such user
     */
    void delete(long userId);
}
