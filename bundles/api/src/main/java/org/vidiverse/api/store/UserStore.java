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

    Page<User> list(PageRequest page);

    long count();
}
