package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.vidiverse.rest.internal.InteractionFakes.anonymous;
import static org.vidiverse.rest.internal.InteractionFakes.as;
import static org.vidiverse.rest.internal.PlaylistAndHistoryResourcesTest.assertInvalid;
import static org.vidiverse.rest.internal.PlaylistAndHistoryResourcesTest.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbuseMessage;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.AbuseState;
import org.vidiverse.api.model.ActorRef;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.model.Page;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.store.AbuseStore;

/** {@code /api/v1/abuses}: who may do what, what is refused before anything is stored, and the JSON shapes. */
public class AbusesResourceTest {
    private static final long REPORTER = 1;
    private static final long OWNER = 2;

    private final InteractionFakes fakes = new InteractionFakes();
    private final List<NewAbuse> created = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();
    private final AbuseStore store = InteractionFakes.proxy(AbuseStore.class, (name, args) -> switch (name) {
        case "create" -> {
            created.add((NewAbuse) args[0]);
            yield abuse(created.size(), (NewAbuse) args[0]);
        }
        case "find" -> (Long) args[0] == 7 ? Optional.of(abuse(7, NewAbuse.ofVideo(REPORTER, "spam", List.of(),
                10, null, null))) : Optional.empty();
        case "list" -> new Page<Abuse>(0, List.of());
        case "update" -> updates.add(args[0] + "/" + args[1] + "/" + args[2]) ? null : null;
        case "messages" -> List.<AbuseMessage>of();
        default -> throw new UnsupportedOperationException(name);
    });
    private final AbusesResource resource = new AbusesResource(store, fakes.videoStore, fakes.comments,
            fakes.channelStore, new Federation());

    @Test
    public void anyLoggedInUserReportsAVideoTheySee() {
        fakes.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        Map<String, Object> answer = resource.report(as(REPORTER, UserRole.USER), Map.of("reason", "spam here",
                "predefinedReasons", List.of("spamOrMisleading"), "video", Map.of("id", 10, "startAt", 3)));
        assertEquals(Map.of("abuse", Map.of("id", 1L)), answer);
        NewAbuse report = created.get(0);
        assertEquals(REPORTER, report.reporterAccountId());
        assertEquals(List.of(AbusePredefinedReason.SPAM_OR_MISLEADING), report.predefinedReasons());
        assertEquals(Long.valueOf(10), report.videoId());
        assertEquals(Integer.valueOf(3), report.startAt());
        assertEquals(401, status(() -> resource.report(anonymous(), Map.of("reason", "spam", "video",
                Map.of("id", 10)))));
    }

    @Test
    public void badReportsAre400NamingTheFieldAndStoreNothing() {
        fakes.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        var user = as(REPORTER, UserRole.USER);
        Map<String, Object> video = Map.of("id", 10);
        assertInvalid("reason", () -> resource.report(user, Map.of("video", video)));
        assertInvalid("reason", () -> resource.report(user, Map.of("reason", "x", "video", video)));
        assertInvalid("reason", () -> resource.report(user, Map.of("reason", "y".repeat(3001), "video", video)));
        assertInvalid("predefinedReasons", () -> resource.report(user, Map.of("reason", "spam",
                "predefinedReasons", List.of("boring"), "video", video)));
        assertInvalid("video", () -> resource.report(user, Map.of("reason", "spam")));
        assertInvalid("video", () -> resource.report(user, Map.of("reason", "spam", "video", video,
                "account", Map.of("id", OWNER))));
        assertInvalid("video", () -> resource.report(user, Map.of("reason", "spam", "video", 10)));
        assertInvalid("video.startAt", () -> resource.report(user, Map.of("reason", "spam",
                "video", Map.of("id", 10, "startAt", "soon"))));
        assertInvalid("video.endAt", () -> resource.report(user, Map.of("reason", "spam",
                "video", Map.of("id", 10, "endAt", -4))));
        assertInvalid("comment.id", () -> resource.report(user, Map.of("reason", "spam",
                "comment", Map.of("id", "first"))));
        assertInvalid("account.id", () -> resource.report(user, Map.of("reason", "spam",
                "account", Map.of("id", REPORTER))));
        assertEquals(404, status(() -> resource.report(user, Map.of("reason", "spam", "video", Map.of("id", 99)))));
        assertEquals(404, status(() -> resource.report(user, Map.of("reason", "spam", "comment", Map.of("id", 99)))));
        assertTrue(created.isEmpty());
    }

    @Test
    public void onlyModeratorsListJudgeAndDelete() {
        var user = as(REPORTER, UserRole.USER);
        var moderator = as(5, UserRole.MODERATOR);
        assertEquals(401, status(() -> resource.list(anonymous(), null, null, null, null, null, null, null, null,
                null, null, null)));
        assertEquals(403, status(() -> resource.list(user, null, null, null, null, null, null, null, null, null,
                null, null)));
        assertEquals(403, status(() -> resource.update(user, "7", Map.of("state", 3))));
        assertEquals(403, status(() -> resource.delete(user, "7")));
        assertEquals(Map.of("total", 0L, "data", List.of()), resource.list(moderator, null, null, null, null,
                "spamOrMisleading", "x", "1", "deleted", null, null, "video"));
        assertInvalid("state", () -> resource.list(moderator, null, null, null, null, null, null, "4", null, null,
                null, null));
        assertInvalid("predefinedReason", () -> resource.list(moderator, null, null, null, null, "boring", null,
                null, null, null, null, null));
        assertInvalid("filter", () -> resource.list(moderator, null, null, null, null, null, null, null, null,
                null, null, "channel"));
        assertInvalid("sort", () -> resource.list(moderator, null, null, "name", null, null, null, null, null,
                null, null, null));
        assertInvalid("state", () -> resource.update(moderator, "7", Map.of("state", 9)));
        assertInvalid("moderationComment", () -> resource.update(moderator, "7",
                Map.of("moderationComment", " ")));
        assertEquals(404, status(() -> resource.update(moderator, "8", Map.of("state", 3))));
        assertTrue(updates.isEmpty());
        assertEquals(204, resource.update(moderator, "7", Map.of("state", 3, "moderationComment", "ok"))
                .getStatus());
        assertEquals(List.of("7/ACCEPTED/ok"), updates);
    }

    @Test
    public void messagesAreForTheReporterAndModeratorsOnly() {
        assertEquals(Map.of("total", 0, "data", List.of()), resource.messages(as(REPORTER, UserRole.USER), "7"));
        assertEquals(Map.of("total", 0, "data", List.of()), resource.messages(as(5, UserRole.MODERATOR), "7"));
        assertEquals(403, status(() -> resource.messages(as(3, UserRole.USER), "7")));
        assertEquals(403, status(() -> resource.addMessage(as(3, UserRole.USER), "7", Map.of("message", "hi"))));
        assertEquals(404, status(() -> resource.messages(as(REPORTER, UserRole.USER), "8")));
    }

    @Test
    public void adminAndUserShapesAreTheOnesOfPeerTube() {
        AbuseJson json = new AbuseJson(fakes.videoStore, fakes.channelStore);
        Abuse abuse = abuse(3, NewAbuse.ofVideo(REPORTER, "spam", List.of(AbusePredefinedReason.RIGHTS), 10, 1, 2));
        Map<String, Object> admin = json.admin(abuse);
        assertEquals(List.of("id", "reason", "predefinedReasons", "flaggedAccount", "state", "video", "comment",
                "createdAt", "updatedAt", "countMessages", "moderationComment", "reporterAccount",
                "countReportsForReporter", "countReportsForReportee"), List.copyOf(admin.keySet()));
        assertEquals(List.of("rights"), admin.get("predefinedReasons"));
        assertEquals(Map.of("id", 1, "label", "Pending"), admin.get("state"));
        @SuppressWarnings("unchecked")
        Map<String, Object> video = (Map<String, Object>) admin.get("video");
        assertEquals(List.of("id", "name", "uuid", "shortUUID", "nsfw", "deleted", "blacklisted", "startAt",
                "endAt", "thumbnailPath", "thumbnails", "channel", "countReports", "nthReport"),
                List.copyOf(video.keySet()));
        assertEquals(true, video.get("deleted"));   // no video 10 in the fakes: shown as reported
        assertEquals("user1", ((Map<?, ?>) admin.get("reporterAccount")).get("name"));
        assertNull(admin.get("comment"));

        Map<String, Object> user = json.user(abuse);
        assertTrue(!user.containsKey("reporterAccount") && !user.containsKey("moderationComment"));
        assertTrue(!((Map<?, ?>) user.get("video")).containsKey("countReports"));
    }

    private static Abuse abuse(long id, NewAbuse report) {
        ActorRef reporter = new ActorRef(report.reporterAccountId(), "user" + report.reporterAccountId(), "U",
                InteractionFakes.HOST, "https://" + InteractionFakes.HOST + "/accounts/u");
        Abuse.FlaggedVideo video = report.videoId() == null ? null : new Abuse.FlaggedVideo(report.videoId(),
                "00000000-0000-4000-8000-000000000010", "video", null, report.startAt(), report.endAt(), true, 1, 1);
        return new Abuse(id, report.reason(), report.predefinedReasons(), AbuseState.PENDING, null, reporter,
                reporter, video, null, null, Instant.EPOCH, Instant.EPOCH, 0, 1, 1);
    }
}
