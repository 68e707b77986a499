package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ActorEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;

/**
 * Accounts and channels. Account and channel ids are the ids of their actors, so an {@code Account.id()} or a
 * {@code Channel.id()} can be handed to {@code FollowStore} as an actor id. Local names match regardless of case.
 * A channel is deleted only once its videos are gone (the caller deletes them through {@code VideoStore}, which
 * owns their cascade), and never when it is its account's last one, as in PeerTube.
 */
@Component(service = ChannelStore.class)
public final class ChannelStoreImpl implements ChannelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelStoreImpl.class);
    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "name", "actor.preferredUsername", "displayName", "displayName");
    /** Looser than {@link #ACTOR_NAME_PATTERN}: remote instances may have longer names. */
    private static final String LOOKUP_NAME = "[a-zA-Z0-9\\-_.:]{1,255}";

    private final VideoChanges changes;
    private final JpaTemplate jpa;
    private final InstanceIdentity identity;
    private final Mapper mapper;
    private final LocalActors actors;

    @Activate
    public ChannelStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                            @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                            @Reference VideoChanges changes) {
        this.jpa = jpa;
        this.changes = changes;
        this.identity = identity;
        this.mapper = new Mapper(identity);
        this.actors = new LocalActors(identity);
    }

    @Override
    public Optional<Account> findAccount(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(AccountEntity.class, id)).map(mapper::account));
    }

    @Override
    public Optional<Account> findLocalAccount(String name) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT a FROM AccountEntity a WHERE a.actor.handleKey = :k",
                        AccountEntity.class).setParameter("k", LocalActors.localHandleKey(name)).getResultList()
                .stream().findFirst().map(mapper::account));
    }

    @Override
    public Optional<Channel> findChannel(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(ChannelEntity.class, id)).map(mapper::channel));
    }

    @Override
    public Optional<Channel> findLocalChannel(String name) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT c FROM ChannelEntity c WHERE c.actor.handleKey = :k",
                        ChannelEntity.class).setParameter("k", LocalActors.localHandleKey(name)).getResultList()
                .stream().findFirst().map(mapper::channel));
    }

    @Override
    public List<Channel> channelsOf(long accountId) {
        return jpa.txExpr(Required, em -> em.createQuery(
                        "SELECT c FROM ChannelEntity c WHERE c.account.id = :a ORDER BY c.id", ChannelEntity.class)
                .setParameter("a", accountId).getResultList().stream().map(mapper::channel).toList());
    }

    @Override
    public Optional<Account> findAccountByHandle(String handle) {
        return handleKey(handle).flatMap(k -> jpa.txExpr(Required, em -> em.createQuery(
                "SELECT a FROM AccountEntity a WHERE a.actor.handleKey = :k", AccountEntity.class).setParameter("k", k)
                .getResultList().stream().findFirst().map(mapper::account)));
    }

    @Override
    public Optional<Channel> findChannelByHandle(String handle) {
        return handleKey(handle).flatMap(k -> jpa.txExpr(Required, em -> em.createQuery(
                "SELECT c FROM ChannelEntity c WHERE c.actor.handleKey = :k", ChannelEntity.class).setParameter("k", k)
                .getResultList().stream().findFirst().map(mapper::channel)));
    }

    /** {@code name} and {@code name@<our host>} are local; {@code name@other} is remote; anything else is nothing. */
    private Optional<String> handleKey(String handle) {
        if (handle == null) {
            return Optional.empty();
        }
        int at = handle.indexOf('@');
        String name = at < 0 ? handle : handle.substring(0, at);
        String host = at < 0 ? null : handle.substring(at + 1);
        if (!name.matches(LOOKUP_NAME) || host != null && (host.isEmpty() || host.contains("@"))) {
            return Optional.empty();
        }
        return Optional.of(host == null || host.equalsIgnoreCase(identity.host())
                ? LocalActors.localHandleKey(name) : LocalActors.remoteHandleKey(name, host));
    }

    @Override
    public Page<Channel> listChannels(PageRequest page) {
        return channelPage("", Map.of(), page);
    }

    @Override
    public Page<Channel> channelsOf(long accountId, PageRequest page) {
        return channelPage(" WHERE c.account.id = :a", Map.of("a", accountId), page);
    }

    private Page<Channel> channelPage(String where, Map<String, Object> params, PageRequest page) {
        String order = Sorts.orderBy("c", page, SORTS, "createdAt", true);
        return jpa.txExpr(Required, em -> {
            var count = em.createQuery("SELECT COUNT(c) FROM ChannelEntity c" + where, Long.class);
            var select = em.createQuery("SELECT c FROM ChannelEntity c" + where + order, ChannelEntity.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                select.setParameter(k, v);
            });
            long total = count.getSingleResult();
            List<Channel> data = page.count() == 0 ? List.of()
                    : Sorts.window(select, page).getResultList().stream().map(mapper::channel).toList();
            return new Page<>(total, data);
        });
    }

    @Override
    public Channel createChannel(long accountId, String name, String displayName, String description,
                                 String support) {
        if (name == null || !name.matches(ACTOR_NAME_PATTERN)) {
            throw new InvalidInputException("name",
                    "name must be 1 to 50 characters among letters, digits, '-', '_', '.' and ':'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("displayName", "displayName is required");
        }
        Channel channel = jpa.txExpr(Required, em -> {
            AccountEntity account = em.find(AccountEntity.class, accountId);
            if (account == null || !account.getActor().isLocal()) {
                throw new NotFoundException("local account " + accountId);
            }
            if (LocalActors.reserved(name) || em.createQuery(
                    "SELECT COUNT(a) FROM ActorEntity a WHERE a.handleKey = :k", Long.class)
                    .setParameter("k", LocalActors.localHandleKey(name)).getSingleResult() > 0) {
                throw new DuplicateException("account or channel name " + name + " is taken");
            }
            Date now = new Date();
            ActorEntity group = actors.create(ActorType.GROUP, name, now);
            em.persist(group);
            Sql.flush(em, "account or channel named " + name);     // the actor id becomes the channel id
            ChannelEntity c = new ChannelEntity();
            c.setActor(group);
            c.setAccount(account);
            c.setDisplayName(displayName);
            c.setDescription(emptyToNull(description));
            c.setSupport(emptyToNull(support));
            c.setCreatedAt(now);
            c.setUpdatedAt(now);
            em.persist(c);
            Sql.flush(em, "channel named " + name);
            return mapper.channel(c);
        });
        LOG.info("Created channel {} (id {}) for account {}", name, channel.id(), accountId);
        return channel;
    }

    @Override
    public Channel updateChannel(long channelId, String displayName, String description, String support) {
        if (displayName != null && displayName.isBlank()) {
            throw new InvalidInputException("displayName", "displayName must not be blank");
        }
        Channel updated = jpa.txExpr(Required, em -> {
            ChannelEntity c = channel(em, channelId);
            if (displayName != null) {
                c.setDisplayName(displayName);
            }
            if (description != null) {
                c.setDescription(emptyToNull(description));
            }
            if (support != null) {
                c.setSupport(emptyToNull(support));
            }
            c.setUpdatedAt(new Date());
            return mapper.channel(c);
        });
        changes.changed();   // listed videos show their channel's display name
        return updated;
    }

    @Override
    public void deleteChannel(long channelId) {
        String name = jpa.txExpr(Required, em -> {
            ChannelEntity c = channel(em, channelId);
            if (em.createQuery("SELECT COUNT(c) FROM ChannelEntity c WHERE c.account.id = :a", Long.class)
                    .setParameter("a", c.getAccount().getId()).getSingleResult() <= 1) {
                throw new IllegalStateException("the last channel of an account cannot be deleted");
            }
            if (em.createQuery("SELECT COUNT(v) FROM VideoEntity v WHERE v.channel.id = :c", Long.class)
                    .setParameter("c", channelId).getSingleResult() > 0) {
                throw new IllegalStateException("channel " + channelId + " still has videos");
            }
            ActorEntity actor = c.getActor();
            em.createQuery("DELETE FROM FollowEntity f WHERE f.follower.id = :a OR f.following.id = :a")
                    .setParameter("a", actor.getId()).executeUpdate();
            // the channel's playlists go with it, as in PeerTube
            em.createNativeQuery("DELETE FROM video_playlist_element WHERE playlist_id IN "
                    + "(SELECT p.id FROM video_playlist p WHERE p.channel_id = ?)").setParameter(1, channelId)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM video_playlist WHERE channel_id = ?").setParameter(1, channelId)
                    .executeUpdate();
            em.remove(c);
            em.flush();                                 // the channel row references the actor row
            em.remove(actor);
            return actor.getPreferredUsername();
        });
        LOG.info("Deleted channel {} (id {})", name, channelId);
    }

    private static ChannelEntity channel(EntityManager em, long id) {
        ChannelEntity c = em.find(ChannelEntity.class, id);
        if (c == null) {
            throw new NotFoundException("channel " + id);
        }
        return c;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public long countAccounts() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(a) FROM AccountEntity a", Long.class)
                .getSingleResult());
    }

    @Override
    public long countChannels() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(c) FROM ChannelEntity c", Long.class)
                .getSingleResult());
    }
}
