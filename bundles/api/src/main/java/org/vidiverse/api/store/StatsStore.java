package org.vidiverse.api.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Figures for the instance's statistics and the admin dashboard: per-day aggregates (views, uploads, bytes players
 * fetched from peers and from the server), totals in PeerTube's {@code ServerStats} names, the size of stored media
 * and the state of a job queue. Days are UTC days.
 *
 * @since 1.5
 */
@org.osgi.annotation.versioning.ProviderType
public interface StatsStore {

    /** One UTC day of the whole instance. */
    record Day(LocalDate date, long views, long uploads, long bytesFromPeers, long bytesFromServer) {
    }

    /** Jobs of one type: waiting or running, failed for good, and finished successfully since a moment. */
    record JobCounts(long pending, long failed, long succeededSince) {
    }

    /** Bytes of one video's players, all days together. */
    record PlaybackBytes(long fromPeers, long fromServer) {
    }

    /**
     * Adds bytes a player of the video fetched to the video's aggregate of {@code day}.
     *
     * @throws NotFoundException if there is no such video
     * @throws IllegalArgumentException if a count is negative
     */
    void addPlayback(long videoId, LocalDate day, long bytesFromPeers, long bytesFromServer);

    /**
     * Every day from {@code from} to {@code to} (both included, oldest first), zeros on days without activity. Views
     * are counted as {@link RatingStore#addView} counts them; uploads are local videos created that day.
     */
    List<Day> days(LocalDate from, LocalDate to);

    /** The bytes of one video's players. */
    PlaybackBytes playbackBytes(long videoId);

    /**
     * Counters of PeerTube's {@code ServerStats} that the database knows, under its names: {@code totalUsers},
     * {@code totalDailyActiveUsers}, {@code totalWeeklyActiveUsers}, {@code totalMonthlyActiveUsers} (logins within a
     * day, week, month of {@code now}), {@code totalModerators}, {@code totalAdmins}, {@code totalLocalVideos},
     * {@code totalLocalVideoViews}, {@code totalLocalVideoComments}, {@code totalLocalVideoFilesSize},
     * {@code totalVideos}, {@code totalVideoComments}, {@code totalLocalVideoChannels}, {@code totalLocalPlaylists},
     * {@code totalInstanceFollowers}, {@code totalInstanceFollowing}, {@code totalAbuses},
     * {@code totalAbusesProcessed}.
     */
    Map<String, Long> totals(Instant now);

    /** Bytes of local videos: their renditions, and uploaded sources not yet replaced by renditions. */
    record MediaBytes(long renditions, long sources) {
    }

    MediaBytes localMediaBytes();

    /** The jobs of {@code jobType}; {@code succeededSince} counts those that finished after {@code since}. */
    JobCounts jobs(String jobType, Instant since);
}
