package org.vidiverse.auth.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.UserStore;

/**
 * Creates the {@code root} administrator on first start, as PeerTube does: its password comes from the
 * {@code VID_INITIAL_ROOT_PASSWORD} environment variable, or is generated and printed once on the console.
 */
@Component(immediate = true, service = InitialAdmin.class)
public final class InitialAdmin {
    static final String USERNAME = "root";
    static final String PASSWORD_ENV = "VID_INITIAL_ROOT_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    @Activate
    public InitialAdmin(@Reference UserStore users, @Reference InstanceSettings settings) {
        createIfMissing(users, settings, System.getenv(PASSWORD_ENV), new PasswordHasher());
    }

    /** Returns the generated password when one was generated, else {@code null}. */
    static String createIfMissing(UserStore users, InstanceSettings settings, String presetPassword,
                                  PasswordHasher hasher) {
        if (users.findByUsername(USERNAME).isPresent()) {
            return null;
        }
        boolean generate = presetPassword == null || presetPassword.isBlank();
        String password = generate ? generatePassword() : presetPassword;
        String email = "admin@" + settings.host().replaceAll(":\\d+$", "");
        try {
            users.create(new NewUser(USERNAME, email, hasher.hash(password), UserRole.ADMINISTRATOR, -1, -1, USERNAME));
        } catch (DuplicateException raced) {
            // another node sharing the database created it first
            return null;
        }
        if (generate) {
            // printed once, on the console only: the log files must not keep it
            System.out.println();
            System.out.println("Username: " + USERNAME);
            System.out.println("User password: " + password);
            System.out.println();
            LOG.warn("Created the '{}' administrator; its generated password was printed on the console once", USERNAME);
        } else {
            LOG.info("Created the '{}' administrator with the password from {}", USERNAME, PASSWORD_ENV);
        }
        return generate ? password : null;
    }

    static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
