package org.vidiverse.shell.internal;

import java.util.Arrays;
import java.util.Locale;

import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.UserRole;

/** Reads a role as admins type it: its name or PeerTube's number. */
final class Roles {
    private Roles() {
    }

    static UserRole parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.equals("ADMIN")) {
            return UserRole.ADMINISTRATOR;
        }
        return Arrays.stream(UserRole.values())
                .filter(r -> r.name().equals(value) || String.valueOf(r.id()).equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("role", "role must be user, moderator or administrator"));
    }
}
