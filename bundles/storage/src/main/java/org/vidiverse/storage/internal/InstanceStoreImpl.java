package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.RemoteInstance;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.InstanceStore;
import org.vidiverse.storage.internal.entity.ServerEntity;

/**
 * Known instances. The own host gets its row at activation, so {@link #list()} includes this instance; local
 * actors still point to no server row, as in PeerTube. Blocking an unknown host creates its row first.
 */
@Component(service = InstanceStore.class)
public final class InstanceStoreImpl implements InstanceStore {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceStoreImpl.class);

    private final JpaTemplate jpa;
    private final VideoChanges changes;

    @Activate
    public InstanceStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                             @Reference InstanceIdentity identity, @Reference SchemaMigrator schema,
                             @Reference VideoChanges changes) {
        this.jpa = jpa;
        this.changes = changes;
        findOrCreate(identity.host());
    }

    @Override
    public RemoteInstance findOrCreate(String host) {
        String h = normalise(host);
        try {
            return jpa.txExpr(Required, em -> Mapper.instance(findOrInsert(em, h)));
        } catch (DuplicateException raced) {
            // another node or thread inserted the host between our lookup and insert: its row is as good
            return find(h).orElseThrow(() -> raced);
        }
    }

    private static ServerEntity findOrInsert(EntityManager em, String host) {
        return lookup(em, host).orElseGet(() -> {
            ServerEntity s = new ServerEntity();
            s.setHost(host);
            s.setCreatedAt(new Date());
            em.persist(s);
            Sql.flush(em, "instance " + host);
            return s;
        });
    }

    private static Optional<ServerEntity> lookup(EntityManager em, String host) {
        return em.createQuery("SELECT s FROM ServerEntity s WHERE s.host = :h", ServerEntity.class)
                .setParameter("h", host).getResultList().stream().findFirst();
    }

    @Override
    public Optional<RemoteInstance> find(String host) {
        return jpa.txExpr(Required, em -> lookup(em, normalise(host)).map(Mapper::instance));
    }

    @Override
    public List<RemoteInstance> list() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT s FROM ServerEntity s ORDER BY s.host",
                ServerEntity.class).getResultList().stream().map(Mapper::instance).toList());
    }

    @Override
    public void setBlocked(String host, boolean blocked) {
        String h = normalise(host);
        findOrCreate(h);
        jpa.tx(Required, em -> {
            ServerEntity server = lookup(em, h).orElseThrow();
            if (blocked && !server.isBlocked()) {
                server.setBlockedAt(new Date());
            } else if (!blocked) {
                server.setBlockReason(null);
                server.setBlockFeedId(null);
                server.setBlockedAt(null);
                // a moderator's unblock overrides the moderation feeds that listed the host
                FeedBlocks.recordOverride(em, Kind.SERVER, h, null);
            }
            server.setBlocked(blocked);
        });
        changes.changed();   // listings hide blocked instances' videos
        LOG.info("Instance {} {}", h, blocked ? "blocked" : "unblocked");
    }

    @Override
    public void block(String host, String reason) {
        String h = normalise(host);
        findOrCreate(h);
        jpa.tx(Required, em -> {
            ServerEntity server = em.find(ServerEntity.class, lookup(em, h).orElseThrow().getId(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (server.isBlocked()) {
                throw new DuplicateException("block of " + h);
            }
            server.setBlocked(true);
            server.setBlockReason(reason == null || reason.isBlank() ? null : reason.trim());
            server.setBlockFeedId(null);
            server.setBlockedAt(new Date());
        });
        changes.changed();   // listings hide blocked instances' videos
        LOG.info("Instance {} blocked{}", h, reason == null ? "" : ": " + reason);
    }

    private static String normalise(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        return host.trim().toLowerCase(Locale.ROOT);
    }
}
