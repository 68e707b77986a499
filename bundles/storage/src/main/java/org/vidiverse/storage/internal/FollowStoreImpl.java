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
        return create(followerActorId, followingActorId, state, null);
    }

    /** @param url the Follow activity's id, or {@code null} for PeerTube's layout of a local follower's follow */
    @Override
    public Follow create(long followerActorId, long followingActorId, FollowState state, String url) {
        if (followerActorId == followingActorId) {
            throw new IllegalArgumentException("an actor cannot follow itself");
        }
        if (url != null && (url.isBlank() || url.length() > 1000)) {
            throw new IllegalArgumentException("a follow url must have 1 to 1000 characters");
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
            if (state == FollowState.ACCEPTED) {
                moveCounters(em, follower.getId(), following.getId(), 1);
            }
            Date now = new Date();
            FollowEntity f = new FollowEntity();
            f.setFollower(follower);
            f.setFollowing(following);
            f.setState(state);
            f.setUrl(url != null ? url : follower.getUrl() + "/follows/" + following.getId());
            f.setCreatedAt(now);
            f.setUpdatedAt(now);
            em.persist(f);
            Sql.flush(em, "follow of " + followingActorId + " by " + followerActorId + " or with url " + url);
            return map(em, f);
        });
    }

    @Override
    public java.util.Optional<Follow> findByUrl(String url) {
        if (url == null) {
            return java.util.Optional.empty();
        }
        return jpa.txExpr(Required, em -> em.createQuery("SELECT f FROM FollowEntity f WHERE f.url = :u",
                FollowEntity.class).setParameter("u", url).getResultList().stream().findFirst().map(f -> map(em, f)));
    }

    /** The follow row is write-locked first, so two state changes of one follow move the counters once. */
    @Override
    public Follow setState(long followId, FollowState state) {
        java.util.Objects.requireNonNull(state, "state");
        return jpa.txExpr(Required, em -> {
            FollowEntity f = em.find(FollowEntity.class, followId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (f == null) {
                throw new NotFoundException("follow " + followId);
            }
            boolean was = f.getState() == FollowState.ACCEPTED;
            boolean is = state == FollowState.ACCEPTED;
            if (was != is) {
                moveCounters(em, f.getFollower().getId(), f.getFollowing().getId(), is ? 1 : -1);
            }
            f.setState(state);
            f.setUpdatedAt(new Date());
            Sql.flush(em, "follow " + followId);
            return map(em, f);
        });
    }

    /**
     * Moves the follower's following count and the followed actor's followers count by {@code delta} (never below
     * zero) in single statements, so concurrent follows of one actor add up. Rows are updated in id order, so two
     * transactions moving the same pair never wait on each other in a cycle. Plain SQL: the managed actors' counter
     * fields are stale afterwards, and nothing here writes them.
     */
    private static void moveCounters(EntityManager em, long followerId, long followingId, int delta) {
        String following = "following_count = CASE WHEN following_count + ? < 0 THEN 0 ELSE following_count + ? END";
        String followers = "followers_count = CASE WHEN followers_count + ? < 0 THEN 0 ELSE followers_count + ? END";
        boolean followerFirst = followerId < followingId;
        moveCounter(em, followerFirst ? followerId : followingId, followerFirst ? following : followers, delta);
        moveCounter(em, followerFirst ? followingId : followerId, followerFirst ? followers : following, delta);
    }

    private static void moveCounter(EntityManager em, long actorId, String set, int delta) {
        em.createNativeQuery("UPDATE actor SET " + set + " WHERE id = ?").setParameter(1, delta)
                .setParameter(2, delta).setParameter(3, actorId).executeUpdate();
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
        // the id alone first, then the row under a write lock: of two racing deletes, one finds it gone
        return jpa.txExpr(Required, em -> em.createQuery("SELECT f.id FROM FollowEntity f WHERE f.follower.id = :a "
                        + "AND f.following.id = :b", Long.class).setParameter("a", followerActorId)
                .setParameter("b", followingActorId).getResultList().stream().findFirst()
                .map(id -> em.find(FollowEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(f -> {
                    if (f.getState() == FollowState.ACCEPTED) {
                        moveCounters(em, followerActorId, followingActorId, -1);
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
    public org.vidiverse.api.model.Page<Follow> followersOf(long actorId, org.vidiverse.api.model.PageRequest page) {
        return jpa.txExpr(Required, em -> {
            long total = em.createQuery("SELECT COUNT(f) FROM FollowEntity f WHERE f.following.id = :id", Long.class)
                    .setParameter("id", actorId).getSingleResult();
            List<Follow> data = page.count() == 0 ? List.of() : em.createQuery("SELECT f FROM FollowEntity f "
                            + "WHERE f.following.id = :id ORDER BY f.createdAt DESC, f.id DESC", FollowEntity.class)
                    .setParameter("id", actorId).setFirstResult(page.start()).setMaxResults(page.count())
                    .getResultList().stream().map(f -> map(em, f)).toList();
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
