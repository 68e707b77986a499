package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.instance.InstanceSettings;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.User;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ActorEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.UserEntity;

/**
 * Local users. {@link #create} writes the user, its Person actor and account, and its default channel
 * ({@code <username>_channel}, "Main <username> channel", as PeerTube names it) with its Group actor, and its
 * private watch later playlist, in one transaction; any clash rolls all of it back. Usernames and emails are unique regardless of case.
 */
@Component(service = UserStore.class)
public final class UserStoreImpl implements UserStore {
    private static final Logger LOG = LoggerFactory.getLogger(UserStoreImpl.class);
    private static final Map<String, String> SORTS = Map.of("id", "id", "username", "usernameLower",
            "email", "emailLower", "createdAt", "createdAt", "lastLoginDate", "lastLoginAt", "lastLoginAt",
            "lastLoginAt", "role", "role");
    /** PeerTube's default when the instance does not say otherwise. */
    private static final String DEFAULT_NSFW_POLICY = "do_not_list";

    private final VideoChanges changes;
    private final JpaTemplate jpa;
    private final InstanceIdentity identity;
    private final Mapper mapper;
    private final LocalActors actors;

    @Activate
    public UserStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                         @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                         @Reference VideoChanges changes) {
        this.jpa = jpa;
        this.changes = changes;
        this.identity = identity;
        this.mapper = new Mapper(identity);
        this.actors = new LocalActors(identity);
    }

    @Override
    public User create(NewUser newUser) {
        String username = newUser.username();
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        String channelName = username + "_channel";
        User user = jpa.txExpr(Required, em -> {
            checkFree(em, newUser, channelName);
            Date now = new Date();
            UserEntity u = newUserEntity(newUser, now);
            em.persist(u);
            ActorEntity person = actors.create(ActorType.PERSON, username, now);
            ActorEntity group = actors.create(ActorType.GROUP, channelName, now);
            em.persist(person);
            em.persist(group);
            Sql.flush(em, "user, account or channel named " + username);   // actor ids become the account/channel ids
            AccountEntity account = new AccountEntity();
            account.setActor(person);
            account.setUser(u);
            account.setDisplayName(newUser.displayName() == null || newUser.displayName().isBlank()
                    ? username : newUser.displayName());
            account.setCreatedAt(now);
            account.setUpdatedAt(now);
            em.persist(account);
            ChannelEntity channel = new ChannelEntity();
            channel.setActor(group);
            channel.setAccount(account);
            channel.setDisplayName("Main " + username + " channel");
            channel.setCreatedAt(now);
            channel.setUpdatedAt(now);
            em.persist(channel);
            em.persist(Playlists.watchLater(identity, account, now));
            Sql.flush(em, "account or channel named " + username);
            u.setAccount(account);
            return mapper.user(u);
        });
        LOG.info("Created user {} (id {}) with account and channel {}", username, user.id(), channelName);
        return user;
    }

    private static void checkFree(EntityManager em, NewUser u, String channelName) {
        if (exists(em, "SELECT COUNT(u) FROM UserEntity u WHERE u.usernameLower = :v", lower(u.username()))) {
            throw new DuplicateException("username " + u.username() + " is taken");
        }
        if (exists(em, "SELECT COUNT(u) FROM UserEntity u WHERE u.emailLower = :v", lower(u.email()))) {
            throw new DuplicateException("email " + u.email() + " is taken");
        }
        for (String name : new String[] {u.username(), channelName}) {
            if (LocalActors.reserved(name) || exists(em, "SELECT COUNT(a) FROM ActorEntity a WHERE a.handleKey = :v",
                    LocalActors.localHandleKey(name))) {
                throw new DuplicateException("account or channel name " + name + " is taken");
            }
        }
    }

    private static boolean exists(EntityManager em, String jpql, String value) {
        return em.createQuery(jpql, Long.class).setParameter("v", value).getSingleResult() > 0;
    }

    private UserEntity newUserEntity(NewUser n, Date now) {
        UserEntity u = new UserEntity();
        u.setUsername(n.username());
        u.setUsernameLower(lower(n.username()));
        u.setEmail(n.email());
        u.setEmailLower(lower(n.email()));
        u.setPasswordHash(n.passwordHash());
        u.setRole(n.role().id());
        u.setVideoQuota(n.videoQuota());
        u.setVideoQuotaDaily(n.videoQuotaDaily());
        u.setNsfwPolicy(identity instanceof InstanceSettings settings && settings.defaultNsfwPolicy() != null
                ? settings.defaultNsfwPolicy() : DEFAULT_NSFW_POLICY);
        u.setP2pEnabled(true);
        u.setVideosHistoryEnabled(true);
        u.setCreatedAt(now);
        return u;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<User> findById(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(UserEntity.class, id)).map(mapper::user));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return findBy("usernameLower", lower(username));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return findBy("emailLower", lower(email));
    }

    private Optional<User> findBy(String field, String value) {
        return jpa.txExpr(Required, em -> em
                .createQuery("SELECT u FROM UserEntity u WHERE u." + field + " = :v", UserEntity.class)
                .setParameter("v", value).getResultList().stream().findFirst().map(mapper::user));
    }

    @Override
    public Optional<String> passwordHash(long userId) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(UserEntity.class, userId))
                .map(UserEntity::getPasswordHash));
    }

    @Override
    public void updatePasswordHash(long userId, String passwordHash) {
        jpa.tx(Required, em -> {
            UserEntity u = em.find(UserEntity.class, userId);
            if (u == null) {
                throw new NotFoundException("user " + userId);
            }
            u.setPasswordHash(passwordHash);
        });
    }

    @Override
    public Page<User> list(String search, Boolean blocked, PageRequest page) {
        String order = Sorts.orderBy("u", page, SORTS, "createdAt", true);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            conditions.add("(u.usernameLower LIKE :search ESCAPE '!' OR u.emailLower LIKE :search ESCAPE '!')");
            params.put("search", "%" + Sql.likeEscaped(search.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (blocked != null) {
            conditions.add("u.blocked = :blocked");
            params.put("blocked", blocked);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jpa.txExpr(Required, em -> Sorts.page(em, UserEntity.class, "UserEntity u", where, order, params, page,
                mapper::user));
    }

    @Override
    public long count() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class)
                .getSingleResult());
    }

    @Override
    public long videoQuotaUsed(long userId) {
        return jpa.txExpr(Required, em -> quotaUsed(em, userId, null));
    }

    @Override
    public long videoQuotaUsedSince(long userId, java.time.Instant since) {
        return jpa.txExpr(Required, em -> quotaUsed(em, userId, since));
    }

    /**
     * Bytes stored for the user's videos (created since {@code since} when given): every rendition, web videos and
     * HLS alike, plus the originals still waiting for theirs. Remote videos never count: their files stay on their
     * origin (and their channels belong to remote accounts, which have no user anyway).
     */
    static long quotaUsed(javax.persistence.EntityManager em, long userId, java.time.Instant since) {
        String created = " AND v.local = TRUE" + (since == null ? "" : " AND v.createdAt >= :since");
        javax.persistence.TypedQuery<Long> files = em.createQuery("SELECT COALESCE(SUM(f.size), 0) FROM "
                + "VideoFileEntity f JOIN f.video v WHERE v.channel.account.user.id = :u" + created, Long.class);
        javax.persistence.TypedQuery<Long> sources = em.createQuery("SELECT COALESCE(SUM(v.sourceSize), 0) FROM "
                + "VideoEntity v WHERE v.channel.account.user.id = :u AND v.sourceSize IS NOT NULL" + created,
                Long.class);
        for (javax.persistence.TypedQuery<Long> q : java.util.List.of(files, sources)) {
            q.setParameter("u", userId);
            if (since != null) {
                q.setParameter("since", java.util.Date.from(since));
            }
        }
        return files.getSingleResult() + sources.getSingleResult();
    }

    @Override
    public User update(long userId, org.vidiverse.api.model.UserUpdate update) {
        User updated = jpa.txExpr(Required, em -> {
            UserEntity u = em.find(UserEntity.class, userId);
            if (u == null) {
                throw new org.vidiverse.api.store.NotFoundException("user " + userId);
            }
            if (update.email() != null) {
                u.setEmail(update.email());
                u.setEmailLower(update.email().toLowerCase(java.util.Locale.ROOT));
            }
            if (update.passwordHash() != null) {
                u.setPasswordHash(update.passwordHash());
            }
            if (update.role() != null) {
                u.setRole(update.role().id());
            }
            if (update.videoQuota() != null) {
                u.setVideoQuota(update.videoQuota());
            }
            if (update.videoQuotaDaily() != null) {
                u.setVideoQuotaDaily(update.videoQuotaDaily());
            }
            if (update.blocked() != null) {
                u.setBlocked(update.blocked());
                u.setBlockedReason(update.blocked() ? update.blockedReason() : null);
            }
            if (update.nsfwPolicy() != null) {
                u.setNsfwPolicy(update.nsfwPolicy());
            }
            if (update.p2pEnabled() != null) {
                u.setP2pEnabled(update.p2pEnabled());
            }
            if (update.videosHistoryEnabled() != null) {
                u.setVideosHistoryEnabled(update.videosHistoryEnabled());
            }
            if (update.displayName() != null && u.getAccount() != null) {
                u.getAccount().setDisplayName(update.displayName());
            }
            Sql.flush(em, "email " + update.email());
            return mapper.user(u);
        });
        if (update.displayName() != null) {
            changes.changed();   // listed videos show their account's display name
        }
        return updated;
    }

    @Override
    public void delete(long userId) {
        String username = jpa.txExpr(Required, em -> UserRemoval.remove(em, userId));
        changes.changed();   // the user's videos went with them
        LOG.info("Deleted user {} (id {}) with its account, channels, videos and everything else of theirs",
                username, userId);
    }

    @Override
    public void touchLogin(long userId) {
        jpa.tx(Required, em -> em.createQuery("UPDATE UserEntity u SET u.lastLoginAt = :now WHERE u.id = :id")
                .setParameter("now", new Date()).setParameter("id", userId).executeUpdate());
    }
}
