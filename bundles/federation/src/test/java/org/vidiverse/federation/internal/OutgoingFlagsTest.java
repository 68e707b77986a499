package org.vidiverse.federation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.vidiverse.api.model.Abuse;
import org.vidiverse.api.model.AbusePredefinedReason;
import org.vidiverse.api.model.AbuseState;
import org.vidiverse.api.model.Actor;
import org.vidiverse.api.model.ActorType;
import org.vidiverse.api.model.Comment;
import org.vidiverse.api.model.Job;
import org.vidiverse.api.model.JobState;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ActorStore;
import org.vidiverse.api.store.CommentStore;
import org.vidiverse.api.store.JobStore;
import org.vidiverse.api.store.VideoStore;
import org.vidiverse.federation.internal.activitypub.ApContext;

/** Flags sent for reports made here: only for remote content, from the instance actor, to the content's instance. */
public class OutgoingFlagsTest {
    private static final String HERE = "https://video.example.org";
    private static final String THERE = "https://peertube.example.net";
    private static final String REMOTE_COMMENT = THERE + "/videos/watch/00000000-0000-4000-8000-000000000001/comments/3";

    private final Actor instanceActor = actor(1, ActorType.APPLICATION, "peertube", HERE, true);
    private final Actor remoteAccount = actor(20, ActorType.PERSON, "troll", THERE, false);
    private final Actor localAccount = actor(7, ActorType.PERSON, "alice", HERE, true);
    private final Map<Long, Abuse> reports = Map.of(
            1L, report(1, null, remoteAccount, null),
            2L, report(2, null, null, new Abuse.FlaggedComment(30, 30L, "rude", REMOTE_COMMENT, 5L, "u", "v", false)),
            3L, report(3, null, localAccount, null),
            4L, report(4, THERE + "/admin/abuses/9", remoteAccount, null));
    private final List<String> payloads = new ArrayList<>();

    private final OutgoingFlags flags = new OutgoingFlags(
            store(AbuseStore.class, (name, args) -> Optional.ofNullable(reports.get((Long) args[0]))),
            store(VideoStore.class, (name, args) -> Optional.empty()),
            store(CommentStore.class, (name, args) -> (Long) args[0] == 30 ? Optional.of(new Comment(30, 5, null,
                    null, "rude", remoteAccount.ref(), REMOTE_COMMENT, false, Instant.EPOCH, Instant.EPOCH))
                    : Optional.empty()),
            actors(),
            new ActorKeys(actors()),
            new DeliveryQueue(store(JobStore.class, (name, args) -> {
                payloads.add((String) args[1]);
                return new Job(payloads.size(), (String) args[0], JobState.PENDING, (String) args[1], 0, 0, 1, null,
                        null, Instant.now(), Instant.now(), null, null);
            }), () -> HERE, TestConfigs.federation(Map.of())),
            () -> HERE);

    @Test
    public void reportOfARemoteAccountIsAFlagFromTheInstanceToItsInstance() throws Exception {
        assertTrue(flags.send(1));
        assertEquals(1, payloads.size());
        DeliveryQueue.Delivery delivery = DeliveryQueue.parse(payloads.get(0));
        assertEquals(THERE + "/inbox", delivery.inbox());
        assertEquals(instanceActor.id(), delivery.actorId());
        JsonNode flag = ApContext.mapper().readTree(delivery.activity());
        assertEquals("Flag", flag.path("type").asText());
        assertEquals(HERE + "/admin/abuses/1", flag.path("id").asText());
        assertEquals(instanceActor.url(), flag.path("actor").asText());
        assertEquals(remoteAccount.url(), flag.path("object").asText());
        assertEquals(remoteAccount.url(), flag.path("to").get(0).asText());
        assertEquals("Bad things", flag.path("content").asText());
        assertEquals("spamOrMisleading", flag.path("tag").get(0).path("name").asText());
        assertFalse(flag.has("startAt"));
    }

    @Test
    public void reportOfARemoteCommentNamesTheComment() throws Exception {
        assertTrue(flags.send(2));
        JsonNode flag = ApContext.mapper().readTree(DeliveryQueue.parse(payloads.get(0)).activity());
        assertEquals(REMOTE_COMMENT, flag.path("object").asText());
        assertEquals(remoteAccount.url(), flag.path("to").get(0).asText());
    }

    @Test
    public void reportsOfLocalContentAndReportsReceivedFromElsewhereSendNothing() {
        assertFalse(flags.send(3));
        assertFalse(flags.send(4));
        assertFalse(flags.send(99));
        assertTrue(payloads.isEmpty());
    }

    private ActorStore actors() {
        return store(ActorStore.class, (name, args) -> switch (name) {
            case "instanceActor" -> instanceActor;
            case "find" -> Optional.ofNullable((Long) args[0] == remoteAccount.id() ? remoteAccount
                    : (Long) args[0] == localAccount.id() ? localAccount : null);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static Abuse report(long id, String flagUrl, Actor flagged, Abuse.FlaggedComment comment) {
        return new Abuse(id, "Bad things", List.of(AbusePredefinedReason.SPAM_OR_MISLEADING), AbuseState.PENDING,
                null, null, flagged == null ? null : flagged.ref(), null, comment, flagUrl, Instant.EPOCH,
                Instant.EPOCH, 0, 0, 0);
    }

    private static Actor actor(long id, ActorType type, String name, String base, boolean local) {
        String url = base + "/accounts/" + name;
        return new Actor(id, type, name, name, null, base.substring(8), local, url, url + "/inbox", base + "/inbox",
                null, null, null, "PEM", null, null, 0, 0, Instant.EPOCH, Instant.EPOCH);
    }

    @SuppressWarnings("unchecked")
    private static <T> T store(Class<T> type, BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args == null ? new Object[0] : args));
    }
}
