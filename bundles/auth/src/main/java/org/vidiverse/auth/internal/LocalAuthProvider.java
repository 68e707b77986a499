package org.vidiverse.auth.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.auth.AuthProvider;
import org.vidiverse.api.auth.AuthenticatedIdentity;
import org.vidiverse.api.auth.Credentials;
import org.vidiverse.api.model.User;
import org.vidiverse.api.plugin.PluginNames;
import org.vidiverse.api.store.UserStore;

/** Checks a local user's password (by username or email). Blocked users do not authenticate. */
@Component(property = {PluginNames.NAME_PROPERTY + "=local", "service.ranking:Integer=0"})
public final class LocalAuthProvider implements AuthProvider {
    private final UserStore users;
    private final PasswordHasher hasher = new PasswordHasher();

    @Activate
    public LocalAuthProvider(@Reference UserStore users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<AuthenticatedIdentity> authenticate(Credentials credentials) {
        String login = credentials.username().trim();
        Optional<User> user = login.contains("@") ? users.findByEmail(login) : users.findByUsername(login);
        return user.filter(u -> !u.blocked())
                .filter(u -> users.passwordHash(u.id()).map(h -> hasher.verify(credentials.password(), h))
                        .orElse(false))
                .map(u -> new AuthenticatedIdentity(name(), u.username(), u.email(), u.username(), u.role()));
    }
}
