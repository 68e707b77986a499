package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.JobQuery;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.JobEntity;

/**
 * The persisted job queue. {@link #claimNext} reads a few due candidates, then claims one with a conditional
 * {@code UPDATE job ... WHERE id = ? AND state = 'PENDING'}; only the claimer whose update touched one row owns
 * the job, so claims are exclusive across every node sharing the database, whatever its isolation level. Claims
 * and releases bump the optimistic {@code version}, so a node still holding an old copy cannot overwrite them.
 * {@code attempts} counts failures: {@link #fail} retries while it is below {@code maxAttempts}.
 */
@Component(service = JobStore.class)
public final class JobStoreImpl implements JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(JobStoreImpl.class);
    private static final int CANDIDATES = 8;
    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "id", "id",
            "runAfter", "runAfter", "updatedAt", "updatedAt");
    private static final String CLAIM = "UPDATE job SET state = ?, claimed_by = ?, started_at = ?, updated_at = ?,"
            + " version = version + 1 WHERE id = ? AND state = ?";
    private static final String RELEASE = "UPDATE job SET state = ?, claimed_by = NULL, updated_at = ?,"
            + " version = version + 1 WHERE state = ? AND claimed_by = ?";

    private final JpaTemplate jpa;

    @Activate
    public JobStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                        @Reference SchemaMigrator schema) {
        this.jpa = jpa;
    }

    @Override
    public Job enqueue(String type, String payload, int maxAttempts, Instant runAfter) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("job type must not be blank");
        }
        return jpa.txExpr(Required, em -> {
            Date now = new Date();
            JobEntity j = new JobEntity();
            j.setType(type);
            j.setState(JobState.PENDING);
            j.setPayload(payload);
            j.setMaxAttempts(Math.max(1, maxAttempts));
            j.setRunAfter(runAfter == null ? now : Date.from(runAfter));
            j.setCreatedAt(now);
            j.setUpdatedAt(now);
            em.persist(j);
            em.flush();
            return Mapper.job(j);
        });
    }

    @Override
    public Optional<Job> claimNext(Set<String> types, String nodeId) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        // Losing a race on every candidate means others are busy claiming: look again until nothing is due.
        while (true) {
            List<Long> candidates = jpa.txExpr(Required, em -> em.createQuery("SELECT j.id FROM JobEntity j "
                            + "WHERE j.state = :pending AND j.type IN :types AND j.runAfter <= :now "
                            + "ORDER BY j.runAfter, j.id", Long.class)
                    .setParameter("pending", JobState.PENDING).setParameter("types", types)
                    .setParameter("now", new Date()).setMaxResults(CANDIDATES).getResultList());
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long id : candidates) {
                Optional<Job> claimed = tryClaim(id, nodeId);
                if (claimed.isPresent()) {
                    LOG.debug("Node {} claimed job {} ({})", nodeId, id, claimed.get().type());
                    return claimed;
                }
            }
        }
    }

    private Optional<Job> tryClaim(long id, String nodeId) {
        return jpa.txExpr(Required, em -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            int updated = em.createNativeQuery(CLAIM).setParameter(1, JobState.PROCESSING.name())
                    .setParameter(2, nodeId).setParameter(3, now).setParameter(4, now).setParameter(5, id)
                    .setParameter(6, JobState.PENDING.name()).executeUpdate();
            if (updated != 1) {
                return Optional.empty();
            }
            JobEntity j = em.find(JobEntity.class, id);
            em.refresh(j);   // the row changed behind the persistence context
            return Optional.of(Mapper.job(j));
        });
    }

    @Override
    public void progress(long jobId, int percent) {
        update(jobId, j -> j.setProgress(Math.max(0, Math.min(100, percent))));
    }

    @Override
    public void succeed(long jobId) {
        update(jobId, j -> {
            j.setState(JobState.SUCCESS);
            j.setProgress(100);
            j.setError(null);
            j.setFinishedAt(new Date());
        });
    }

    @Override
    public void fail(long jobId, String error, Instant retryAt) {
        update(jobId, j -> {
            j.setAttempts(j.getAttempts() + 1);
            j.setError(error);
            if (j.getAttempts() < j.getMaxAttempts()) {
                j.setState(JobState.PENDING);
                j.setClaimedBy(null);
                j.setProgress(0);
                j.setRunAfter(retryAt == null ? new Date() : Date.from(retryAt));
            } else {
                j.setState(JobState.FAILED);
                j.setFinishedAt(new Date());
                LOG.warn("Job {} ({}) failed for good after {} attempts: {}", jobId, j.getType(), j.getAttempts(),
                        error);
            }
        });
    }

    @Override
    public void failForGood(long jobId, String error) {
        update(jobId, j -> {
            j.setAttempts(j.getAttempts() + 1);
            j.setError(error);
            j.setState(JobState.FAILED);
            j.setClaimedBy(null);
            j.setFinishedAt(new Date());
        });
        LOG.warn("Job {} failed for good: {}", jobId, error);
    }

    private void update(long jobId, Consumer<JobEntity> change) {
        jpa.tx(Required, em -> {
            JobEntity j = em.find(JobEntity.class, jobId);
            if (j == null) {
                throw new NotFoundException("job " + jobId);
            }
            change.accept(j);
            j.setUpdatedAt(new Date());
        });
    }

    @Override
    public int releaseClaims(String nodeId) {
        int released = jpa.txExpr(Required, em -> em.createNativeQuery(RELEASE)
                .setParameter(1, JobState.PENDING.name()).setParameter(2, new Timestamp(System.currentTimeMillis()))
                .setParameter(3, JobState.PROCESSING.name()).setParameter(4, nodeId).executeUpdate());
        if (released > 0) {
            LOG.info("Released {} jobs claimed by node {}", released, nodeId);
        }
        return released;
    }

    @Override
    public Optional<Job> find(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(JobEntity.class, id)).map(Mapper::job));
    }

    /** Newest first by default; {@code state} {@code null} lists every state. */
    @Override
    public Page<Job> list(JobQuery query, PageRequest page) {
        String order = Sorts.orderBy("j", page, SORTS, "createdAt", true);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.state() != null) {
            conditions.add("j.state = :state");
            params.put("state", query.state());
        }
        if (query.type() != null) {
            conditions.add("j.type = :type");
            params.put("type", query.type());
        }
        if (query.dueBy() != null) {
            conditions.add("j.runAfter <= :dueBy");
            params.put("dueBy", Date.from(query.dueBy()));
        }
        if (query.delayedPast() != null) {
            conditions.add("j.runAfter > :delayedPast");
            params.put("delayedPast", Date.from(query.delayedPast()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jpa.txExpr(Required, em -> Sorts.page(em, JobEntity.class, "JobEntity j", where, order, params, page,
                Mapper::job));
    }

    @Override
    public Map<JobState, Long> countByState() {
        return jpa.txExpr(Required, em -> countByState(em));
    }

    private static Map<JobState, Long> countByState(EntityManager em) {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT j.state, COUNT(j) FROM JobEntity j GROUP BY j.state",
                Object[].class).getResultList()) {
            counts.put((JobState) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
