package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.Date;
import java.util.List;
import java.util.Map;
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
 * {@code {publicUrl}/videos/watch/{uuid}/comments/{id}}; the video's comment counter counts every comment.
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
    public Comment create(long videoId, long accountId, Long inReplyToId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("comment text must not be blank");
        }
        return jpa.txExpr(Required, em -> {
            VideoEntity video = em.find(VideoEntity.class, videoId);
            if (video == null) {
                throw new NotFoundException("video " + videoId);
            }
            AccountEntity account = em.find(AccountEntity.class, accountId);
            if (account == null) {
                throw new NotFoundException("account " + accountId);
            }
            CommentEntity parent = inReplyToId == null ? null : em.find(CommentEntity.class, inReplyToId);
            if (inReplyToId != null && (parent == null || parent.getVideo().getId() != videoId)) {
                throw new NotFoundException("comment " + inReplyToId + " on video " + videoId);
            }
            Date now = new Date();
            CommentEntity c = new CommentEntity();
            c.setVideo(video);
            c.setAccount(account);
            c.setInReplyTo(parent);
            c.setThread(parent == null ? null : parent.getThread() == null ? parent : parent.getThread());
            c.setText(text);
            c.setCreatedAt(now);
            c.setUpdatedAt(now);
            em.persist(c);
            Sql.flush(em, "comment");
            c.setUrl(identity.publicUrl() + "/videos/watch/" + video.getUuid() + "/comments/" + c.getId());
            video.setCommentsCount(video.getCommentsCount() + 1);
            return mapper.comment(c);
        });
    }

    /** Newest first unless the request sorts on {@code createdAt} explicitly. */
    @Override
    public Page<Comment> threads(long videoId, PageRequest page) {
        String order = Sorts.orderBy("c", page, SORTS, "createdAt", true);
        String where = " WHERE c.video.id = :v AND c.inReplyTo IS NULL";
        return jpa.txExpr(Required, em -> {
            long total = em.createQuery("SELECT COUNT(c) FROM CommentEntity c" + where, Long.class)
                    .setParameter("v", videoId).getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            return new Page<>(total, Sorts.window(em.createQuery("SELECT c FROM CommentEntity c" + where + order,
                    CommentEntity.class).setParameter("v", videoId), page).getResultList().stream()
                    .map(mapper::comment).toList());
        });
    }

    @Override
    public long count() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(c) FROM CommentEntity c", Long.class)
                .getSingleResult());
    }
}
