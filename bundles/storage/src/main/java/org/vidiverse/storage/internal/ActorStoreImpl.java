package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.model.RemoteActor;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.InstanceStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ActorEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.ReceivedActivityEntity;
import org.vidiverse.storage.internal.entity.ServerEntity;

/**
 * Actors for federation. A remote person or application gets an account row and a remote group a channel row, as
 * local ones have, so videos, comments and follows of remote actors use the same tables. Remote handles are
 * {@code name@host} in lower case ({@link LocalActors#remoteHandleKey}); like local names, they are unique.
 */
@Component(service = ActorStore.class)
public final class ActorStoreImpl implements ActorStore {
    private final Object instanceActorLock = new Object();
    private static final Logger LOG = LoggerFactory.getLogger(ActorStoreImpl.class);
    /** How long a received activity id is remembered: far longer than any sender retries a delivery. */
    static final Duration RECEIVED_RETENTION = Duration.ofDays(30);
    private static final long PRUNE_INTERVAL_MILLIS = Duration.ofHours(1).toMillis();
    private static final int NAME_LENGTH = 255;
    private static final int TEXT_LENGTH = 1000;

    private final JpaTemplate jpa;
    private final InstanceIdentity identity;
    private final VideoChanges changes;
    private final InstanceStore instances;
    private final Mapper mapper;
    private final LocalActors localActors;
    private final AtomicLong nextPruneAt = new AtomicLong();

    @Activate
    public ActorStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                          @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                          @Reference VideoChanges changes, @Reference InstanceStore instances) {
        this.jpa = jpa;
        this.identity = identity;
        this.changes = changes;
        this.instances = instances;
        this.mapper = new Mapper(identity);
        this.localActors = new LocalActors(identity);
    }

    @Override
    public Optional<Actor> find(long actorId) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(ActorEntity.class, actorId))
                .map(a -> map(em, a)));
    }

    @Override
    public Optional<Actor> findByUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return jpa.txExpr(Required, em -> byUrl(em, url).map(a -> map(em, a)));
    }

    @Override
    public Optional<Actor> findLocal(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(Required, em -> byHandleKey(em, LocalActors.localHandleKey(name)).map(a -> map(em, a)));
    }

    /**
     * Looks first, creates when missing. Two first callers may both try to create it: the unique handle key lets one
     * insert win, and the other reads the winner's row.
     *
     * @throws IllegalStateException if a local account or channel holds the name (a database from before the name
     *                               was reserved)
     */
    @Override
    public Actor instanceActor() {
        Actor actor = findLocal(INSTANCE_ACTOR_NAME).orElseGet(this::createInstanceActorOnce);
        if (actor.type() != ActorType.APPLICATION) {
            throw new IllegalStateException("the local " + actor.type() + " " + actor.name()
                    + " holds the instance actor's name");
        }
        return actor;
    }

    /**
     * Callers in this process wait for one another, so that only one of them inserts (racing inserts end in lock
     * conflicts on Derby, where the loser cannot yet see the winner's row); another node sharing the database is
     * stopped by the unique name, and then the row it made is read.
     */
    private Actor createInstanceActorOnce() {
        synchronized (instanceActorLock) {
            return findLocal(INSTANCE_ACTOR_NAME).orElseGet(() -> {
                try {
                    return createInstanceActor();
                } catch (DuplicateException raced) {
                    return findLocal(INSTANCE_ACTOR_NAME).orElseThrow(() -> raced);
                }
            });
        }
    }

    private Actor createInstanceActor() {
        Actor actor = jpa.txExpr(Required, em -> {
            Date now = new Date();
            ActorEntity a = localActors.create(ActorType.APPLICATION, INSTANCE_ACTOR_NAME, now);
            em.persist(a);
            Sql.flush(em, "instance actor");   // the actor id becomes the account id
            AccountEntity account = new AccountEntity();
            account.setActor(a);
            account.setDisplayName(INSTANCE_ACTOR_NAME);
            account.setCreatedAt(now);
            account.setUpdatedAt(now);
            em.persist(account);
            Sql.flush(em, "instance account");
            return mapper.actor(a, account, null);
        });
        LOG.info("Created the instance actor {}", actor.url());
        return actor;
    }

    /**
     * One conditional update: of two racing callers, the second finds a key stored and changes nothing, on every
     * database, because the row lock of the first update holds it until the first commits.
     */
    @Override
    public Actor setKeysIfAbsent(long actorId, String publicKeyPem, String privateKeyPem) {
        if (publicKeyPem == null || privateKeyPem == null) {
            throw new IllegalArgumentException("both keys are required");
        }
        return jpa.txExpr(Required, em -> {
            em.createNativeQuery("UPDATE actor SET public_key = ?, private_key = ? "
                            + "WHERE id = ? AND server_id IS NULL AND public_key IS NULL")
                    .setParameter(1, publicKeyPem).setParameter(2, privateKeyPem).setParameter(3, actorId)
                    .executeUpdate();
            ActorEntity a = em.find(ActorEntity.class, actorId);   // read after the update: the stored keys
            if (a == null || !a.isLocal()) {
                throw new NotFoundException("local actor " + actorId);
            }
            return map(em, a);
        });
    }

    /**
     * Saves of one instance's actors queue on its instance row, so two first saves of one actor never both insert;
     * should they still (another node's schema without the lock), the unique url lets one win and the other is
     * retried once, as a refresh of the winner's row.
     */
    @Override
    public Actor saveRemote(RemoteActor remote) {
        String host = checkRemote(remote);
        instances.findOrCreate(host);   // own transaction: a known instance row is harmless if the save fails
        try {
            return save(remote, host);
        } catch (DuplicateException raced) {
            return save(remote, host);
        }
    }

    /** @return the host of the actor's url, which must be the actor's host and not this instance's */
    private String checkRemote(RemoteActor remote) {
        String host = Urls.host(remote.url());
        if (!host.equalsIgnoreCase(remote.host())) {
            throw new IllegalArgumentException("actor " + remote.url() + " is not on its host " + remote.host());
        }
        if (host.equalsIgnoreCase(identity.host())) {
            throw new IllegalArgumentException("actor " + remote.url() + " is a local actor");
        }
        if (remote.name().isBlank() || remote.name().length() > NAME_LENGTH) {
            throw new IllegalArgumentException("actor name must have 1 to " + NAME_LENGTH + " characters");
        }
        if (remote.type() == ActorType.GROUP && remote.ownerUrl() == null) {
            throw new IllegalArgumentException("group " + remote.url() + " has no owner");
        }
        return host;
    }

    private Actor save(RemoteActor remote, String host) {
        boolean[] renamed = {false};
        Actor saved = jpa.txExpr(Required, em -> {
            Date now = new Date();
            ServerEntity server = server(em, host);
            ActorEntity a = byUrl(em, remote.url()).orElse(null);
            if (a != null && a.isLocal()) {
                throw new IllegalArgumentException("actor " + remote.url() + " is a local actor");
            }
            if (a != null && (a.getType() == ActorType.GROUP) != (remote.type() == ActorType.GROUP)) {
                throw new IllegalArgumentException("actor " + remote.url() + " cannot change from " + a.getType()
                        + " to " + remote.type());
            }
            Actor before = a == null ? null : map(em, a);
            if (a == null) {
                a = new ActorEntity();
                a.setUrl(remote.url());
                a.setServer(server);
                a.setCreatedAt(now);
            }
            fill(a, remote, now);
            if (a.getId() == 0) {
                em.persist(a);
            }
            Sql.flush(em, "actor " + remote.name() + "@" + host);   // the actor id becomes the account/channel id
            AccountEntity account = null;
            ChannelEntity channel = null;
            if (remote.type() == ActorType.GROUP) {
                channel = saveChannel(em, a, remote, now);
            } else {
                account = saveAccount(em, a, remote, now);
            }
            Sql.flush(em, "actor " + remote.url());
            Actor actor = mapper.actor(a, account, channel);
            renamed[0] = before != null && (!before.ref().equals(actor.ref())
                    || !Objects.equals(before.ownerId(), actor.ownerId()));
            return actor;
        });
        if (renamed[0]) {
            changes.changed();   // listed videos show their channel's and account's names
        }
        return saved;
    }

    private static void fill(ActorEntity a, RemoteActor remote, Date now) {
        a.setType(remote.type());
        a.setPreferredUsername(remote.name());
        a.setHandleKey(LocalActors.remoteHandleKey(remote.name(), remote.host()));
        a.setInboxUrl(remote.inboxUrl());
        a.setSharedInboxUrl(Urls.blankToNull(remote.sharedInboxUrl()));
        a.setOutboxUrl(Urls.blankToNull(remote.outboxUrl()));
        a.setFollowersUrl(Urls.blankToNull(remote.followersUrl()));
        a.setFollowingUrl(Urls.blankToNull(remote.followingUrl()));
        if (remote.publicKeyPem() != null) {   // a document without a key keeps the known one for signatures
            a.setPublicKey(remote.publicKeyPem());
        }
        a.setUpdatedAt(now);
    }

    private static AccountEntity saveAccount(EntityManager em, ActorEntity a, RemoteActor remote, Date now) {
        AccountEntity account = em.find(AccountEntity.class, a.getId());
        if (account == null) {
            account = new AccountEntity();
            account.setActor(a);
            account.setCreatedAt(now);
            em.persist(account);
        }
        account.setDisplayName(displayNameOf(remote));
        account.setDescription(Urls.truncate(Urls.blankToNull(remote.summary()), TEXT_LENGTH));
        account.setUpdatedAt(now);
        return account;
    }

    private static ChannelEntity saveChannel(EntityManager em, ActorEntity a, RemoteActor remote, Date now) {
        AccountEntity owner = byUrl(em, remote.ownerUrl()).map(o -> em.find(AccountEntity.class, o.getId()))
                .orElseThrow(() -> new NotFoundException("owner " + remote.ownerUrl() + " of " + remote.url()));
        ChannelEntity channel = em.find(ChannelEntity.class, a.getId());
        if (channel == null) {
            channel = new ChannelEntity();
            channel.setActor(a);
            channel.setCreatedAt(now);
            em.persist(channel);
        }
        channel.setAccount(owner);
        channel.setDisplayName(displayNameOf(remote));
        channel.setDescription(Urls.truncate(Urls.blankToNull(remote.summary()), TEXT_LENGTH));
        channel.setSupport(Urls.truncate(Urls.blankToNull(remote.support()), TEXT_LENGTH));
        channel.setUpdatedAt(now);
        return channel;
    }

    private static String displayNameOf(RemoteActor remote) {
        String name = Urls.blankToNull(remote.displayName());
        return Urls.truncate(name == null ? remote.name() : name, NAME_LENGTH);
    }

    /** The row of the host, which {@link InstanceStore#findOrCreate} made before the transaction, write-locked. */
    private static ServerEntity server(EntityManager em, String host) {
        long id = em.createQuery("SELECT s.id FROM ServerEntity s WHERE s.host = :h", Long.class)
                .setParameter("h", host).getResultList().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance row for " + host));
        return em.find(ServerEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<String> followerInboxes(long actorId) {
        return jpa.txExpr(Required, em -> {
            List<Object[]> rows = em.createQuery("SELECT a.sharedInboxUrl, a.inboxUrl FROM FollowEntity f "
                            + "JOIN f.follower a WHERE f.following.id = :id AND f.state = :accepted "
                            + "AND a.server IS NOT NULL ORDER BY f.id", Object[].class)
                    .setParameter("id", actorId).setParameter("accepted", FollowState.ACCEPTED).getResultList();
            LinkedHashSet<String> inboxes = new LinkedHashSet<>();
            for (Object[] row : rows) {
                String shared = Urls.blankToNull((String) row[0]);
                String inbox = shared != null ? shared : (String) row[1];
                if (inbox != null) {
                    inboxes.add(inbox);
                }
            }
            return List.copyOf(inboxes);
        });
    }

    /**
     * An insert that the primary key lets succeed once per id, even for two deliveries at the same moment (the
     * loser's transaction rolls back, and it answers {@code false}). Now and then, rows past the retention go.
     */
    @Override
    public boolean firstDelivery(String activityId) {
        if (activityId == null || activityId.isBlank()) {
            throw new IllegalArgumentException("activity id is required");
        }
        String key = sha256(activityId);
        boolean first;
        try {
            first = jpa.txExpr(Required, em -> {
                if (em.find(ReceivedActivityEntity.class, key) != null) {
                    return false;
                }
                em.persist(new ReceivedActivityEntity(key, new Date()));
                Sql.flush(em, "received activity");
                return true;
            });
        } catch (DuplicateException raced) {
            first = false;
        }
        pruneNowAndThen();
        return first;
    }

    @Override
    public void forgetDelivery(String activityId) {
        if (activityId == null || activityId.isBlank()) {
            return;
        }
        String key = sha256(activityId);
        jpa.tx(Required, em -> {
            ReceivedActivityEntity received = em.find(ReceivedActivityEntity.class, key);
            if (received != null) {
                em.remove(received);
            }
        });
    }

    private void pruneNowAndThen() {
        long now = System.currentTimeMillis();
        long due = nextPruneAt.get();
        if (now < due || !nextPruneAt.compareAndSet(due, now + PRUNE_INTERVAL_MILLIS)) {
            return;   // not yet, or another thread prunes
        }
        int pruned = pruneReceived(new Date(now - RECEIVED_RETENTION.toMillis()));
        if (pruned > 0) {
            LOG.debug("Forgot {} received activities older than {}", pruned, RECEIVED_RETENTION);
        }
    }

    /** Forgets the received activities recorded before {@code before}; returns how many. */
    int pruneReceived(Date before) {
        return jpa.txExpr(Required, em -> em.createNativeQuery("DELETE FROM received_activity WHERE received_at < ?")
                .setParameter(1, new java.sql.Timestamp(before.getTime())).executeUpdate());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private Actor map(EntityManager em, ActorEntity a) {
        AccountEntity account = em.find(AccountEntity.class, a.getId());
        return mapper.actor(a, account, account != null ? null : em.find(ChannelEntity.class, a.getId()));
    }

    private static Optional<ActorEntity> byUrl(EntityManager em, String url) {
        return em.createQuery("SELECT a FROM ActorEntity a WHERE a.url = :u", ActorEntity.class)
                .setParameter("u", url).getResultList().stream().findFirst();
    }

    private static Optional<ActorEntity> byHandleKey(EntityManager em, String key) {
        return em.createQuery("SELECT a FROM ActorEntity a WHERE a.handleKey = :k", ActorEntity.class)
                .setParameter("k", key).getResultList().stream().findFirst();
    }
}
