package org.vidiverse.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.vidiverse.rest.internal.InteractionFakes.anonymous;
import static org.vidiverse.rest.internal.InteractionFakes.as;

import java.util.List;
import java.util.Map;

import javax.ws.rs.core.SecurityContext;

import org.junit.Test;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.model.VideoPrivacy;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.moderation.ModerationService;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.rest.api.Problem;

@SuppressWarnings("unchecked")
public class CommentThreadsResourceTest {
    private static final String JSON = "application/json";
    private static final long OWNER = 1;
    private static final long ALICE = 2;
    private static final long BOB = 3;

    private final InteractionFakes f = new InteractionFakes();
    private final CommentThreadsResource threads =
            new CommentThreadsResource(f.comments, f.videoStore, f.channelStore, moderation(Verdict.accept()));
    private final CommentsResource comments = new CommentsResource(f.comments, f.videoStore, f.channelStore,
            moderation(Verdict.accept()));

    /** The moderation of comments with a chain that always gives {@code verdict}. */
    static ContentModeration moderation(Verdict verdict) {
        ModerationService chain = new ModerationService() {
            @Override
            public Verdict moderate(ModerationSubject subject) {
                return verdict;
            }

            @Override
            public List<String> activePolicies() {
                return List.of("fixed");
            }
        };
        return new ContentModeration(chain, null, null, () -> "https://" + InteractionFakes.HOST, null);
    }

    // ---- listing

    @Test
    public void threadsListNewestFirstWithRepliesCountedInPeerTubeShape() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        Comment first = f.comments.create(10, ALICE, null, "first");
        f.comments.create(10, BOB, first.id(), "reply");
        Comment second = f.comments.create(10, BOB, null, "second");

        Map<String, Object> page = threads.list(anonymous(), "10", null, null, null);
        assertEquals(2L, page.get("total"));
        assertEquals(3L, page.get("totalNotDeletedComments"));
        List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
        assertEquals(List.of(second.id(), first.id()), data.stream().map(c -> c.get("id")).toList());
        Map<String, Object> c = data.get(1);
        assertEquals(List.of("id", "url", "text", "threadId", "inReplyToCommentId", "videoId", "createdAt",
                "updatedAt", "deletedAt", "heldForReview", "isDeleted", "totalRepliesFromVideoAuthor", "totalReplies",
                "account"), List.copyOf(c.keySet()));
        assertEquals(first.id(), c.get("threadId"));
        assertNull(c.get("inReplyToCommentId"));
        assertEquals(1L, c.get("totalReplies"));
        assertEquals(false, c.get("isDeleted"));
        assertNull(c.get("deletedAt"));
        assertEquals("1970-01-01T00:16:40.000Z", c.get("createdAt"));
        Map<String, Object> account = (Map<String, Object>) c.get("account");
        assertEquals("user2", account.get("name"));
        assertEquals(InteractionFakes.HOST, account.get("host"));
        assertEquals(102L, account.get("userId"));

        Map<String, Object> byReplies = threads.list(anonymous(), "10", "0", "1", "-totalReplies");
        assertEquals(first.id(), ((List<Map<String, Object>>) byReplies.get("data")).get(0).get("id"));
    }

    @Test
    public void listingRefusesBadPagingAndIdsAndUnknownVideos() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        assertStatus(400, () -> threads.list(anonymous(), "10", null, null, "text"));
        assertStatus(400, () -> threads.list(anonymous(), "10", null, "101", null));
        assertStatus(400, () -> threads.list(anonymous(), "10", "-1", null, null));
        assertStatus(400, () -> threads.list(anonymous(), "not an id!", null, null, null));
        assertStatus(404, () -> threads.list(anonymous(), "99", null, null, null));
    }

    @Test
    public void privateVideosNeedALoginAndTheirOwnerOrAModerator() {
        f.video(10, OWNER, VideoPrivacy.PRIVATE, true);
        assertStatus(401, () -> threads.list(anonymous(), "10", null, null, null));
        assertStatus(403, () -> threads.list(as(ALICE, UserRole.USER), "10", null, null, null));
        assertEquals(0L, threads.list(as(OWNER, UserRole.USER), "10", null, null, null).get("total"));
        assertEquals(0L, threads.list(as(ALICE, UserRole.MODERATOR), "10", null, null, null).get("total"));

        f.video(11, OWNER, VideoPrivacy.UNLISTED, true);
        assertStatus(401, () -> threads.list(anonymous(), "11", null, null, null));
        assertEquals(0L, threads.list(anonymous(), f.videos.get(11L).uuid(), null, null, null).get("total"));
        assertEquals(0L, threads.list(anonymous(), "shortb", null, null, null).get("total"));

        f.video(12, OWNER, VideoPrivacy.INTERNAL, true);
        assertStatus(401, () -> threads.list(anonymous(), "12", null, null, null));
        assertEquals(0L, threads.list(as(ALICE, UserRole.USER), "12", null, null, null).get("total"));
    }

    @Test
    public void videosWithCommentsDisabledListNothing() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, false);
        f.comments.create(10, ALICE, null, "from before comments were disabled");
        Map<String, Object> page = threads.list(anonymous(), "10", null, null, null);
        assertEquals(0, page.get("total"));
        assertEquals(List.of(), page.get("data"));
        assertEquals(0, page.get("totalNotDeletedComments"));
    }

    // ---- one thread

    @Test
    public void aThreadIsATreeAndKeepsDeletedRepliesAsTombstones() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        Comment t = f.comments.create(10, ALICE, null, "thread");
        Comment r1 = f.comments.create(10, BOB, t.id(), "r1");
        Comment r11 = f.comments.create(10, ALICE, r1.id(), "r1.1");
        Comment r2 = f.comments.create(10, BOB, t.id(), "r2");
        f.comments.delete(r2.id());

        Map<String, Object> tree = threads.thread(anonymous(), "10", String.valueOf(t.id()));
        assertEquals("thread", ((Map<String, Object>) tree.get("comment")).get("text"));
        List<Map<String, Object>> children = (List<Map<String, Object>>) tree.get("children");
        assertEquals(2, children.size());
        Map<String, Object> first = children.get(0);
        assertEquals(r1.id(), ((Map<String, Object>) first.get("comment")).get("id"));
        List<Map<String, Object>> grandChildren = (List<Map<String, Object>>) first.get("children");
        assertEquals(r11.id(), ((Map<String, Object>) grandChildren.get(0).get("comment")).get("id"));
        assertEquals(t.id(), ((Map<String, Object>) grandChildren.get(0).get("comment")).get("threadId"));
        assertEquals(List.of(), grandChildren.get(0).get("children"));
        Map<String, Object> tombstone = (Map<String, Object>) children.get(1).get("comment");
        assertEquals(true, tombstone.get("isDeleted"));
        assertEquals("", tombstone.get("text"));
        assertNull(tombstone.get("account"));
        assertTrue(tombstone.get("deletedAt") instanceof String);
    }

    @Test
    public void aThreadMustExistBeAThreadAndBelongToTheVideo() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(12, OWNER, VideoPrivacy.PRIVATE, true);
        f.video(13, OWNER, VideoPrivacy.PUBLIC, false);
        Comment t = f.comments.create(10, ALICE, null, "thread");
        Comment r = f.comments.create(10, ALICE, t.id(), "reply");
        Comment onPrivate = f.comments.create(12, OWNER, null, "private");
        Comment onDisabled = f.comments.create(13, OWNER, null, "disabled");
        assertStatus(400, () -> threads.thread(anonymous(), "10", "abc"));
        assertStatus(404, () -> threads.thread(anonymous(), "10", "999"));
        assertStatus(404, () -> threads.thread(anonymous(), "99", String.valueOf(t.id())));
        assertStatus(400, () -> threads.thread(anonymous(), "10", String.valueOf(r.id())));
        Problem other = assertStatus(400, () -> threads.thread(anonymous(), "11", String.valueOf(t.id())));
        assertEquals("comment_not_associated_to_video", other.code());
        assertStatus(401, () -> threads.thread(anonymous(), "12", String.valueOf(onPrivate.id())));
        assertStatus(403, () -> threads.thread(as(ALICE, UserRole.USER), "12", String.valueOf(onPrivate.id())));
        assertStatus(404, () -> threads.thread(anonymous(), "13", String.valueOf(onDisabled.id())));
    }

    // ---- posting

    @Test
    public void postingAThreadAnswersTheCommentWithTrimmedText() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        Map<String, Object> answer = threads.create(as(ALICE, UserRole.USER), "10", JSON, "{\"text\":\"  hello  \"}");
        Map<String, Object> comment = (Map<String, Object>) answer.get("comment");
        assertEquals("hello", comment.get("text"));
        assertEquals(comment.get("id"), comment.get("threadId"));
        assertEquals(10L, comment.get("videoId"));
        assertEquals("user2", ((Map<String, Object>) comment.get("account")).get("name"));
        threads.create(as(BOB, UserRole.USER), "shorta", "application/x-www-form-urlencoded", "text=hi+there%21");
        assertEquals("hi there!", f.comments.rows.get(2L).text());
        threads.create(as(BOB, UserRole.USER), "10", JSON, "{\"text\":\"" + "x".repeat(10_000) + "\"}");
        assertEquals(3, f.comments.count());
    }

    @Test
    public void badThreadPostsAreRefusedInPeerTubesOrderAndWriteNothing() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PRIVATE, true);
        f.video(12, OWNER, VideoPrivacy.PUBLIC, false);
        SecurityContext alice = as(ALICE, UserRole.USER);
        assertStatus(401, () -> threads.create(anonymous(), "10", JSON, "{\"text\":\"hi\"}"));
        assertStatus(401, () -> threads.create(anonymous(), "99", JSON, "{}"));
        for (String body : List.of("", "{}", "{\"text\":\"\"}", "{\"text\":\"   \"}", "{\"text\":42}",
                "{\"text\":null}", "{\"text\":\"" + "x".repeat(10_001) + "\"}", "{not json", "[\"text\"]")) {
            assertStatus(400, () -> threads.create(alice, "10", JSON, body));
        }
        assertStatus(400, () -> threads.create(alice, "bad id!", JSON, "{\"text\":\"hi\"}"));
        assertStatus(404, () -> threads.create(alice, "99", JSON, "{\"text\":\"hi\"}"));
        assertStatus(403, () -> threads.create(alice, "11", JSON, "{\"text\":\"hi\"}"));
        assertStatus(409, () -> threads.create(alice, "12", JSON, "{\"text\":\"hi\"}"));
        assertEquals(0, f.comments.count());
    }

    // ---- replies

    @Test
    public void replyingHangsTheReplyUnderItsParentInTheSameThread() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        Comment t = f.comments.create(10, ALICE, null, "thread");
        Comment r = f.comments.create(10, BOB, t.id(), "reply");
        Map<String, Object> answer = comments.reply(as(OWNER, UserRole.USER), "10", String.valueOf(r.id()), JSON,
                "{\"text\":\"answer\"}");
        Map<String, Object> comment = (Map<String, Object>) answer.get("comment");
        assertEquals(r.id(), comment.get("inReplyToCommentId"));
        assertEquals(t.id(), comment.get("threadId"));
    }

    @Test
    public void badRepliesAreRefusedAndWriteNothing() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(12, OWNER, VideoPrivacy.PUBLIC, false);
        Comment t = f.comments.create(10, ALICE, null, "thread");
        Comment onDisabled = f.comments.create(12, ALICE, null, "thread");
        String tid = String.valueOf(t.id());
        SecurityContext bob = as(BOB, UserRole.USER);
        assertStatus(401, () -> comments.reply(anonymous(), "10", tid, JSON, "{\"text\":\"x\"}"));
        assertStatus(400, () -> comments.reply(bob, "10", "x1", JSON, "{\"text\":\"x\"}"));
        assertStatus(400, () -> comments.reply(bob, "10", tid, JSON, "{\"text\":\"\"}"));
        assertStatus(404, () -> comments.reply(bob, "99", tid, JSON, "{\"text\":\"x\"}"));
        assertStatus(404, () -> comments.reply(bob, "10", "999", JSON, "{\"text\":\"x\"}"));
        assertStatus(400, () -> comments.reply(bob, "11", tid, JSON, "{\"text\":\"x\"}"));
        assertStatus(409, () -> comments.reply(bob, "12", String.valueOf(onDisabled.id()), JSON,
                "{\"text\":\"x\"}"));
        assertEquals(2, f.comments.count());
    }

    // ---- deleting

    @Test
    public void theAuthorTheVideoOwnerAndModeratorsMayDelete() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        Comment byAlice1 = f.comments.create(10, ALICE, null, "a");
        Comment byAlice2 = f.comments.create(10, ALICE, null, "b");
        Comment byAlice3 = f.comments.create(10, ALICE, null, "c");
        Comment byAlice4 = f.comments.create(10, ALICE, null, "d");
        assertEquals(204, comments.delete(as(ALICE, UserRole.USER), "10", String.valueOf(byAlice1.id())).getStatus());
        assertEquals(204, comments.delete(as(OWNER, UserRole.USER), "10", String.valueOf(byAlice2.id())).getStatus());
        assertEquals(204, comments.delete(as(BOB, UserRole.MODERATOR), "10", String.valueOf(byAlice3.id()))
                .getStatus());
        assertEquals(204, comments.delete(as(BOB, UserRole.ADMINISTRATOR), "10", String.valueOf(byAlice4.id()))
                .getStatus());
        assertTrue(f.comments.rows.values().stream().allMatch(Comment::deleted));
    }

    @Test
    public void othersMayNotDeleteAndBadDeletesChangeNothing() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        f.video(11, OWNER, VideoPrivacy.PUBLIC, true);
        Comment c = f.comments.create(10, ALICE, null, "mine");
        String cid = String.valueOf(c.id());
        assertStatus(401, () -> comments.delete(anonymous(), "10", cid));
        assertStatus(403, () -> comments.delete(as(BOB, UserRole.USER), "10", cid));
        assertStatus(400, () -> comments.delete(as(ALICE, UserRole.USER), "10", "-"));
        assertStatus(404, () -> comments.delete(as(ALICE, UserRole.USER), "99", cid));
        assertStatus(404, () -> comments.delete(as(ALICE, UserRole.USER), "10", "999"));
        assertStatus(400, () -> comments.delete(as(ALICE, UserRole.USER), "11", cid));
        assertFalse(f.comments.rows.get(c.id()).deleted());
        comments.delete(as(ALICE, UserRole.USER), "10", cid);
        assertStatus(409, () -> comments.delete(as(ALICE, UserRole.USER), "10", cid));
    }

    static Problem assertStatus(int status, Runnable call) {
        try {
            call.run();
        } catch (Problem p) {
            assertEquals(p.getMessage(), status, p.status());
            return p;
        }
        fail("expected " + status);
        return null;
    }

    // ---- moderation

    @Test
    public void heldCommentIsSeenByItsAuthorAndTheVideoOwnerUntilTheOwnerApprovesIt() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        CommentThreadsResource holding = new CommentThreadsResource(f.comments, f.videoStore, f.channelStore,
                moderation(Verdict.hold("watched word")));
        Map<String, Object> answer = holding.create(as(ALICE, UserRole.USER), "10", JSON, "{\"text\":\"casino\"}");
        Map<String, Object> held = (Map<String, Object>) answer.get("comment");
        assertEquals(true, held.get("heldForReview"));

        assertEquals(0L, ((Number) threads.list(anonymous(), "10", null, null, null).get("total")).longValue());
        assertEquals(0L, ((Number) threads.list(as(BOB, UserRole.USER), "10", null, null, null).get("total"))
                .longValue());
        assertEquals(1L, ((Number) threads.list(as(ALICE, UserRole.USER), "10", null, null, null).get("total"))
                .longValue());
        assertEquals(1L, ((Number) threads.list(as(OWNER, UserRole.USER), "10", null, null, null).get("total"))
                .longValue());

        String id = String.valueOf(held.get("id"));
        assertStatus(403, () -> comments.approve(as(BOB, UserRole.USER), "10", id));
        comments.approve(as(OWNER, UserRole.USER), "10", id);
        assertEquals(1L, ((Number) threads.list(anonymous(), "10", null, null, null).get("total")).longValue());
    }

    @Test
    public void commentRefusedByModerationIs403AndNotStored() {
        f.video(10, OWNER, VideoPrivacy.PUBLIC, true);
        CommentThreadsResource refusing = new CommentThreadsResource(f.comments, f.videoStore, f.channelStore,
                moderation(Verdict.reject("no links")));
        assertStatus(403, () -> refusing.create(as(ALICE, UserRole.USER), "10", JSON, "{\"text\":\"spam\"}"));
        assertEquals(0, f.comments.count());
    }

    @Test
    public void onAVideoWhoseCommentsNeedApprovalOnlyTheOwnersCommentsShowAtOnce() {
        Video video = f.videoWithApprovedComments(10, OWNER);
        assertEquals(3, video.commentsPolicy());
        Map<String, Object> others = (Map<String, Object>) threads.create(as(ALICE, UserRole.USER), "10", JSON,
                "{\"text\":\"hello\"}").get("comment");
        Map<String, Object> owners = (Map<String, Object>) threads.create(as(OWNER, UserRole.USER), "10", JSON,
                "{\"text\":\"welcome\"}").get("comment");
        assertEquals(true, others.get("heldForReview"));
        assertEquals(false, owners.get("heldForReview"));
        assertEquals(1L, ((Number) threads.list(anonymous(), "10", null, null, null).get("total")).longValue());
    }
}
