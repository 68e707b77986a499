package org.vidiverse.sample.auth.ldap;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What PeerTube accepts as a username: 1 to 50 of {@code a-z 0-9 _ .}. */
final class PeerTubeUsernames {
    static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_.]{1," + MAX_LENGTH + "}");

    private PeerTubeUsernames() {
    }

    /** The directory value in lower case when PeerTube would accept it; empty otherwise (nothing is stripped). */
    static Optional<String> normalise(String directoryValue) {
        if (directoryValue == null) {
            return Optional.empty();
        }
        String lower = directoryValue.toLowerCase(Locale.ROOT);
        return ALLOWED.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }
}
