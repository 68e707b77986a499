package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.Follow;
import org.vidiverse.api.model.FollowState;
import org.vidiverse.api.store.DuplicateException;
import org.vidiverse.api.store.FollowStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ActorEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.FollowEntity;

/**
 * Follows between actors. The ids in and out are actor ids; as accounts and channels share their actor's id,
 * {@code Account.id()} and {@code Channel.id()} are valid here. The follow url is PeerTube's
 * {@code {follower url}/follows/{following id}}. Follower/following counters count accepted follows only.
 */
@Component(service = FollowStore.class)
public final class FollowStoreImpl implements FollowStore {
    private final JpaTemplate jpa;
    private final Mapper mapper;

    @Activate
    public FollowStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                           @Reference InstanceIdentity identity, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.mapper = new Mapper(identity);
    }

    @Override
    public Follow create(long followerActorId, long followingActorId, FollowState state) {
        if (followerActorId == followingActorId) {
            throw new IllegalArgumentException("an actor cannot follow itself");
        }
        return jpa.txExpr(Required, em -> {
            ActorEntity follower = actor(em, followerActorId);
            ActorEntity following = actor(em, followingActorId);
            long existing = em.createQuery("SELECT COUNT(f) FROM FollowEntity f WHERE f.follower = :a "
                            + "AND f.following = :b", Long.class)
                    .setParameter("a", follower).setParameter("b", following).getSingleResult();
            if (existing > 0) {
                throw new DuplicateException("actor " + followerActorId + " already follows " + followingActorId);
            }
            Date now = new Date();
            FollowEntity f = new FollowEntity();
            f.setFollower(follower);
            f.setFollowing(following);
            f.setState(state);
            f.setUrl(follower.getUrl() + "/follows/" + following.getId());
            f.setCreatedAt(now);
            f.setUpdatedAt(now);
            em.persist(f);
            if (state == FollowState.ACCEPTED) {
                follower.setFollowingCount(follower.getFollowingCount() + 1);
                following.setFollowersCount(following.getFollowersCount() + 1);
            }
            Sql.flush(em, "follow of " + followingActorId + " by " + followerActorId);
            return map(em, f);
        });
    }

    private static ActorEntity actor(EntityManager em, long id) {
        ActorEntity actor = em.find(ActorEntity.class, id);
        if (actor == null) {
            throw new NotFoundException("actor " + id);
        }
        return actor;
    }

    /** Every follow of the actor, whatever its state, oldest first. */
    @Override
    public List<Follow> followersOf(long actorId) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT f FROM FollowEntity f WHERE f.following.id = :id "
                        + "ORDER BY f.createdAt, f.id", FollowEntity.class).setParameter("id", actorId)
                .getResultList().stream().map(f -> map(em, f)).toList());
    }

    @Override
    public java.util.Optional<Follow> find(long followerActorId, long followingActorId) {
        return jpa.txExpr(Required, em -> lookup(em, followerActorId, followingActorId).map(f -> map(em, f)));
    }

    private static java.util.Optional<FollowEntity> lookup(EntityManager em, long follower, long following) {
        return em.createQuery("SELECT f FROM FollowEntity f WHERE f.follower.id = :a AND f.following.id = :b",
                        FollowEntity.class).setParameter("a", follower).setParameter("b", following)
                .getResultList().stream().findFirst();
    }

    @Override
    public boolean delete(long followerActorId, long followingActorId) {
        return jpa.txExpr(Required, em -> lookup(em, followerActorId, followingActorId).map(f -> {
            if (f.getState() == FollowState.ACCEPTED) {
                f.getFollower().setFollowingCount(Math.max(0, f.getFollower().getFollowingCount() - 1));
                f.getFollowing().setFollowersCount(Math.max(0, f.getFollowing().getFollowersCount() - 1));
            }
            em.remove(f);
            return true;
        }).orElse(false));
    }

    @Override
    public org.vidiverse.api.model.Page<Follow> followingOf(long actorId, org.vidiverse.api.model.PageRequest page) {
        return jpa.txExpr(Required, em -> {
            long total = em.createQuery("SELECT COUNT(f) FROM FollowEntity f WHERE f.follower.id = :id", Long.class)
                    .setParameter("id", actorId).getSingleResult();
            List<Follow> data = em.createQuery("SELECT f FROM FollowEntity f WHERE f.follower.id = :id "
                            + "ORDER BY f.createdAt DESC, f.id DESC", FollowEntity.class).setParameter("id", actorId)
                    .setFirstResult(page.start()).setMaxResults(page.count()).getResultList().stream()
                    .map(f -> map(em, f)).toList();
            return new org.vidiverse.api.model.Page<>(total, data);
        });
    }

    @Override
    public long count() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(f) FROM FollowEntity f", Long.class)
                .getSingleResult());
    }

    private Follow map(EntityManager em, FollowEntity f) {
        return mapper.follow(f, ref(em, f.getFollower()), ref(em, f.getFollowing()));
    }

    /** The display name lives on the account or channel that shares the actor's id. */
    private ActorRef ref(EntityManager em, ActorEntity actor) {
        AccountEntity account = em.find(AccountEntity.class, actor.getId());
        if (account != null) {
            return mapper.ref(actor, account.getDisplayName());
        }
        ChannelEntity channel = em.find(ChannelEntity.class, actor.getId());
        return mapper.ref(actor, channel == null ? null : channel.getDisplayName());
    }
}
