package org.vidiverse.storage.internal;

import static org.apache.aries.jpa.template.TransactionType.Required;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.InvalidInputException;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.model.VideoPlaylist;
import org.vidiverse.api.model.VideoPlaylistElement;
import org.vidiverse.api.model.VideoPlaylistPrivacy;
import org.vidiverse.api.model.VideoPlaylistType;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.PlaylistQuery;
import org.vidiverse.api.store.PlaylistStore;
import org.vidiverse.storage.internal.entity.AccountEntity;
import org.vidiverse.storage.internal.entity.ChannelEntity;
import org.vidiverse.storage.internal.entity.PlaylistElementEntity;
import org.vidiverse.storage.internal.entity.PlaylistEntity;
import org.vidiverse.storage.internal.entity.VideoEntity;

/**
 * Playlists and their elements. Every write to a playlist's elements first updates the playlist row (its
 * {@code updated_at}), which write-locks it until the transaction ends: writers of one playlist queue there, so
 * positions computed from the rows they read stay dense. Element urls are PeerTube's
 * {@code {playlist url}/videos/{element id}}.
 */
@Component(service = PlaylistStore.class)
public final class PlaylistStoreImpl implements PlaylistStore {
    private static final Logger LOG = LoggerFactory.getLogger(PlaylistStoreImpl.class);
    private static final Map<String, String> SORTS = Map.of("name", "name", "displayName", "name",
            "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final JpaTemplate jpa;
    private final InstanceIdentity identity;
    private final Mapper mapper;

    @Activate
    public PlaylistStoreImpl(@Reference(target = ResourceLocalJpaTemplate.TARGET) JpaTemplate jpa,
                             @Reference InstanceIdentity identity, @Reference SchemaMigrator schema) {
        this.jpa = jpa;
        this.identity = identity;
        this.mapper = new Mapper(identity);
    }

    @Override
    public VideoPlaylist create(long ownerAccountId, String displayName, String description,
                                VideoPlaylistPrivacy privacy, Long channelId) {
        checkDisplayName(displayName);
        checkDescription(description);
        if (privacy == null) {
            throw new InvalidInputException("privacy", "privacy is required");
        }
        VideoPlaylist playlist = jpa.txExpr(Required, em -> {
            AccountEntity owner = em.find(AccountEntity.class, ownerAccountId);
            if (owner == null) {
                throw new NotFoundException("account " + ownerAccountId);
            }
            ChannelEntity channel = channelOf(em, owner, channelId);
            if (channel == null && privacy != VideoPlaylistPrivacy.PRIVATE) {
                throw new InvalidInputException("videoChannelId",
                        "Cannot set \"public\" or \"unlisted\" a playlist that is not assigned to a channel");
            }
            PlaylistEntity p = Playlists.create(identity, owner, displayName, emptyToNull(description), privacy,
                    VideoPlaylistType.REGULAR, channel, new Date());
            em.persist(p);
            Sql.flush(em, "playlist " + p.getUuid());
            return map(p, 0);
        });
        LOG.debug("Created playlist {} for account {}", playlist.uuid(), ownerAccountId);
        return playlist;
    }

    /** The owner's channel with that id, {@code null} for none; a channel of someone else counts as unknown. */
    private static ChannelEntity channelOf(EntityManager em, AccountEntity owner, Long channelId) {
        if (channelId == null) {
            return null;
        }
        ChannelEntity channel = em.find(ChannelEntity.class, channelId);
        if (channel == null || channel.getAccount().getId() != owner.getId()) {
            throw new InvalidInputException("videoChannelId", "Unknown video channel " + channelId
                    + " for this account");
        }
        return channel;
    }

    private static void checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > DISPLAY_NAME_MAX) {
            throw new InvalidInputException("displayName",
                    "displayName must have 1 to " + DISPLAY_NAME_MAX + " characters");
        }
    }

    private static void checkDescription(String description) {
        if (description != null && !description.isEmpty()
                && (description.length() < DESCRIPTION_MIN || description.length() > DESCRIPTION_MAX)) {
            throw new InvalidInputException("description",
                    "description must have " + DESCRIPTION_MIN + " to " + DESCRIPTION_MAX + " characters");
        }
    }

    private static void checkTimestamp(String name, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidInputException(name, name + " must be a positive number of seconds");
        }
    }

    @Override
    public Optional<VideoPlaylist> findById(long id) {
        return jpa.txExpr(Required, em -> Optional.ofNullable(em.find(PlaylistEntity.class, id))
                .map(p -> map(p, length(em, p.getId()))));
    }

    @Override
    public Optional<VideoPlaylist> findByUuid(String uuid) {
        return findBy("uuid", uuid);
    }

    @Override
    public Optional<VideoPlaylist> findByShortUuid(String shortUuid) {
        return findBy("shortUuid", shortUuid);
    }

    private Optional<VideoPlaylist> findBy(String field, String value) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT p FROM PlaylistEntity p WHERE p." + field + " = :v",
                        PlaylistEntity.class).setParameter("v", value).getResultList().stream().findFirst()
                .map(p -> map(p, length(em, p.getId()))));
    }

    @Override
    public Optional<VideoPlaylist> watchLaterOf(long accountId) {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT p FROM PlaylistEntity p WHERE p.owner.id = :a "
                        + "AND p.type = :t ORDER BY p.id", PlaylistEntity.class).setParameter("a", accountId)
                .setParameter("t", VideoPlaylistType.WATCH_LATER.id()).getResultList().stream().findFirst()
                .map(p -> map(p, length(em, p.getId()))));
    }

    @Override
    public VideoPlaylist update(long playlistId, Change change) {
        if (change.displayName() != null) {
            checkDisplayName(change.displayName());
        }
        checkDescription(change.description());
        return jpa.txExpr(Required, em -> {
            PlaylistEntity p = playlist(em, playlistId);
            if (p.getType() == VideoPlaylistType.WATCH_LATER.id()) {
                throw new IllegalArgumentException("the watch later playlist cannot be changed");
            }
            if (change.removeChannel()) {
                p.setChannel(null);
            } else if (change.channelId() != null) {
                p.setChannel(channelOf(em, p.getOwner(), change.channelId()));
            }
            if (change.privacy() != null) {
                p.setPrivacy(change.privacy().id());
            }
            if (p.getChannel() == null && p.getPrivacy() == VideoPlaylistPrivacy.PUBLIC.id()) {
                throw new InvalidInputException("videoChannelId",
                        "Cannot set \"public\" a playlist that is not assigned to a channel");
            }
            if (change.displayName() != null) {
                p.setName(change.displayName());
            }
            if (change.description() != null) {
                p.setDescription(emptyToNull(change.description()));
            }
            p.setUpdatedAt(new Date());
            return map(p, length(em, playlistId));
        });
    }

    @Override
    public boolean delete(long playlistId) {
        boolean deleted = jpa.txExpr(Required, em -> {
            PlaylistEntity p = em.find(PlaylistEntity.class, playlistId);
            if (p == null) {
                return false;
            }
            if (p.getType() == VideoPlaylistType.WATCH_LATER.id()) {
                throw new IllegalArgumentException("the watch later playlist cannot be deleted");
            }
            em.createQuery("DELETE FROM PlaylistElementEntity e WHERE e.playlist.id = :p")
                    .setParameter("p", playlistId).executeUpdate();
            em.remove(p);
            return true;
        });
        if (deleted) {
            LOG.debug("Deleted playlist {}", playlistId);
        }
        return deleted;
    }

    @Override
    public Page<VideoPlaylist> list(PlaylistQuery query, PageRequest page) {
        String order = Sorts.orderBy("p", page, SORTS, "createdAt", true);
        StringBuilder where = new StringBuilder(" WHERE p.privacy IN :privacies");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("privacies", query.privacies().stream().map(VideoPlaylistPrivacy::id).toList());
        if (query.accountId() != null) {
            where.append(" AND p.owner.id = :account");
            params.put("account", query.accountId());
        }
        if (query.channelId() != null) {
            where.append(" AND p.channel.id = :channel");
            params.put("channel", query.channelId());
        }
        if (query.type() != null) {
            where.append(" AND p.type = :type");
            params.put("type", query.type().id());
        }
        if (query.search() != null) {
            where.append(" AND LOWER(p.name) LIKE :search ESCAPE '!'");
            params.put("search", "%" + Sql.likeEscaped(query.search().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return jpa.txExpr(Required, em -> {
            long total = bind(em.createQuery("SELECT COUNT(p) FROM PlaylistEntity p" + where, Long.class), params)
                    .getSingleResult();
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            List<PlaylistEntity> rows = Sorts.window(bind(em.createQuery("SELECT p FROM PlaylistEntity p" + where
                    + order, PlaylistEntity.class), params), page).getResultList();
            Map<Long, Long> lengths = lengths(em, rows.stream().map(PlaylistEntity::getId).toList());
            return new Page<>(total, rows.stream().map(p -> map(p, lengths.getOrDefault(p.getId(), 0L))).toList());
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    @Override
    public VideoPlaylistElement addElement(long playlistId, long videoId, Integer startTimestamp,
                                           Integer stopTimestamp) {
        checkTimestamp("startTimestamp", startTimestamp);
        checkTimestamp("stopTimestamp", stopTimestamp);
        return jpa.txExpr(Required, em -> {
            lock(em, playlistId);
            PlaylistEntity p = em.find(PlaylistEntity.class, playlistId);
            VideoEntity video = em.find(VideoEntity.class, videoId);
            if (video == null) {
                throw new NotFoundException("video " + videoId);
            }
            Date now = new Date();
            PlaylistElementEntity e = new PlaylistElementEntity();
            e.setPlaylist(p);
            e.setVideo(video);
            e.setPosition((int) length(em, playlistId) + 1);
            e.setStartTimestamp(startTimestamp);
            e.setStopTimestamp(stopTimestamp);
            e.setCreatedAt(now);
            e.setUpdatedAt(now);
            em.persist(e);
            Sql.flush(em, "playlist element");
            e.setUrl(p.getUrl() + "/videos/" + e.getId());
            return elements(em, List.of(e)).get(0);
        });
    }

    @Override
    public Optional<VideoPlaylistElement> findElement(long playlistId, long elementId) {
        return jpa.txExpr(Required, em -> element(em, playlistId, elementId).map(e -> elements(em, List.of(e))
                .get(0)));
    }

    private static Optional<PlaylistElementEntity> element(EntityManager em, long playlistId, long elementId) {
        return em.createQuery("SELECT e FROM PlaylistElementEntity e WHERE e.id = :e AND e.playlist.id = :p",
                        PlaylistElementEntity.class).setParameter("e", elementId).setParameter("p", playlistId)
                .getResultList().stream().findFirst();
    }

    @Override
    public VideoPlaylistElement updateElement(long playlistId, long elementId, Integer startTimestamp,
                                              Integer stopTimestamp) {
        checkTimestamp("startTimestamp", startTimestamp);
        checkTimestamp("stopTimestamp", stopTimestamp);
        return jpa.txExpr(Required, em -> {
            lock(em, playlistId);
            PlaylistElementEntity e = element(em, playlistId, elementId)
                    .orElseThrow(() -> new NotFoundException("element " + elementId + " of playlist " + playlistId));
            e.setStartTimestamp(startTimestamp);
            e.setStopTimestamp(stopTimestamp);
            e.setUpdatedAt(new Date());
            return elements(em, List.of(e)).get(0);
        });
    }

    @Override
    public void removeElement(long playlistId, long elementId) {
        jpa.tx(Required, em -> {
            lock(em, playlistId);
            PlaylistElementEntity e = element(em, playlistId, elementId)
                    .orElseThrow(() -> new NotFoundException("element " + elementId + " of playlist " + playlistId));
            int position = e.getPosition();
            em.remove(e);
            em.flush();
            em.createNativeQuery("UPDATE video_playlist_element SET position = position - 1 "
                    + "WHERE playlist_id = ? AND position > ?").setParameter(1, playlistId).setParameter(2, position)
                    .executeUpdate();
        });
    }

    @Override
    public Page<VideoPlaylistElement> elements(long playlistId, PageRequest page) {
        return jpa.txExpr(Required, em -> {
            long total = length(em, playlistId);
            if (page.count() == 0 || total <= page.start()) {
                return new Page<>(total, List.of());
            }
            List<PlaylistElementEntity> rows = Sorts.window(em.createQuery("SELECT e FROM PlaylistElementEntity e "
                            + "WHERE e.playlist.id = :p ORDER BY e.position, e.id", PlaylistElementEntity.class)
                    .setParameter("p", playlistId), page).getResultList();
            return new Page<>(total, elements(em, rows));
        });
    }

    @Override
    public void reorder(long playlistId, int startPosition, int insertAfterPosition, int reorderLength) {
        jpa.tx(Required, em -> {
            lock(em, playlistId);
            List<Long> ids = em.createQuery("SELECT e.id FROM PlaylistElementEntity e WHERE e.playlist.id = :p "
                    + "ORDER BY e.position, e.id", Long.class).setParameter("p", playlistId).getResultList();
            List<Long> reordered = Reorder.move(ids, startPosition, insertAfterPosition, reorderLength);
            for (int i = 0; i < reordered.size(); i++) {
                em.createNativeQuery("UPDATE video_playlist_element SET position = ? WHERE id = ?")
                        .setParameter(1, i + 1).setParameter(2, reordered.get(i)).executeUpdate();
            }
        });
    }

    @Override
    public Map<Long, List<ElementOfVideo>> elementsOfVideos(long accountId, Collection<Long> videoIds) {
        if (videoIds.isEmpty()) {
            return Map.of();
        }
        return jpa.txExpr(Required, em -> {
            Map<Long, List<ElementOfVideo>> found = new LinkedHashMap<>();
            em.createQuery("SELECT e.video.id, e.playlist.id, e.id, e.startTimestamp, e.stopTimestamp "
                            + "FROM PlaylistElementEntity e WHERE e.playlist.owner.id = :a AND e.video.id IN :ids "
                            + "ORDER BY e.playlist.id, e.position", Object[].class)
                    .setParameter("a", accountId).setParameter("ids", List.copyOf(Set.copyOf(videoIds)))
                    .getResultList().forEach(row -> found.computeIfAbsent(((Number) row[0]).longValue(),
                            k -> new ArrayList<>()).add(new ElementOfVideo(((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(), (Integer) row[3], (Integer) row[4])));
            return found;
        });
    }

    @Override
    public long count() {
        return jpa.txExpr(Required, em -> em.createQuery("SELECT COUNT(p) FROM PlaylistEntity p", Long.class)
                .getSingleResult());
    }

    /** Write-locks the playlist row until the transaction ends (see the class comment). */
    private static void lock(EntityManager em, long playlistId) {
        int rows = em.createNativeQuery("UPDATE video_playlist SET updated_at = ? WHERE id = ?")
                .setParameter(1, new java.sql.Timestamp(System.currentTimeMillis())).setParameter(2, playlistId)
                .executeUpdate();
        if (rows == 0) {
            throw new NotFoundException("playlist " + playlistId);
        }
    }

    private static PlaylistEntity playlist(EntityManager em, long id) {
        PlaylistEntity p = em.find(PlaylistEntity.class, id);
        if (p == null) {
            throw new NotFoundException("playlist " + id);
        }
        return p;
    }

    private static long length(EntityManager em, long playlistId) {
        return em.createQuery("SELECT COUNT(e) FROM PlaylistElementEntity e WHERE e.playlist.id = :p", Long.class)
                .setParameter("p", playlistId).getSingleResult();
    }

    /** One grouped query for the lengths of a page of playlists. */
    private static Map<Long, Long> lengths(EntityManager em, List<Long> ids) {
        Map<Long, Long> lengths = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT e.playlist.id, COUNT(e) FROM PlaylistElementEntity e WHERE e.playlist.id IN :ids "
                    + "GROUP BY e.playlist.id", Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(row -> lengths.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        }
        return lengths;
    }

    private VideoPlaylist map(PlaylistEntity p, long videosLength) {
        return new VideoPlaylist(p.getId(), p.getUuid(), p.getShortUuid(), p.getName(), p.getDescription(),
                VideoPlaylistPrivacy.byId(p.getPrivacy()).orElseThrow(() ->
                        new IllegalStateException("unknown playlist privacy " + p.getPrivacy())),
                VideoPlaylistType.byId(p.getType()).orElseThrow(() ->
                        new IllegalStateException("unknown playlist type " + p.getType())),
                p.getOwner().getActor().isLocal(), p.getUrl(), mapper.ref(p.getOwner()),
                p.getChannel() == null ? null : mapper.ref(p.getChannel()), videosLength,
                Dates.toInstant(p.getCreatedAt()), Dates.toInstant(p.getUpdatedAt()));
    }

    /** Elements with their videos, tags loaded in one query. */
    private List<VideoPlaylistElement> elements(EntityManager em, List<PlaylistElementEntity> rows) {
        Map<Long, List<String>> tags = VideoStoreImpl.tagsOf(em, rows.stream().map(PlaylistElementEntity::getVideo)
                .filter(java.util.Objects::nonNull).map(VideoEntity::getId).distinct().toList());
        return rows.stream().map(e -> {
            Video video = e.getVideo() == null ? null
                    : mapper.video(e.getVideo(), tags.getOrDefault(e.getVideo().getId(), List.of()));
            return new VideoPlaylistElement(e.getId(), e.getPlaylist().getId(), e.getPosition(),
                    e.getStartTimestamp(), e.getStopTimestamp(), video);
        }).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
