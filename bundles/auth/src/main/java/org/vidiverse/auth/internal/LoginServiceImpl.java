package org.vidiverse.auth.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.auth.AuthProvider;
import org.vidiverse.api.auth.AuthenticatedIdentity;
import org.vidiverse.api.auth.Credentials;
import org.vidiverse.api.auth.LoginException;
import org.vidiverse.api.auth.LoginException.Reason;
import org.vidiverse.api.auth.LoginService;
import org.vidiverse.api.auth.TokenPair;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.plugin.PluginCallException;
import org.vidiverse.api.plugin.PluginGuard;
import org.vidiverse.api.plugin.PluginNames;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.TokenStore;
import org.vidiverse.api.store.TokenStore.StoredToken;
import org.vidiverse.api.store.UserStore;

/**
 * OAuth2 password and refresh grants over the chain of auth providers, highest ranking first. A provider that
 * throws or is slow is skipped. A user first seen through an external provider is created locally with an
 * unusable password that records the provider, so that an external login can never take over a local account
 * (or one of another provider) that happens to share the username.
 */
@Component(service = LoginService.class, configurationPid = LoginServiceImpl.PID)
@Designate(ocd = AuthConfig.class)
public final class LoginServiceImpl implements LoginService {
    public static final String PID = "org.vidiverse.auth";
    static final String EXTERNAL_PREFIX = "!external:";
    private static final Logger LOG = LoggerFactory.getLogger(LoginServiceImpl.class);

    private final UserStore users;
    private final TokenStore tokens;
    private final PluginGuard guard;
    private final InstanceSettings settings;
    private final Clock clock;
    private final List<Provider> providers = new CopyOnWriteArrayList<>();
    private volatile AuthConfig config;
    private volatile AttemptLimiter perAddress;
    private volatile AttemptLimiter failuresPerUser;
    private volatile OAuthClient localClient;

    record Provider(AuthProvider provider, String name, int ranking) {
    }

    @Activate
    public LoginServiceImpl(@Reference UserStore users, @Reference TokenStore tokens, @Reference PluginGuard guard,
                            @Reference InstanceSettings settings, AuthConfig config) {
        this(users, tokens, guard, settings, config, Clock.systemUTC());
    }

    LoginServiceImpl(UserStore users, TokenStore tokens, PluginGuard guard, InstanceSettings settings,
                     AuthConfig config, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(AuthConfig config) {
        this.config = config;
        long window = config.windowSeconds() * 1000L;
        perAddress = new AttemptLimiter(config.attemptsPerAddress(), window, 100_000, clock);
        failuresPerUser = new AttemptLimiter(config.failuresPerUser(), window, 100_000, clock);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addProvider(AuthProvider provider, Map<String, Object> props) {
        synchronized (providers) {
            List<Provider> next = new ArrayList<>(providers);
            next.add(new Provider(provider, PluginNames.of(provider, props), PluginNames.rankingOf(props)));
            next.sort(Comparator.comparingInt(Provider::ranking).reversed().thenComparing(Provider::name));
            providers.clear();
            providers.addAll(next);
        }
    }

    void removeProvider(AuthProvider provider) {
        providers.removeIf(p -> p.provider() == provider);
    }

    @Override
    public OAuthClient localClient() {
        OAuthClient client = localClient;
        if (client == null) {
            TokenStore.Client stored = tokens.ensureLocalClient(
                    new TokenStore.Client(Tokens.alphanumeric(32), Tokens.alphanumeric(32)));
            client = new OAuthClient(stored.clientId(), stored.clientSecret());
            localClient = client;
        }
        return client;
    }

    private void checkClient(String clientId, String clientSecret) throws LoginException {
        boolean known = clientId != null && clientSecret != null
                && tokens.clientSecret(clientId).map(clientSecret::equals).orElse(false);
        if (!known) {
            throw new LoginException(Reason.INVALID_CLIENT, "Invalid client: client is invalid");
        }
    }

    private void checkAddress(String clientIp) throws LoginException {
        if (!perAddress.tryAcquire(clientIp == null ? "?" : clientIp)) {
            throw new LoginException(Reason.RATE_LIMITED, "Too many login attempts, please try again later");
        }
    }

    @Override
    public TokenPair passwordGrant(String clientId, String clientSecret, String username, String password,
                                   String clientIp) throws LoginException {
        checkAddress(clientIp);
        checkClient(clientId, clientSecret);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new LoginException(Reason.INVALID_GRANT, "Invalid grant: user credentials are invalid");
        }
        String userKey = username.trim().toLowerCase(Locale.ROOT);
        if (!failuresPerUser.allowed(userKey)) {
            throw new LoginException(Reason.RATE_LIMITED, "Too many failed logins for this user, please try again later");
        }
        Credentials credentials = new Credentials(username.trim(), password, clientIp);
        Optional<User> user = firstIdentity(credentials).flatMap(this::localUser);
        if (user.isEmpty()) {
            failuresPerUser.record(userKey);
            throw new LoginException(Reason.INVALID_GRANT, "Invalid grant: user credentials are invalid");
        }
        if (user.get().blocked()) {
            throw new LoginException(Reason.INVALID_GRANT, "Invalid grant: user is blocked");
        }
        failuresPerUser.reset(userKey);
        return issue(user.get().id(), clientId);
    }

    private Optional<AuthenticatedIdentity> firstIdentity(Credentials credentials) {
        for (Provider p : providers) {
            try {
                Optional<AuthenticatedIdentity> identity = guard.call(p.provider(), p.name(),
                        () -> p.provider().authenticate(credentials), AuthProvider.TIMEOUT_MS);
                if (identity != null && identity.isPresent()) {
                    return identity;
                }
            } catch (PluginCallException e) {
                LOG.warn("Auth provider {} skipped: {}", p.name(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The local user behind an identity, created on a first external login. */
    private Optional<User> localUser(AuthenticatedIdentity identity) {
        Optional<User> existing = users.findByUsername(identity.username());
        if ("local".equals(identity.providerName())) {
            return existing;
        }
        String marker = EXTERNAL_PREFIX + identity.providerName();
        if (existing.isPresent()) {
            boolean sameProvider = users.passwordHash(existing.get().id()).map(marker::equals).orElse(false);
            if (!sameProvider) {
                LOG.warn("Refused {} login for '{}': a user of that name belongs to another provider",
                        identity.providerName(), identity.username());
                return Optional.empty();
            }
            return existing;
        }
        String email = identity.email() != null ? identity.email()
                : identity.username() + "@" + identity.providerName() + ".invalid";
        UserRole role = identity.role() != null ? identity.role() : UserRole.USER;
        try {
            User created = users.create(new NewUser(identity.username(), email, marker, role,
                    settings.defaultVideoQuota(), settings.defaultVideoQuotaDaily(),
                    identity.displayName() != null ? identity.displayName() : identity.username()));
            LOG.info("Created user '{}' on first login through {}", created.username(), identity.providerName());
            return Optional.of(created);
        } catch (DuplicateException e) {
            LOG.warn("Could not create user '{}' from {}: {}", identity.username(), identity.providerName(),
                    e.getMessage());
            return users.findByUsername(identity.username()).filter(u ->
                    users.passwordHash(u.id()).map(marker::equals).orElse(false));
        }
    }

    @Override
    public TokenPair refreshGrant(String clientId, String clientSecret, String refreshToken, String clientIp)
            throws LoginException {
        checkAddress(clientIp);
        checkClient(clientId, clientSecret);
        LoginException invalid = new LoginException(Reason.INVALID_GRANT, "Invalid grant: refresh token is invalid");
        if (refreshToken == null || refreshToken.isBlank()) {
            throw invalid;
        }
        StoredToken stored = tokens.findByRefreshHash(Tokens.hash(refreshToken)).orElseThrow(() -> invalid);
        // deleting first makes a refresh token single-use even when two requests race with it
        if (!tokens.delete(stored.id()) || stored.refreshExpiresAt().isBefore(clock.instant())
                || !stored.clientId().equals(clientId)) {
            throw invalid;
        }
        User user = users.findById(stored.userId()).filter(u -> !u.blocked()).orElseThrow(() -> invalid);
        return issue(user.id(), clientId);
    }

    private TokenPair issue(long userId, String clientId) {
        Instant now = clock.instant();
        String access = Tokens.random();
        String refresh = Tokens.random();
        Instant accessExpires = now.plusSeconds(config.accessTokenLifetime());
        Instant refreshExpires = now.plusSeconds(config.refreshTokenLifetime());
        tokens.saveToken(userId, clientId, Tokens.hash(access), accessExpires, Tokens.hash(refresh), refreshExpires);
        return new TokenPair(access, accessExpires, refresh, refreshExpires);
    }

    @Override
    public Optional<User> authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 256) {
            return Optional.empty();
        }
        return tokens.findByAccessHash(Tokens.hash(accessToken))
                .filter(t -> t.accessExpiresAt().isAfter(clock.instant()))
                .flatMap(t -> users.findById(t.userId()))
                .filter(u -> !u.blocked());
    }

    @Override
    public boolean revoke(String accessToken) {
        return accessToken != null && tokens.findByAccessHash(Tokens.hash(accessToken))
                .map(t -> tokens.delete(t.id())).orElse(false);
    }

    @Override
    public void revokeAll(long userId) {
        int removed = tokens.deleteAllOf(userId);
        LOG.info("Revoked {} token pairs of user {}", removed, userId);
    }
}
