package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.List;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Account;
import org.vidiverse.api.model.Channel;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;

/**
 * Accounts and channels. Account and channel ids are the ids of their actors, so an {@code Account.id()} or a
 * {@code Channel.id()} can be handed to {@code FollowStore} as an actor id. Local names match regardless of case.
 */
@Component(service = ChannelStore.class)
public final class ChannelStoreImpl implements ChannelStore {
    private final JpaTemplate jpa;
    private final Mapper mapper;

    @Activate
    public ChannelStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                            @Reference InstanceIdentity identity, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.mapper = new Mapper(identity);
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
