package org.vidiverse.storage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.storage.internal.entity.UserEntity;

/**
 * Deletes a user and every row that is theirs, inside the caller's transaction, with plain SQL in the order the
 * foreign keys (which restrict deletes) need. Every table that refers to a user, an account, a channel, an actor
 * or a video is handled here; a table added later that refers to one of them must be added too (the storage tests
 * check that no row is left pointing at a removed one).
 *
 * <p>As in PeerTube: the user's comments go with every reply under them; places in other users' playlists stay
 * with their video emptied; the account's block list goes, and so does its place on others'; the counters of
 * what stays (likes, dislikes, comment counts, follower and following counts) are recounted from the rows that
 * remain.
 */
final class UserRemoval {
    /** Ids per IN list: well under every database's limit on parameters. */
    private static final int CHUNK = 500;
    /** The videos of the account's channels; the one parameter is the account id. */
    private static final String VIDEOS = "SELECT v.id FROM video v WHERE v.channel_id IN "
            + "(SELECT c.id FROM video_channel c WHERE c.account_id = ?)";

    private UserRemoval() {
    }

    /** @return the removed user's name */
    static String remove(EntityManager em, long userId) {
        UserEntity user = em.find(UserEntity.class, userId);
        if (user == null) {
            throw new NotFoundException("user " + userId);
        }
        String username = user.getUsername();
        long account = user.getAccount() == null ? -1 : user.getAccount().getId();
        List<Long> channels = ids(em, "SELECT id FROM video_channel WHERE account_id = ?", account);
        List<Long> actors = new ArrayList<>(channels);
        if (account >= 0) {
            actors.add(account);                 // accounts and channels share their actor's id
        }
        em.flush();
        em.clear();                              // from here on the rows change under the provider's feet

        removePlaylistsAndHistory(em, userId, account, channels);
        removeComments(em, account);
        removeRatings(em, account);
        removeVideos(em, account);
        removeFollows(em, actors);
        // the account's block list, and its place on every other account's
        execute(em, "DELETE FROM account_block WHERE by_account_id = ?", account);
        execute(em, "DELETE FROM account_block WHERE target_account_id = ?", account);
        execute(em, "DELETE FROM account_server_block WHERE by_account_id = ?", account);
        execute(em, "DELETE FROM oauth_token WHERE user_id = ?", userId);
        execute(em, "DELETE FROM video_channel WHERE account_id = ?", account);
        execute(em, "DELETE FROM account WHERE id = ?", account);
        inChunks(em, "DELETE FROM actor WHERE id IN (%s)", actors);
        execute(em, "DELETE FROM users WHERE id = ?", userId);
        return username;
    }

    private static void removePlaylistsAndHistory(EntityManager em, long userId, long account, List<Long> channels) {
        execute(em, "DELETE FROM video_playlist_element WHERE playlist_id IN "
                + "(SELECT p.id FROM video_playlist p WHERE p.owner_account_id = ?)", account);
        execute(em, "UPDATE video_playlist_element SET video_id = NULL WHERE video_id IN (" + VIDEOS + ")", account);
        // others cannot show a playlist on our channels; should one exist anyway, it loses the channel, not its rows
        inChunks(em, "UPDATE video_playlist SET channel_id = NULL WHERE channel_id IN (%s)", channels);
        execute(em, "DELETE FROM video_playlist WHERE owner_account_id = ?", account);
        execute(em, "DELETE FROM user_video_history WHERE user_id = ?", userId);
        execute(em, "DELETE FROM user_video_history WHERE video_id IN (" + VIDEOS + ")", account);
    }

    /** The account's comments and the comments on its videos, with every reply below them. */
    private static void removeComments(EntityManager em, long account) {
        Set<Long> doomed = new LinkedHashSet<>(ids(em, "SELECT id FROM video_comment WHERE account_id = ?", account));
        doomed.addAll(ids(em, "SELECT id FROM video_comment WHERE video_id IN (" + VIDEOS + ")", account));
        List<Long> frontier = List.copyOf(doomed);
        while (!frontier.isEmpty()) {
            List<Long> found = new ArrayList<>();
            for (List<Long> chunk : chunks(frontier)) {
                String in = placeholders(chunk.size());
                found.addAll(ids(em, "SELECT id FROM video_comment WHERE origin_comment_id IN (" + in
                        + ") OR in_reply_to_comment_id IN (" + in + ")", concat(chunk, chunk).toArray()));
            }
            frontier = found.stream().filter(doomed::add).toList();
        }
        List<Long> all = List.copyOf(doomed);
        Set<Long> touched = new LinkedHashSet<>();
        for (List<Long> chunk : chunks(all)) {
            touched.addAll(ids(em, "SELECT DISTINCT video_id FROM video_comment WHERE id IN ("
                    + placeholders(chunk.size()) + ")", chunk.toArray()));
        }
        touched.removeAll(ids(em, VIDEOS, account));
        // no row outside the set points into it, so once the set's own links are cut its rows can go in any order
        inChunks(em, "UPDATE video_comment SET origin_comment_id = NULL, in_reply_to_comment_id = NULL "
                + "WHERE id IN (%s)", all);
        inChunks(em, "DELETE FROM video_comment WHERE id IN (%s)", all);
        inChunks(em, "UPDATE video SET comments_count = (SELECT COUNT(*) FROM video_comment c "
                + "WHERE c.video_id = video.id AND c.deleted_at IS NULL) WHERE id IN (%s)", List.copyOf(touched));
    }

    private static void removeRatings(EntityManager em, long account) {
        List<Long> rated = ids(em, "SELECT DISTINCT video_id FROM account_video_rate WHERE account_id = ? "
                + "AND video_id NOT IN (" + VIDEOS + ")", account, account);
        execute(em, "DELETE FROM account_video_rate WHERE account_id = ?", account);
        execute(em, "DELETE FROM account_video_rate WHERE video_id IN (" + VIDEOS + ")", account);
        inChunks(em, "UPDATE video SET "
                + "likes = (SELECT COUNT(*) FROM account_video_rate r WHERE r.video_id = video.id AND r.rate_type = 'like'), "
                + "dislikes = (SELECT COUNT(*) FROM account_video_rate r WHERE r.video_id = video.id "
                + "AND r.rate_type = 'dislike') WHERE id IN (%s)", rated);
    }

    /** The rows of the account's videos; comments, ratings, playlist places and history went before. */
    private static void removeVideos(EntityManager em, long account) {
        for (String table : List.of("video_tag", "video_file", "video_streaming_playlist", "video_search_word")) {
            execute(em, "DELETE FROM " + table + " WHERE video_id IN (" + VIDEOS + ")", account);
        }
        execute(em, "DELETE FROM video WHERE channel_id IN (SELECT c.id FROM video_channel c WHERE c.account_id = ?)",
                account);
    }

    /** Follows from and to the account and its channels; the other side's counters are recounted. */
    private static void removeFollows(EntityManager em, List<Long> actors) {
        Set<Long> followed = new LinkedHashSet<>();
        Set<Long> followers = new LinkedHashSet<>();
        for (List<Long> chunk : chunks(actors)) {
            String in = placeholders(chunk.size());
            followed.addAll(ids(em, "SELECT following_id FROM actor_follow WHERE follower_id IN (" + in + ")",
                    chunk.toArray()));
            followers.addAll(ids(em, "SELECT follower_id FROM actor_follow WHERE following_id IN (" + in + ")",
                    chunk.toArray()));
        }
        followed.removeAll(actors);
        followers.removeAll(actors);
        inChunks(em, "DELETE FROM actor_follow WHERE follower_id IN (%s)", actors);
        inChunks(em, "DELETE FROM actor_follow WHERE following_id IN (%s)", actors);
        inChunks(em, "UPDATE actor SET followers_count = (SELECT COUNT(*) FROM actor_follow f "
                + "WHERE f.following_id = actor.id AND f.state = 'ACCEPTED') WHERE id IN (%s)", List.copyOf(followed));
        inChunks(em, "UPDATE actor SET following_count = (SELECT COUNT(*) FROM actor_follow f "
                + "WHERE f.follower_id = actor.id AND f.state = 'ACCEPTED') WHERE id IN (%s)", List.copyOf(followers));
    }

    private static List<Long> ids(EntityManager em, String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Long> ids = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object value = row instanceof Object[] cols ? cols[0] : row;
            if (value != null) {
                ids.add(((Number) value).longValue());
            }
        }
        return ids;
    }

    private static int execute(EntityManager em, String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    /** Runs {@code sql} (with one {@code %s} for an IN list) over {@code ids} in chunks. */
    private static void inChunks(EntityManager em, String sql, Collection<Long> ids) {
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            execute(em, String.format(sql, placeholders(chunk.size())), chunk.toArray());
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
