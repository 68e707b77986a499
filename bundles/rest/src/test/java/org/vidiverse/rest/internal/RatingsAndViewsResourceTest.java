package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.vidiverse.rest.internal.CommentThreadsResourceTest.assertStatus;
import static org.vidiverse.rest.internal.InteractionFakes.anonymous;
import static org.vidiverse.rest.internal.InteractionFakes.as;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.SecurityContext;

import org.junit.Test;
import org.vidiverse.api.model.User;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.RatingStore.Rating;

public class RatingsAndViewsResourceTest {
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final long OWNER = 1;
    private static final long ALICE = 2;

    private final InteractionFakes f = new InteractionFakes();
    private final RatingsResource rate = new RatingsResource(f.ratings, f.videoStore);
    private final MyRatingResource mine = new MyRatingResource(f.ratings, f.videoStore);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ViewsResource views = new ViewsResource(f.ratings, f.videoStore, f.historyStore,
            new RecentViews(ViewsResource.WINDOW_MS, 1_000, now::get));

    // ---- rating

    @Test
    public void ratingIs204AndReadBackFromUsersMe() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        SecurityContext alice = as(ALICE, UserRole.USER);
        assertEquals(Map.of("videoId", 10L, "rating", "none"), mine.get(alice, "10"));
        assertEquals(204, rate.rate(alice, "10", JSON, "{\"rating\":\"like\"}").getStatus());
        assertEquals("like", mine.get(alice, "10").get("rating"));
        assertEquals(204, rate.rate(alice, f.videos.get(10L).uuid(), FORM, "rating=dislike").getStatus());
        assertEquals("dislike", mine.get(alice, "shorta").get("rating"));
        assertEquals(204, rate.rate(alice, "10", JSON, "{\"rating\":\"none\"}").getStatus());
        assertEquals(Rating.NONE, f.ratings.ratingOf(10, ALICE));
    }

    @Test
    public void badRatingsAreRefusedAndWriteNothing() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PRIVATE, true);
        SecurityContext alice = as(ALICE, UserRole.USER);
        assertStatus(401, () -> rate.rate(anonymous(), "10", JSON, "{\"rating\":\"like\"}"));
        for (String body : List.of("", "{}", "{\"rating\":\"love\"}", "{\"rating\":\"LIKE\"}", "{\"rating\":1}",
                "{\"rating\":null}", "rating=like")) {
            assertStatus(400, () -> rate.rate(alice, "10", JSON, body));
        }
        assertStatus(400, () -> rate.rate(alice, "10", FORM, "rating=meh"));
        assertStatus(400, () -> rate.rate(alice, "no id!", JSON, "{\"rating\":\"like\"}"));
        assertStatus(404, () -> rate.rate(alice, "99", JSON, "{\"rating\":\"like\"}"));
        assertStatus(403, () -> rate.rate(alice, "11", JSON, "{\"rating\":\"like\"}"));
        assertTrue(f.ratings.rows.isEmpty());
    }

    @Test
    public void myRatingNeedsALoginAndAKnownVideo() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        assertStatus(401, () -> mine.get(anonymous(), "10"));
        assertStatus(400, () -> mine.get(as(ALICE, UserRole.USER), "??"));
        assertStatus(404, () -> mine.get(as(ALICE, UserRole.USER), "99"));
    }

    // ---- views

    @Test
    public void oneClientCountsOneViewPerVideoPerMinute() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PUBLIC, true);
        assertEquals(204, views.view("10.0.0.1", "10", Map.of("currentTime", 3)).getStatus());
        views.view("10.0.0.1", "10", Map.of("currentTime", "5"));
        views.view("10.0.0.2", "10", Map.of("currentTime", 5.7));
        views.view("10.0.0.1", "11", Map.of("currentTime", 0, "viewEvent", "seek"));
        assertEquals(Long.valueOf(2), f.ratings.views.get(10L));
        assertEquals(Long.valueOf(1), f.ratings.views.get(11L));
        now.addAndGet(ViewsResource.WINDOW_MS - 1);
        views.view("10.0.0.1", "10", Map.of("currentTime", 3));
        assertEquals(Long.valueOf(2), f.ratings.views.get(10L));
        now.addAndGet(1);
        views.view("10.0.0.1", "10", Map.of("currentTime", 3));
        assertEquals(Long.valueOf(3), f.ratings.views.get(10L));
    }

    @Test
    public void aViewMovesTheWatchHistoryOfALoggedInUserWhoseHistoryIsOn() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        User on = InteractionFakes.user(ALICE, UserRole.USER, true);
        User off = InteractionFakes.user(3, UserRole.USER, false);
        views.view("10.0.0.1", "10", Map.of("currentTime", 12), java.util.Optional.of(on));
        views.view("10.0.0.2", "10", Map.of("currentTime", 13), java.util.Optional.of(off));
        views.view("10.0.0.3", "10", Map.of("currentTime", 14));
        assertEquals(Map.of(on.id() + "/10", 12), f.history);
        assertEquals(Long.valueOf(3), f.ratings.views.get(10L));
    }

    @Test
    public void badViewsAreRefusedAndCountNothing() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("currentTime", "soon"),
                Map.of("currentTime", -1), Map.of("currentTime", 61), Map.of("currentTime", 1, "viewEvent", "watch"),
                Map.of("currentTime", true))) {
            assertStatus(400, () -> views.view("10.0.0.1", "10", body));
        }
        assertStatus(400, () -> views.view("10.0.0.1", "no id!", Map.of("currentTime", 1)));
        assertStatus(404, () -> views.view("10.0.0.1", "99", Map.of("currentTime", 1)));
        assertTrue(f.ratings.views.isEmpty());
    }

    @Test
    public void theClientIsTheRemoteAddressAndTheBodyJsonOrForm() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        HttpServletRequest request = InteractionFakes.proxy(HttpServletRequest.class,
                (method, args) -> "getRemoteAddr".equals(method) ? "192.0.2.7" : null);
        assertStatus(400, () -> views.view(request, anonymous(), "10", JSON, "{\"currentTime\":"));
        assertEquals(204, views.view(request, anonymous(), "10", JSON, "{\"currentTime\":2}").getStatus());
        assertEquals(204, views.view(request, anonymous(), "10", FORM, "currentTime=2").getStatus());
        assertEquals(Long.valueOf(1), f.ratings.views.get(10L));
    }

    @Test
    public void recentViewsStayBoundedAndExpire() {
        AtomicLong clock = new AtomicLong();
        RecentViews recent = new RecentViews(60_000, 3, clock::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(recent.firstView("ip" + i, 1));
        }
        assertEquals(3, recent.size());
        assertTrue("the oldest were dropped", recent.firstView("ip0", 1));
        clock.addAndGet(60_000);
        assertTrue(recent.firstView("ip9", 1));
        assertEquals(1, recent.size());
    }
}
