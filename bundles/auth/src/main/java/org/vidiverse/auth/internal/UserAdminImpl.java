package org.vidiverse.auth.internal;

import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.auth.UserAdmin;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.UserUpdate;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.UserStore;

/** Local user administration with PeerTube's validation rules. */
@Component(service = UserAdmin.class)
public final class UserAdminImpl implements UserAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(UserAdminImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._]{1,50}");
    // deliberately loose, as PeerTube's validator: one @, something on both sides, a dot in the domain
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final UserStore users;
    private final LoginService logins;
    private final PasswordHasher hasher = new PasswordHasher();

    @Activate
    public UserAdminImpl(@Reference UserStore users, @Reference LoginService logins) {
        this.users = users;
        this.logins = logins;
    }

    @Override
    public User create(String username, String email, String password, UserRole role, long videoQuota,
                       long videoQuotaDaily) {
        validateUsername(username);
        validateEmail(email);
        validatePassword(password);
        if (role == null) {
            throw new InvalidInputException("role", "role is required");
        }
        if (videoQuota < -1 || videoQuotaDaily < -1) {
            throw new InvalidInputException("videoQuota", "quotas must be -1 (unlimited) or a number of bytes");
        }
        User user = users.create(new NewUser(username, email, hasher.hash(password), role,
                videoQuota, videoQuotaDaily, username));
        LOG.info("Created user '{}' ({})", username, role.label());
        return user;
    }

    @Override
    public User setRole(String username, UserRole role) {
        return users.update(find(username).id(), UserUpdate.none().withRole(role));
    }

    @Override
    public User resetPassword(String username, String newPassword) {
        validatePassword(newPassword);
        User user = users.update(find(username).id(), UserUpdate.none().withPasswordHash(hasher.hash(newPassword)));
        logins.revokeAll(user.id());
        return user;
    }

    @Override
    public User setBlocked(String username, boolean blocked, String reason) {
        if (reason != null && reason.length() > 250) {
            throw new InvalidInputException("reason", "reason must be at most 250 characters");
        }
        User user = users.update(find(username).id(), UserUpdate.none().withBlocked(blocked, reason));
        if (blocked) {
            logins.revokeAll(user.id());
        }
        return user;
    }

    @Override
    public boolean checkPassword(long userId, String password) {
        return users.passwordHash(userId).map(hash -> hasher.verify(password, hash)).orElse(false);
    }

    private User find(String username) {
        return users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("User " + username + " not found"));
    }

    @Override
    public void validateUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "username must be 1 to 50 characters among lower-case letters, digits, dots and underscores");
        }
    }

    @Override
    public void validatePassword(String password) {
        if (password == null || password.length() < 6 || password.length() > 255) {
            throw new InvalidInputException("password", "password must be 6 to 255 characters");
        }
    }

    @Override
    public void validateEmail(String email) {
        if (email == null || email.length() > 400 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "email must be a valid email address");
        }
    }
}
