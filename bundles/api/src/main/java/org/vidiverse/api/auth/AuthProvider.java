package org.vidiverse.api.auth;

import java.util.Optional;

/**
 * A way to check a user's credentials. Register as an OSGi service; higher {@code service.ranking} is asked first.
 *
 * <p>Return {@link Optional#empty()} when the credentials are not for this provider or are wrong; the core then
 * asks the next provider. Throw only for an outage (directory unreachable): the core logs it and moves on.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AuthProvider {
    long TIMEOUT_MS = 5_000;

    /** A short stable name, e.g. {@code local} or {@code ldap}. */
    String name();

    Optional<AuthenticatedIdentity> authenticate(Credentials credentials) throws Exception;
}
