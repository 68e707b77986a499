package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vidiverse.api.model.NewUser;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.NotFoundException;
import org.vidiverse.api.store.StatsStore;
import org.vidiverse.api.store.VideoQuery;

/** Daily statistics, totals and job counts on every database; subclasses provide a fresh database per test. */
public abstract class StatsStoreContract {
    protected Stores s;

    protected abstract DataSource createDatabase() throws Exception;

    protected abstract void dropDatabase() throws Exception;

    @Before
    public void open() throws Exception {
        s = new Stores(createDatabase());
    }

    @After
    public void close() throws Exception {
        if (s != null) {
            s.close();
        }
        dropDatabase();
    }

    @Test
    public void viewsAndPlaybackBytesAddUpPerDayAndVideo() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        User bob = user("bob");
        Video a = video(bob, "a");
        Video b = video(bob, "b");
        s.ratings.addView(a.id());
        s.ratings.addView(a.id());
        s.ratings.addView(b.id());
        s.stats.addPlayback(a.id(), today, 1000, 250);
        s.stats.addPlayback(a.id(), today, 24, 6);
        s.stats.addPlayback(b.id(), today.minusDays(2), 7, 3);

        List<StatsStore.Day> days = s.stats.days(today.minusDays(3), today);
        assertEquals(4, days.size());
        assertEquals(new StatsStore.Day(today.minusDays(3), 0, 0, 0, 0), days.get(0));
        assertEquals(new StatsStore.Day(today.minusDays(2), 0, 0, 7, 3), days.get(1));
        assertEquals(new StatsStore.Day(today, 3, 2, 1024, 256), days.get(3));
        assertEquals(new StatsStore.PlaybackBytes(1024, 256), s.stats.playbackBytes(a.id()));
        assertEquals(new StatsStore.PlaybackBytes(0, 0), s.stats.playbackBytes(999_999));
    }

    @Test
    public void playbackOfAnUnknownVideoOrWithNegativeBytesIsRefused() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThrows(NotFoundException.class, () -> s.stats.addPlayback(999_999, today, 1, 1));
        Video v = video(user("bob"), "v");
        assertThrows(IllegalArgumentException.class, () -> s.stats.addPlayback(v.id(), today, -1, 1));
        assertEquals(0, s.stats.days(today, today).get(0).bytesFromServer());
    }

    @Test
    public void rangesAreBounded() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class, () -> s.stats.days(today, today.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> s.stats.days(today.minusDays(5000), today));
    }

    @Test
    public void totalsCountLocalUsersVideosAndFiles() {
        User bob = user("bob");
        Video v = video(bob, "v");
        s.videos.addFile(v.id(), 720, 5000, 30, ".mp4", "f-720.mp4");
        s.ratings.addView(v.id());
        Map<String, Long> t = s.stats.totals(Instant.now());
        assertEquals(Long.valueOf(1), t.get("totalUsers"));
        assertEquals(Long.valueOf(1), t.get("totalLocalVideos"));
        assertEquals(Long.valueOf(1), t.get("totalLocalVideoViews"));
        assertEquals(Long.valueOf(5000), t.get("totalLocalVideoFilesSize"));
        assertEquals(Long.valueOf(1), t.get("totalLocalVideoChannels"));
        assertEquals(Long.valueOf(0), t.get("totalInstanceFollowers"));
        assertEquals(5000, s.stats.localMediaBytes().renditions());
    }

    @Test
    public void jobCountsSeparatePendingFailedAndRecentlySucceeded() {
        Instant now = Instant.now();
        String type = "activitypub-http-unicast";
        s.jobs.enqueue(type, "{}", 1, now);
        long failed = s.jobs.enqueue(type, "{}", 1, now).id();
        long done = s.jobs.enqueue(type, "{}", 1, now).id();
        s.jobs.enqueue("video-transcoding", "{}", 1, now);
        s.jobs.failForGood(failed, "gone");
        s.jobs.succeed(done);
        assertEquals(new StatsStore.JobCounts(1, 1, 1), s.stats.jobs(type, now.minus(1, ChronoUnit.DAYS)));
        assertEquals(0, s.stats.jobs(type, Instant.now().plusSeconds(60)).succeededSince());
    }

    @Test
    public void theSchemaStepIsRecordedOnce() {
        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
        assertEquals(SchemaMigrator.latestVersion(), s.schema.migrate());
        assertEquals(13, SchemaMigrator.latestVersion());
    }

    @Test
    public void latestCommentsAreTheReadableOnesOfListedVideosNewestFirst() {
        User bob = user("bob");
        User eve = user("eve");
        Video open = video(bob, "open");
        Video hidden = s.videos.create(new NewVideo(s.channels.channelsOf(bob.accountId()).get(0).id(), "private",
                null, null, org.vidiverse.api.model.VideoPrivacy.PRIVATE,
                org.vidiverse.api.model.VideoState.PUBLISHED, 0, null, null, null, List.of(), false, true, true,
                false));
        var first = s.comments.create(open.id(), bob.accountId(), null, "first");
        var reply = s.comments.create(open.id(), bob.accountId(), first.id(), "reply");
        s.comments.create(open.id(), bob.accountId(), null, "held", true);
        var gone = s.comments.create(open.id(), bob.accountId(), null, "gone");
        s.comments.delete(gone.id());
        s.comments.create(hidden.id(), bob.accountId(), null, "on a private video");
        s.comments.create(open.id(), eve.accountId(), null, "by a blocked account");
        s.blocks.block(s.actors.instanceActor().id(), eve.accountId());

        VideoQuery listing = VideoQuery.publicListing();
        assertEquals(List.of(reply.id(), first.id()),
                s.comments.latest(listing, null, 10).stream().map(c -> c.id()).toList());
        assertEquals(List.of(reply.id()), s.comments.latest(listing, open.id(), 1).stream().map(c -> c.id()).toList());
        assertEquals(List.of(), s.comments.latest(listing, hidden.id(), 10));
        assertEquals(List.of(), s.comments.latest(listing.withChannel(999_999), null, 10));
    }

    @Test
    public void feedTokensAreStableUntilRenewedAndGoWithTheirUser() {
        User bob = user("bob");
        User eve = user("eve");
        String token = s.feedTokens.feedToken(bob.id());
        assertEquals(token, s.feedTokens.feedToken(bob.id()));
        assertEquals(java.util.Optional.of(bob.id()), s.feedTokens.userOf(token));
        String renewed = s.feedTokens.renew(bob.id());
        assertNotEquals(token, renewed);
        assertEquals(java.util.Optional.empty(), s.feedTokens.userOf(token));
        assertEquals(java.util.Optional.of(bob.id()), s.feedTokens.userOf(renewed));
        assertNotEquals(renewed, s.feedTokens.feedToken(eve.id()));
        assertThrows(NotFoundException.class, () -> s.feedTokens.feedToken(999_999));
        assertEquals(java.util.Optional.empty(), s.feedTokens.userOf(""));
        s.users.delete(bob.id());
        assertEquals(java.util.Optional.empty(), s.feedTokens.userOf(renewed));
    }

    private User user(String name) {
        return s.users.create(new NewUser(name, name + "@example.org", "hash", UserRole.USER, -1, -1, null));
    }

    private Video video(User owner, String name) {
        long channel = s.channels.channelsOf(owner.accountId()).get(0).id();
        return s.videos.create(NewVideo.published(channel, name));
    }
}
