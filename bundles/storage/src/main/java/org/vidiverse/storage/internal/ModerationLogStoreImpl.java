package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;
import static org.vidiverse.storage.internal.Dates.toInstant;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.moderation.ModerationLogEntry;
import org.vidiverse.api.moderation.SubjectKind;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.store.ModerationLogStore;
import org.vidiverse.storage.internal.entity.ModerationLogEntity;

/** The moderation audit log: one row per verdict, texts cut to their columns rather than refused. */
@Component(service = ModerationLogStore.class)
public final class ModerationLogStoreImpl implements ModerationLogStore {
    private final JpaTemplate jpa;

    @Activate
    public ModerationLogStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                                  @Reference SchemaMigrator schema) {
        this.jpa = jpa;
    }

    @Override
    public ModerationLogEntry append(ModerationLogEntry e) {
        return jpa.txExpr(Required, em -> {
            ModerationLogEntity row = new ModerationLogEntity();
            row.setCreatedAt(new Date());
            row.setKind(e.kind().name());
            row.setActorHandle(cut(e.actorHandle(), 512));
            row.setOriginHost(cut(e.originHost(), 255));
            row.setSubject(cut(e.subject(), 255));
            row.setDecision(e.decision().name());
            row.setPolicy(cut(e.policy(), 255));
            row.setReason(cut(e.reason(), 1000));
            row.setTags(e.tags().isEmpty() ? null : cut(String.join(",", e.tags()), 1000));
            em.persist(row);
            Sql.flush(em, "moderation log entry");
            return entry(row);
        });
    }

    @Override
    public Page<ModerationLogEntry> list(SubjectKind kind, Verdict.Decision decision, PageRequest page) {
        String where = " WHERE 1 = 1" + (kind == null ? "" : " AND m.kind = :kind")
                + (decision == null ? "" : " AND m.decision = :decision");
        return jpa.txExpr(Required, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM ModerationLogEntity m" + where, Long.class);
            TypedQuery<ModerationLogEntity> rows = em.createQuery("SELECT m FROM ModerationLogEntity m" + where
                    + " ORDER BY m.createdAt DESC, m.id DESC", ModerationLogEntity.class);
            if (kind != null) {
                count.setParameter("kind", kind.name());
                rows.setParameter("kind", kind.name());
            }
            if (decision != null) {
                count.setParameter("decision", decision.name());
                rows.setParameter("decision", decision.name());
            }
            long total = count.getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            return new Page<>(total, Sorts.window(rows, page).getResultList().stream().map(this::entry).toList());
        });
    }

    private ModerationLogEntry entry(ModerationLogEntity m) {
        return new ModerationLogEntry(m.getId(), toInstant(m.getCreatedAt()), SubjectKind.valueOf(m.getKind()),
                m.getActorHandle(), m.getOriginHost(), m.getSubject(), Verdict.Decision.valueOf(m.getDecision()),
                m.getPolicy(), m.getReason(), m.getTags() == null ? List.of() : Arrays.asList(m.getTags().split(",")));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
