package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;
import static org.vidiverse.storage.internal.Dates.toInstant;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.CommentEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;

/**
 * Comments as PeerTube threads them: a reply points to the comment it answers and to the first comment of its
 * thread ({@code threadId} is {@code null} on that first comment). Comment urls are
 * {@code {publicUrl}/videos/watch/{uuid}/comments/{id}}. The video's comment counter counts the comments that are
 * not deleted; writes that move it lock the video row first, so concurrent writers queue instead of deadlocking
 * (Derby holds a shared lock on the video row for the foreign key check of a new comment).
 */
@Component(service = CommentStore.class)
public final class CommentStoreImpl implements CommentStore {
    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt");

    private final JpaTemplate jpa;
    private final InstanceIdentity identity;
    private final Mapper mapper;

    @Activate
    public CommentStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                            @Reference InstanceIdentity identity, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.identity = identity;
        this.mapper = new Mapper(identity);
    }

    @Override
    public Comment create(long videoId, long accountId, Long inReplyToId, String text, boolean heldForReview) {
        checkText(text);
        return jpa.txExpr(Required, em -> {
            moveCounters(em, videoId, heldForReview ? "comments_count = comments_count"
                    : "comments_count = comments_count + 1");
            CommentEntity c = newComment(em, videoId, account(em, accountId), inReplyToId, text, new Date());
            c.setHeldForReview(heldForReview);
            em.persist(c);
            Sql.flush(em, "comment");
            c.setUrl(identity.publicUrl() + "/videos/watch/" + c.getVideo().getUuid() + "/comments/" + c.getId());
            return comment(c, 0, 0);
        });
    }

    /**
     * The video row is locked before the lookup by url, so two deliveries of one Note to one video queue and the
     * second finds the first's comment (on every node sharing the database: the lock is the database's).
     *
     * @throws IllegalArgumentException also when the account is a local one: local comments are made by create
     */
    @Override
    public Comment createRemote(long videoId, long accountId, Long inReplyToId, String text, String url,
                                Instant publishedAt, boolean heldForReview) {
        checkText(text);
        if (url == null || url.isBlank() || url.length() > 1000) {
            throw new IllegalArgumentException("a remote comment needs its url (at most 1000 characters)");
        }
        return jpa.txExpr(Required, em -> {
            moveCounters(em, videoId, "comments_count = comments_count");   // the lock alone
            Optional<CommentEntity> stored = byUrl(em, url);
            if (stored.isPresent()) {
                return comment(stored.get(), 0, 0);
            }
            AccountEntity account = account(em, accountId);
            if (account.getActor().isLocal()) {
                throw new IllegalArgumentException("account " + accountId + " is local");
            }
            if (!heldForReview) {
                moveCounters(em, videoId, "comments_count = comments_count + 1");
            }
            CommentEntity c = newComment(em, videoId, account, inReplyToId, text,
                    publishedAt == null ? new Date() : Date.from(publishedAt));
            c.setHeldForReview(heldForReview);
            c.setUrl(url);
            em.persist(c);
            Sql.flush(em, "comment " + url);
            return comment(c, 0, 0);
        });
    }

    @Override
    public Optional<Comment> findByUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return jpa.txExpr(Required, em -> byUrl(em, url).map(c -> comment(c, 0, 0)));
    }

    private static Optional<CommentEntity> byUrl(EntityManager em, String url) {
        return em.createQuery("SELECT c FROM CommentEntity c WHERE c.url = :u", CommentEntity.class)
                .setParameter("u", url).getResultList().stream().findFirst();
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("comment text must have 1 to " + MAX_TEXT_LENGTH + " characters");
        }
    }

    private static AccountEntity account(EntityManager em, long accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null) {
            throw new NotFoundException("account " + accountId);
        }
        return account;
    }

    /** A comment on the video, in the thread of the one it answers; the caller has locked the video row. */
    private static CommentEntity newComment(EntityManager em, long videoId, AccountEntity account, Long inReplyToId,
                                            String text, Date createdAt) {
        CommentEntity parent = inReplyToId == null ? null : em.find(CommentEntity.class, inReplyToId);
        if (inReplyToId != null && (parent == null || parent.getVideo().getId() != videoId)) {
            throw new NotFoundException("comment " + inReplyToId + " on video " + videoId);
        }
        CommentEntity c = new CommentEntity();
        c.setVideo(em.find(VideoEntity.class, videoId));
        c.setAccount(account);
        c.setInReplyTo(parent);
        c.setThread(parent == null ? null : parent.getThread() == null ? parent : parent.getThread());
        c.setText(text);
        c.setCreatedAt(createdAt);
        c.setUpdatedAt(createdAt);
        c.setHeldForReview(false);
        return c;
    }

    @Override
    public boolean approve(long id) {
        return jpa.txExpr(Required, em -> {
            Long videoId = videoOf(em, id);
            moveCounters(em, videoId, "comments_count = comments_count");   // the lock: approvals of one video queue
            CommentEntity c = em.find(CommentEntity.class, id);
            if (!c.isHeldForReview()) {
                return false;
            }
            c.setHeldForReview(false);
            if (c.getDeletedAt() == null) {
                moveCounters(em, videoId, "comments_count = comments_count + 1");
            }
            return true;
        });
    }

    @Override
    public Page<Comment> heldForReview(Long videoOwnerAccountId, PageRequest page) {
        String where = " WHERE c.heldForReview = true AND c.deletedAt IS NULL"
                + (videoOwnerAccountId == null ? "" : " AND c.video.channel.account.id = :owner");
        return jpa.txExpr(Required, em -> {
            var count = em.createQuery("SELECT COUNT(c) FROM CommentEntity c" + where, Long.class);
            var rows = em.createQuery("SELECT c FROM CommentEntity c" + where + " ORDER BY c.createdAt, c.id",
                    CommentEntity.class);
            if (videoOwnerAccountId != null) {
                count.setParameter("owner", videoOwnerAccountId);
                rows.setParameter("owner", videoOwnerAccountId);
            }
            long total = count.getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            return new Page<>(total, Sorts.window(rows, page).getResultList().stream()
                    .map(c -> comment(c, 0, 0)).toList());
        });
    }

    @Override
    public List<Comment> latest(org.vidiverse.api.store.VideoQuery videos, Long videoId, int count) {
        VideoFilter filter = new VideoFilter(videos);
        // the authors the instance blocked, as HiddenByModeration leaves out the videos of blocked channels' owners
        String where = filter.where() + (videoId == null ? "" : " AND v.id = " + videoId.longValue())
                + " AND c.deletedAt IS NULL AND (c.heldForReview IS NULL OR c.heldForReview = false)"
                + " AND c.account.id NOT IN (SELECT ib.target.id FROM AccountBlockEntity ib"
                + " WHERE ib.byAccount.actor.type = :blockerType AND ib.byAccount.actor.server IS NULL)"
                + " AND c.account.actor.id NOT IN (SELECT ma.id FROM ActorEntity ma WHERE ma.server.blocked = true)";
        return jpa.txExpr(Required, em -> filter.bind(em.createQuery("SELECT c FROM CommentEntity c JOIN c.video v"
                        + where + " ORDER BY c.createdAt DESC, c.id DESC", CommentEntity.class))
                .setParameter("blockerType", org.vidiverse.api.model.ActorType.APPLICATION)
                .setMaxResults(Math.max(0, count)).getResultList().stream().map(c -> comment(c, 0, 0)).toList());
    }

    private static Long videoOf(EntityManager em, long commentId) {
        return em.createQuery("SELECT c.video.id FROM CommentEntity c WHERE c.id = :id", Long.class)
                .setParameter("id", commentId).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    /** The JPQL condition keeping the held comments {@code heldVisibleTo} may see (see {@link CommentStore#threads}). */
    private static String heldCondition(String alias, Long heldVisibleTo) {
        if (heldVisibleTo == null) {
            return "";
        }
        return " AND (" + alias + ".heldForReview = false" + (heldVisibleTo == NO_HELD ? ""
                : " OR " + alias + ".account.id = " + heldVisibleTo.longValue()) + ")";
    }

    @Override
    public Optional<Comment> findById(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(CommentEntity.class, id))
                .map(c -> comment(c, 0, 0)));
    }

    /**
     * Newest first unless the request sorts explicitly. Sorting on {@code totalReplies} needs the counts in the
     * query itself, which JPQL cannot express as a select-list subquery, so that order comes from plain SQL.
     */
    @Override
    public Page<Comment> threads(long videoId, PageRequest page, Long heldVisibleTo) {
        boolean byReplies = "totalReplies".equals(page.sort());
        String order = byReplies ? null : Sorts.orderBy("c", page, SORTS, "createdAt", true);
        String where = " WHERE c.video.id = :v AND c.inReplyTo IS NULL" + heldCondition("c", heldVisibleTo);
        return jpa.txExpr(Required, em -> {
            long total = em.createQuery("SELECT COUNT(c) FROM CommentEntity c" + where, Long.class)
                    .setParameter("v", videoId).getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            List<CommentEntity> rows = byReplies ? threadsByReplies(em, videoId, page, heldVisibleTo)
                    : Sorts.window(em.createQuery("SELECT c FROM CommentEntity c" + where + order,
                    CommentEntity.class).setParameter("v", videoId), page).getResultList();
            return new Page<>(total, withCounters(em, videoId, rows));
        });
    }

    private static List<CommentEntity> threadsByReplies(EntityManager em, long videoId, PageRequest page,
                                                        Long heldVisibleTo) {
        String dir = page.descending() ? " DESC" : " ASC";
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT c.id, (SELECT COUNT(*) FROM video_comment r "
                        + "WHERE r.origin_comment_id = c.id AND r.deleted_at IS NULL) AS total_replies "
                        + "FROM video_comment c WHERE c.video_id = ? AND c.in_reply_to_comment_id IS NULL "
                        + heldSql(heldVisibleTo) + "ORDER BY total_replies" + dir + ", c.id" + dir)
                .setParameter(1, videoId).setParameter(2, false).setFirstResult(page.start()).setMaxResults(page.count())
                .getResultList();
        Map<Long, CommentEntity> byId = new HashMap<>();
        List<Long> order = ids.stream().map(row -> ((Number) (row instanceof Object[] cols ? cols[0] : row))
                .longValue()).toList();
        if (!order.isEmpty()) {
            em.createQuery("SELECT c FROM CommentEntity c WHERE c.id IN :ids", CommentEntity.class)
                    .setParameter("ids", order).getResultList().forEach(c -> byId.put(c.getId(), c));
        }
        return order.stream().map(byId::get).toList();
    }

    /** {@link #heldCondition} in SQL, with the flag as parameter 2 (BOOLEAN or SMALLINT depending on the database). */
    private static String heldSql(Long heldVisibleTo) {
        if (heldVisibleTo == null) {
            return "AND (1 = 1 OR c.held_for_review = ?) ";
        }
        return "AND (c.held_for_review = ?" + (heldVisibleTo == NO_HELD ? ""
                : " OR c.account_id = " + heldVisibleTo.longValue()) + ") ";
    }

    /** Two grouped queries for the counters of a whole page instead of two per thread. */
    private List<Comment> withCounters(EntityManager em, long videoId, List<CommentEntity> threads) {
        List<Long> ids = threads.stream().map(CommentEntity::getId).toList();
        Map<Long, Long> replies = counts(em.createQuery("SELECT r.thread.id, COUNT(r) FROM CommentEntity r "
                + "WHERE r.thread.id IN :ids AND r.deletedAt IS NULL GROUP BY r.thread.id", Object[].class)
                .setParameter("ids", ids).getResultList());
        long owner = em.find(VideoEntity.class, videoId).getChannel().getAccount().getId();
        Map<Long, Long> fromAuthor = counts(em.createQuery("SELECT r.thread.id, COUNT(r) FROM CommentEntity r "
                + "WHERE r.thread.id IN :ids AND r.account.id = :owner GROUP BY r.thread.id", Object[].class)
                .setParameter("ids", ids).setParameter("owner", owner).getResultList());
        return threads.stream().map(c -> comment(c, replies.getOrDefault(c.getId(), 0L),
                fromAuthor.getOrDefault(c.getId(), 0L))).toList();
    }

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public List<Comment> thread(long threadId, Long heldVisibleTo) {
        return jpa.txExpr(Required, em -> {
            CommentEntity root = em.find(CommentEntity.class, threadId);
            if (root == null || root.getInReplyTo() != null || !visible(root, heldVisibleTo)) {
                return List.of();
            }
            List<CommentEntity> replies = em.createQuery("SELECT c FROM CommentEntity c WHERE c.thread = :t "
                    + heldCondition("c", heldVisibleTo) + " ORDER BY c.createdAt, c.id", CommentEntity.class).setParameter("t", root).getResultList();
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), replies.stream())
                    .map(c -> comment(c, 0, 0)).toList();
        });
    }

    private static boolean visible(CommentEntity c, Long heldVisibleTo) {
        return !c.isHeldForReview() || heldVisibleTo == null
                || heldVisibleTo != NO_HELD && c.getAccount().getId() == heldVisibleTo;
    }

    @Override
    public boolean delete(long id) {
        return jpa.txExpr(Required, em -> {
            Long videoId = videoOf(em, id);
            boolean held = em.find(CommentEntity.class, id).isHeldForReview();   // a held comment was not counted
            moveCounters(em, videoId, held ? "comments_count = comments_count" : "comments_count = comments_count - 1");
            // only one of two concurrent deletes finds the comment still alive
            java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
            int deleted = em.createNativeQuery("UPDATE video_comment SET comment_text = '', deleted_at = ?, "
                    + "updated_at = ? WHERE id = ? AND deleted_at IS NULL").setParameter(1, now)
                    .setParameter(2, now).setParameter(3, id).executeUpdate();
            if (deleted == 0) {
                moveCounters(em, videoId, held ? "comments_count = comments_count"
                        : "comments_count = comments_count + 1");
                return false;
            }
            return true;
        });
    }

    @Override
    public long countNotDeleted(long videoId) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(c) FROM CommentEntity c "
                + "WHERE c.video.id = :v AND c.deletedAt IS NULL AND c.heldForReview = false", Long.class)
                .setParameter("v", videoId)
                .getSingleResult());
    }

    @Override
    public long count() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(c) FROM CommentEntity c", Long.class)
                .getSingleResult());
    }

    /**
     * Moves the video's counters ({@code counters} is the SQL {@code SET} list) in one statement, which also
     * write-locks the video row
     * until the transaction ends: writers of one video queue there instead of deadlocking on Derby, whose foreign
     * key checks hold shared locks on the video row. Plain SQL because OpenJPA turns a JPQL bulk update into
     * {@code WHERE id IN (SELECT ...)}, which concurrent Derby transactions can trip over.
     *
     * @throws NotFoundException if there is no such video
     */
    static void moveCounters(EntityManager em, long videoId, String counters) {
        int rows = em.createNativeQuery("UPDATE video SET " + counters + " WHERE id = ?")
                .setParameter(1, videoId).executeUpdate();
        if (rows == 0) {
            throw new NotFoundException("video " + videoId);
        }
    }

    private Comment comment(CommentEntity c, long totalReplies, long fromAuthor) {
        return new Comment(c.getId(), c.getVideo().getId(), c.getThread() == null ? null : c.getThread().getId(),
                c.getInReplyTo() == null ? null : c.getInReplyTo().getId(), c.getText(), mapper.ref(c.getAccount()),
                c.getUrl(), c.getDeletedAt() != null, toInstant(c.getCreatedAt()), toInstant(c.getUpdatedAt()),
                toInstant(c.getDeletedAt()), totalReplies, fromAuthor, c.isHeldForReview());
    }
}
