package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;
import static org.vidiverse.storage.internal.Dates.toInstant;

import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbuseMessage;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.AbuseState;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.store.AbuseQuery;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.AbuseEntity;
import org.vidiverse.storage.internal.entity.AbuseMessageEntity;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.CommentEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;

/**
 * Abuse reports and their messages. A report keeps the ids of the accounts, video and comment it names, without
 * foreign keys, and their names when reported: deleting a user, video or comment needs to know nothing of reports,
 * and reading a report tells a deleted one by the lookup finding nothing (ids are never reused).
 */
@Component(service = AbuseStore.class)
public final class AbuseStoreImpl implements AbuseStore {
    private static final Set<String> SORTS = Set.of("id", "createdAt", "state");
    private static final int MIN_TEXT_LENGTH = 2;

    private final JpaTemplate jpa;
    private final Mapper mapper;

    @Activate
    public AbuseStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                          @Reference InstanceIdentity identity, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.mapper = new Mapper(identity);
    }

    @Override
    public Abuse create(NewAbuse abuse) {
        String reason = text("reason", abuse.reason(), MAX_REASON_LENGTH);
        checkTimes(abuse.startAt(), abuse.endAt());
        return jpa.txExpr(Required, em -> {
            AccountEntity reporter = account(em, abuse.reporterAccountId(), "reporter account");
            AbuseEntity row = new AbuseEntity();
            row.setReporterAccountId(reporter.getId());
            row.setReporterHandle(mapper.ref(reporter).handle());
            row.setReason(reason);
            row.setPredefinedReasons(encode(abuse.predefinedReasons()));
            row.setState(AbuseState.PENDING.id());
            AccountEntity flagged = switch (abuse.kind()) {
                case VIDEO -> {
                    VideoEntity video = em.find(VideoEntity.class, abuse.videoId());
                    if (video == null) {
                        throw new NotFoundException("video " + abuse.videoId());
                    }
                    recordVideo(row, video);
                    row.setStartAt(abuse.startAt());
                    row.setEndAt(abuse.endAt());
                    yield video.getChannel().getAccount();
                }
                case COMMENT -> {
                    CommentEntity comment = em.find(CommentEntity.class, abuse.commentId());
                    if (comment == null || comment.getDeletedAt() != null) {
                        throw new NotFoundException("comment " + abuse.commentId());
                    }
                    row.setCommentId(comment.getId());
                    row.setCommentText(truncate(comment.getText(), 3000));
                    row.setCommentUrl(comment.getUrl());
                    recordVideoName(row, comment.getVideo());
                    yield comment.getAccount();
                }
                case ACCOUNT -> account(em, abuse.accountId(), "account");
            };
            row.setFlaggedAccountId(flagged.getId());
            row.setFlaggedAccountHandle(mapper.ref(flagged).handle());
            row.setFlagUrl(abuse.flagUrl());
            Date now = new Date();
            row.setCreatedAt(now);
            row.setUpdatedAt(now);
            em.persist(row);
            Sql.flush(em, "abuse");
            return abuse(em, row);
        });
    }

    @Override
    public Optional<Abuse> find(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(AbuseEntity.class, id)).map(a -> abuse(em, a)));
    }

    @Override
    public Optional<Abuse> findByFlagUrl(String flagUrl) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT a FROM AbuseEntity a WHERE a.flagUrl = :url",
                        AbuseEntity.class).setParameter("url", flagUrl).setMaxResults(1).getResultList().stream()
                .findFirst().map(a -> abuse(em, a)));
    }

    @Override
    public Page<Abuse> list(AbuseQuery query, PageRequest page) {
        if (!SORTS.contains(page.sort())) {
            throw new IllegalArgumentException("cannot sort abuses by " + page.sort());
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(query, where, params);
        return jpa.txExpr(Required, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AbuseEntity a" + where, Long.class);
            params.forEach(count::setParameter);
            long total = count.getSingleResult();
            if (total == 0 || page.count() == 0) {
                return new Page<Abuse>(total, List.of());
            }
            String direction = page.descending() ? " DESC" : " ASC";
            TypedQuery<AbuseEntity> rows = em.createQuery("SELECT a FROM AbuseEntity a" + where + " ORDER BY a."
                    + page.sort() + direction + ", a.id" + direction, AbuseEntity.class);
            params.forEach(rows::setParameter);
            List<Abuse> data = rows.setFirstResult(page.start()).setMaxResults(page.count()).getResultList()
                    .stream().map(a -> abuse(em, a)).toList();
            return new Page<>(total, data);
        });
    }

    private static void filter(AbuseQuery q, StringBuilder where, Map<String, Object> params) {
        if (q.id() != null) {
            where.append(" AND a.id = :id");
            params.put("id", q.id());
        }
        if (q.reporterAccountId() != null) {
            where.append(" AND a.reporterAccountId = :reporter");
            params.put("reporter", q.reporterAccountId());
        }
        if (q.state() != null) {
            where.append(" AND a.state = :state");
            params.put("state", q.state().id());
        }
        if (q.predefinedReason() != null) {
            where.append(" AND a.predefinedReasons LIKE :reason");
            params.put("reason", "%," + q.predefinedReason().id() + ",%");
        }
        if (q.kind() != null) {
            where.append(switch (q.kind()) {
                case VIDEO -> " AND a.videoId IS NOT NULL";
                case COMMENT -> " AND a.commentId IS NOT NULL";
                case ACCOUNT -> " AND a.videoId IS NULL AND a.commentId IS NULL";
            });
        }
        if (q.videoDeleted() != null) {
            where.append(" AND a.videoId IS NOT NULL AND ").append(q.videoDeleted() ? "NOT " : "")
                    .append("EXISTS (SELECT v.id FROM VideoEntity v WHERE v.id = a.videoId)");
        }
        if (Boolean.TRUE.equals(q.videoBlacklisted())) {
            where.append(" AND a.videoId IN (SELECT bv.id FROM VideoEntity bv WHERE bv.blacklistType IS NOT NULL)");
        }
        if (present(q.search())) {
            where.append(" AND (LOWER(a.reason) LIKE :search ESCAPE '!' OR LOWER(a.videoName) LIKE :search ESCAPE '!'"
                    + " OR LOWER(a.commentText) LIKE :search ESCAPE '!'"
                    + " OR LOWER(a.reporterHandle) LIKE :search ESCAPE '!'"
                    + " OR LOWER(a.flaggedAccountHandle) LIKE :search ESCAPE '!')");
            params.put("search", pattern(q.search()));
        }
        if (present(q.searchReporter())) {
            where.append(" AND LOWER(a.reporterHandle) LIKE :searchReporter ESCAPE '!'");
            params.put("searchReporter", pattern(q.searchReporter()));
        }
        if (present(q.searchReportee())) {
            where.append(" AND LOWER(a.flaggedAccountHandle) LIKE :searchReportee ESCAPE '!'");
            params.put("searchReportee", pattern(q.searchReportee()));
        }
    }

    @Override
    public Abuse update(long id, AbuseState state, String moderationComment) {
        String comment = moderationComment == null ? null
                : text("moderationComment", moderationComment, MAX_REASON_LENGTH);
        return jpa.txExpr(Required, em -> {
            AbuseEntity row = em.find(AbuseEntity.class, id);
            if (row == null) {
                throw new NotFoundException("abuse " + id);
            }
            if (state != null) {
                row.setState(state.id());
            }
            if (comment != null) {
                row.setModerationComment(comment);
            }
            row.setUpdatedAt(new Date());
            return abuse(em, row);
        });
    }

    @Override
    public boolean delete(long id) {
        return jpa.txExpr(Required, em -> {
            em.createNativeQuery("DELETE FROM abuse_message WHERE abuse_id = ?").setParameter(1, id).executeUpdate();
            return em.createNativeQuery("DELETE FROM abuse WHERE id = ?").setParameter(1, id).executeUpdate() > 0;
        });
    }

    @Override
    public AbuseMessage addMessage(long abuseId, long accountId, String message, boolean byModerator) {
        String text = text("message", message, MAX_MESSAGE_LENGTH);
        return jpa.txExpr(Required, em -> {
            if (em.find(AbuseEntity.class, abuseId) == null) {
                throw new NotFoundException("abuse " + abuseId);
            }
            AccountEntity author = account(em, accountId, "account");
            AbuseMessageEntity row = new AbuseMessageEntity();
            row.setAbuseId(abuseId);
            row.setAccountId(author.getId());
            row.setMessage(text);
            row.setByModerator(byModerator);
            row.setCreatedAt(new Date());
            em.persist(row);
            Sql.flush(em, "abuse message");
            return message(em, row);
        });
    }

    @Override
    public List<AbuseMessage> messages(long abuseId) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT m FROM AbuseMessageEntity m "
                        + "WHERE m.abuseId = :abuse ORDER BY m.createdAt, m.id", AbuseMessageEntity.class)
                .setParameter("abuse", abuseId).getResultList().stream().map(m -> message(em, m)).toList());
    }

    @Override
    public Optional<AbuseMessage> findMessage(long abuseId, long messageId) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(AbuseMessageEntity.class, messageId))
                .filter(m -> m.getAbuseId() == abuseId).map(m -> message(em, m)));
    }

    @Override
    public boolean deleteMessage(long abuseId, long messageId) {
        return jpa.txExpr(Required, em -> em.createNativeQuery(
                        "DELETE FROM abuse_message WHERE id = ? AND abuse_id = ?")
                .setParameter(1, messageId).setParameter(2, abuseId).executeUpdate() > 0);
    }

    // ---- mapping

    private Abuse abuse(EntityManager em, AbuseEntity a) {
        ActorRef reporter = accountRef(em, a.getReporterAccountId());
        ActorRef flagged = accountRef(em, a.getFlaggedAccountId());
        Abuse.FlaggedVideo video = null;
        Abuse.FlaggedComment comment = null;
        if (a.getVideoId() != null) {
            VideoEntity v = em.find(VideoEntity.class, a.getVideoId());
            long reports = count(em, "SELECT COUNT(x) FROM AbuseEntity x WHERE x.videoId = :v", "v", a.getVideoId());
            long nth = em.createQuery("SELECT COUNT(x) FROM AbuseEntity x WHERE x.videoId = :v AND x.id <= :id",
                    Long.class).setParameter("v", a.getVideoId()).setParameter("id", a.getId()).getSingleResult();
            video = new Abuse.FlaggedVideo(a.getVideoId(), a.getVideoUuid(),
                    v == null ? a.getVideoName() : v.getName(), a.getVideoUrl(), a.getStartAt(), a.getEndAt(),
                    v == null, reports, nth);
        } else if (a.getCommentId() != null) {
            CommentEntity c = em.find(CommentEntity.class, a.getCommentId());
            VideoEntity v = c == null ? null : c.getVideo();
            comment = new Abuse.FlaggedComment(a.getCommentId(),
                    c == null ? null : c.getThread() == null ? c.getId() : c.getThread().getId(),
                    a.getCommentText(), a.getCommentUrl(), v == null ? null : v.getId(),
                    v == null ? a.getVideoUuid() : v.getUuid(), v == null ? a.getVideoName() : v.getName(),
                    c == null || c.getDeletedAt() != null);
        }
        long messages = count(em, "SELECT COUNT(m) FROM AbuseMessageEntity m WHERE m.abuseId = :a", "a", a.getId());
        long byReporter = a.getReporterAccountId() == null ? 0 : count(em,
                "SELECT COUNT(x) FROM AbuseEntity x WHERE x.reporterAccountId = :r", "r", a.getReporterAccountId());
        long ofFlagged = a.getFlaggedAccountId() == null ? 0 : count(em,
                "SELECT COUNT(x) FROM AbuseEntity x WHERE x.flaggedAccountId = :f", "f", a.getFlaggedAccountId());
        return new Abuse(a.getId(), a.getReason(), decode(a.getPredefinedReasons()),
                AbuseState.byId(a.getState()).orElse(AbuseState.PENDING), a.getModerationComment(), reporter,
                flagged, video, comment, a.getFlagUrl(), toInstant(a.getCreatedAt()), toInstant(a.getUpdatedAt()),
                messages, byReporter, ofFlagged);
    }

    private AbuseMessage message(EntityManager em, AbuseMessageEntity m) {
        return new AbuseMessage(m.getId(), m.getAbuseId(), m.getMessage(), m.isByModerator(),
                accountRef(em, m.getAccountId()), toInstant(m.getCreatedAt()));
    }

    private ActorRef accountRef(EntityManager em, Long accountId) {
        if (accountId == null) {
            return null;
        }
        AccountEntity account = em.find(AccountEntity.class, accountId);
        return account == null ? null : mapper.ref(account);
    }

    private static long count(EntityManager em, String jpql, String param, Object value) {
        return em.createQuery(jpql, Long.class).setParameter(param, value).getSingleResult();
    }

    private static void recordVideo(AbuseEntity row, VideoEntity video) {
        row.setVideoId(video.getId());
        row.setVideoUrl(video.getUrl());
        recordVideoName(row, video);
    }

    private static void recordVideoName(AbuseEntity row, VideoEntity video) {
        row.setVideoUuid(video.getUuid());
        row.setVideoName(truncate(video.getName(), 300));
    }

    private static AccountEntity account(EntityManager em, long id, String what) {
        AccountEntity account = em.find(AccountEntity.class, id);
        if (account == null) {
            throw new NotFoundException(what + " " + id);
        }
        return account;
    }

    // ---- values

    static String encode(List<AbusePredefinedReason> reasons) {
        if (reasons.isEmpty()) {
            return "";
        }
        return reasons.stream().distinct().sorted().map(r -> String.valueOf(r.id()))
                .collect(Collectors.joining(",", ",", ","));
    }

    static List<AbusePredefinedReason> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty())
                .map(s -> AbusePredefinedReason.byId(Integer.parseInt(s)).orElse(null))
                .filter(Objects::nonNull).toList();
    }

    private static String text(String param, String value, int max) {
        String text = value == null ? "" : value.trim();
        if (text.length() < MIN_TEXT_LENGTH || text.length() > max) {
            throw new InvalidInputException(param, param + " must be between " + MIN_TEXT_LENGTH + " and " + max
                    + " characters");
        }
        return text;
    }

    private static void checkTimes(Integer startAt, Integer endAt) {
        if (startAt != null && startAt < 0) {
            throw new InvalidInputException("video.startAt", "startAt must be a positive number of seconds");
        }
        if (endAt != null && endAt < 0) {
            throw new InvalidInputException("video.endAt", "endAt must be a positive number of seconds");
        }
        if (startAt != null && endAt != null && endAt < startAt) {
            throw new InvalidInputException("video.endAt", "endAt must be after startAt");
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String pattern(String text) {
        return "%" + Sql.likeEscaped(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
