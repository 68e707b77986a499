package org.vidiverse.federation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.vidiverse.api.instance.InstanceIdentity;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.NewAbuse;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.activitypub.ApContext;

/**
 * Received Flags: what they may report (only this instance's comments, accounts and videos), what they become
 * (a report by the remote actor with PeerTube's reasons), and that a refused Flag stores nothing.
 */
public class IncomingFlagsTest {
    private static final String HERE = "https://video.example.org";
    private static final String THERE = "https://peertube.example.net";
    private static final String COMMENT_URL = HERE + "/videos/watch/00000000-0000-4000-8000-000000000001/comments/5";

    private final List<NewAbuse> stored = new ArrayList<>();
    private final Actor reporter = actor(50, ActorType.APPLICATION, "peertube", THERE, false);
    private final Actor localAccount = actor(7, ActorType.PERSON, "alice", "video.example.org", true);
    private final Actor localChannel = actor(8, ActorType.GROUP, "alice_channel", "video.example.org", true);

    private final IncomingFlags flags = new IncomingFlags(
            store(AbuseStore.class, (name, args) -> switch (name) {
                case "findByFlagUrl" -> stored.stream().filter(a -> a.flagUrl().equals(args[0])).findFirst()
                        .map(a -> abuse(stored.indexOf(a) + 1, a));
                case "create" -> {
                    stored.add((NewAbuse) args[0]);
                    yield abuse(stored.size(), (NewAbuse) args[0]);
                }
                default -> throw new UnsupportedOperationException(name);
            }),
            store(VideoStore.class, (name, args) -> Optional.empty()),
            store(CommentStore.class, (name, args) -> COMMENT_URL.equals(args[0])
                    ? Optional.of(new Comment(5, 1, null, null, "rude", localAccount.ref(), COMMENT_URL, false,
                    Instant.EPOCH, Instant.EPOCH)) : Optional.empty()),
            store(ActorStore.class, (name, args) -> Optional.ofNullable(
                    localAccount.url().equals(args[0]) ? localAccount
                            : localChannel.url().equals(args[0]) ? localChannel : null)),
            (InstanceIdentity) () -> HERE);

    @Test
    public void flagsOfLocalCommentsAndAccountsBecomeReportsByTheRemoteActor() throws Exception {
        flags.receive(flag("1", List.of(COMMENT_URL, localAccount.url()), "spamOrMisleading", "notAReason"),
                reporter);

        assertEquals(2, stored.size());
        NewAbuse onComment = stored.get(0);
        assertEquals(reporter.id(), onComment.reporterAccountId());
        assertEquals(Long.valueOf(5), onComment.commentId());
        assertEquals("Bad things", onComment.reason());
        assertEquals(List.of(AbusePredefinedReason.SPAM_OR_MISLEADING), onComment.predefinedReasons());
        assertEquals(THERE + "/admin/abuses/1", onComment.flagUrl());
        assertEquals(Long.valueOf(localAccount.id()), stored.get(1).accountId());

        flags.receive(flag("1", List.of(COMMENT_URL), "spamOrMisleading"), reporter);
        assertEquals("the same Flag twice is recorded once", 2, stored.size());
    }

    @Test
    public void flagsOfForeignUnknownOrUnreportableObjectsAreRefusedAndStoreNothing() throws Exception {
        assertRefused(403, flag("2", List.of(COMMENT_URL, THERE + "/videos/watch/x")), reporter);
        assertRefused(404, flag("3", List.of(HERE + "/videos/watch/unknown")), reporter);
        assertRefused(404, flag("4", List.of(localChannel.url())), reporter);
        assertRefused(400, flag("5", List.of(COMMENT_URL)).put("content", "x"), reporter);
        assertRefused(400, flag("6", List.of(COMMENT_URL)),
                actor(51, ActorType.GROUP, "a_channel", "peertube.example.net", false));
        assertTrue(stored.toString(), stored.isEmpty());
    }

    private void assertRefused(int status, JsonNode flag, Actor by) {
        try {
            flags.receive(flag, by);
            fail("accepted " + flag);
        } catch (InboxProcessor.Refused e) {
            assertEquals(e.getMessage(), status, e.status());
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode flag(String id, List<String> objects,
                                                                      String... reasons) {
        var flag = ApContext.mapper().createObjectNode();
        flag.put("type", "Flag").put("id", THERE + "/admin/abuses/" + id).put("actor", THERE + "/accounts/peertube")
                .put("content", "Bad things");
        objects.forEach(flag.putArray("object")::add);
        var tags = flag.putArray("tag");
        for (String reason : reasons) {
            tags.addObject().put("type", "Hashtag").put("name", reason);
        }
        return flag;
    }

    private static Actor actor(long id, ActorType type, String name, String host, boolean local) {
        String base = local ? HERE : THERE;
        String url = base + (type == ActorType.GROUP ? "/video-channels/" : "/accounts/") + name;
        return new Actor(id, type, name, name, null, host, local, url, url + "/inbox", base + "/inbox", null, null,
                null, null, null, null, 0, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static Abuse abuse(long id, NewAbuse report) {
        return new Abuse(id, report.reason(), report.predefinedReasons(), org.vidiverse.api.model.AbuseState.PENDING,
                null, null, null, null, null, report.flagUrl(), Instant.EPOCH, Instant.EPOCH, 0, 0, 0);
    }

    @SuppressWarnings("unchecked")
    private static <T> T store(Class<T> type, BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args == null ? new Object[0] : args));
    }
}
