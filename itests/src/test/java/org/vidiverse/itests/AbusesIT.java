package org.vidiverse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.vidiverse.api.model.NewVideo;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.Video;
import org.vidiverse.api.store.AbuseQuery;
import org.vidiverse.api.store.AbuseStore;
import org.vidiverse.api.store.ChannelStore;
import org.vidiverse.api.store.UserStore;
import org.vidiverse.api.store.VideoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Abuse reports over HTTP on the real distribution: a user reports a video, moderators list and judge reports
 * (plain users get 403), reporter and moderators exchange messages, bad reports are 400 and store nothing, and a
 * report outlives the video it names.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AbusesIT {
    private static final int PORT = 9197;

    @Inject
    UserStore users;
    @Inject
    ChannelStore channels;
    @Inject
    VideoStore videos;
    @Inject
    AbuseStore abuses;

    @Configuration
    public Option[] config() {
        return Distribution.options(PORT, KarafDistributionOption.editConfigurationFilePut(
                "etc/org.vidiverse.auth.cfg", "attemptsPerAddress", "1000"));
    }

    @Test
    public void aReportedVideoIsJudgedByModeratorsAndDiscussedWithItsReporter() throws Exception {
        http().awaitOk("/api/v1/config");
        String alice = newUser("alice", 2);
        String mod = newUser("mod", 1);
        String carol = newUser("carol", 2);
        newUser("bob", 2);
        long bobAccount = users.findByUsername("bob").orElseThrow().accountId();
        Video video = videos.create(NewVideo.published(channels.channelsOf(bobAccount).get(0).id(), "Spammy"));

        // bad reports: 400 naming the field, nothing stored
        String good = "\"reason\":\"Spam in the description\",\"predefinedReasons\":[\"spamOrMisleading\"]";
        assertEquals(401, http().json("POST", "/api/v1/abuses", null, "{" + good + ",\"video\":{\"id\":"
                + video.id() + "}}").status());
        assertInvalid(http().json("POST", "/api/v1/abuses", alice, "{\"video\":{\"id\":" + video.id() + "}}"),
                "reason");
        assertInvalid(http().json("POST", "/api/v1/abuses", alice, "{\"reason\":\"x\",\"video\":{\"id\":"
                + video.id() + "}}"), "reason");
        assertInvalid(http().json("POST", "/api/v1/abuses", alice, "{\"reason\":\"spam\","
                + "\"predefinedReasons\":[\"boring\"],\"video\":{\"id\":" + video.id() + "}}"), "predefinedReasons");
        assertInvalid(http().json("POST", "/api/v1/abuses", alice, "{" + good + "}"), "video");
        assertInvalid(http().json("POST", "/api/v1/abuses", alice, "{" + good + ",\"video\":{\"id\":"
                + video.id() + ",\"startAt\":\"soon\"}}"), "video.startAt");
        assertInvalid(http().json("POST", "/api/v1/abuses", alice, "{" + good + ",\"account\":{\"id\":"
                + users.findByUsername("alice").orElseThrow().accountId() + "}}"), "account.id");
        assertEquals(404, http().json("POST", "/api/v1/abuses", alice, "{" + good + ",\"video\":{\"id\":424242}}")
                .status());
        assertEquals(400, http().json("POST", "/api/v1/abuses", alice, "{\"reason\":").status());
        assertEquals("nothing half-written", 0, abuses.list(AbuseQuery.ALL, PageRequest.of(0, 10, "id")).total());

        JsonNode created = ok(http().json("POST", "/api/v1/abuses", alice, "{" + good + ",\"video\":{\"id\":\""
                + video.uuid() + "\",\"startAt\":5,\"endAt\":9}}"));
        long id = created.path("abuse").path("id").asLong();
        assertTrue(created.toString(), id > 0);

        // moderators only
        assertProblem(http().get("/api/v1/abuses", alice), 403);
        assertProblem(http().get("/api/v1/abuses"), 401);
        assertProblem(http().json("PUT", "/api/v1/abuses/" + id, alice, "{\"state\":3}"), 403);
        JsonNode list = ok(http().get("/api/v1/abuses?filter=video&predefinedReason=spamOrMisleading&state=1", mod));
        assertEquals(list.toString(), 1, list.path("total").asInt());
        JsonNode abuse = list.path("data").get(0);
        assertEquals(id, abuse.path("id").asLong());
        assertEquals("Spam in the description", abuse.path("reason").asText());
        assertEquals("spamOrMisleading", abuse.path("predefinedReasons").get(0).asText());
        assertEquals("alice", abuse.path("reporterAccount").path("name").asText());
        assertEquals("bob", abuse.path("flaggedAccount").path("name").asText());
        assertEquals("Pending", abuse.path("state").path("label").asText());
        assertEquals(video.uuid(), abuse.path("video").path("uuid").asText());
        assertEquals(5, abuse.path("video").path("startAt").asInt());
        assertFalse(abuse.path("video").path("deleted").asBoolean(true));
        assertEquals("bob_channel", abuse.path("video").path("channel").path("name").asText());
        assertTrue(abuse.path("comment").isNull());
        assertEquals(0, ok(http().get("/api/v1/abuses?filter=comment", mod)).path("total").asInt());
        assertEquals(1, ok(http().get("/api/v1/abuses?searchReporter=alice&searchReportee=bob", mod))
                .path("total").asInt());
        assertInvalid(http().get("/api/v1/abuses?state=9", mod), "state");

        JsonNode mine = ok(http().get("/api/v1/users/me/abuses", alice));
        assertEquals(1, mine.path("total").asInt());
        assertFalse(mine.path("data").get(0).has("reporterAccount"));
        assertEquals(0, ok(http().get("/api/v1/users/me/abuses", carol)).path("total").asInt());

        assertInvalid(http().json("PUT", "/api/v1/abuses/" + id, mod, "{\"state\":7}"), "state");
        assertEquals(204, http().json("PUT", "/api/v1/abuses/" + id, mod,
                "{\"state\":3,\"moderationComment\":\"Removed the links\"}").status());
        abuse = ok(http().get("/api/v1/abuses?id=" + id, mod)).path("data").get(0);
        assertEquals("Accepted", abuse.path("state").path("label").asText());
        assertEquals("Removed the links", abuse.path("moderationComment").asText());

        // messages between the reporter and the moderators
        long question = ok(http().json("POST", "/api/v1/abuses/" + id + "/messages", mod,
                "{\"message\":\"Which links?\"}")).path("abuseMessage").path("id").asLong();
        ok(http().json("POST", "/api/v1/abuses/" + id + "/messages", alice, "{\"message\":\"The last two\"}"));
        assertProblem(http().get("/api/v1/abuses/" + id + "/messages", carol), 403);
        assertInvalid(http().json("POST", "/api/v1/abuses/" + id + "/messages", alice, "{}"), "message");
        JsonNode messages = ok(http().get("/api/v1/abuses/" + id + "/messages", alice));
        assertEquals(2, messages.path("total").asInt());
        assertTrue(messages.path("data").get(0).path("byModerator").asBoolean());
        assertFalse(messages.path("data").get(1).path("byModerator").asBoolean());
        assertEquals("alice", messages.path("data").get(1).path("account").path("name").asText());
        assertProblem(http().json("DELETE", "/api/v1/abuses/" + id + "/messages/" + question, alice, null), 403);
        assertEquals(204, http().json("DELETE", "/api/v1/abuses/" + id + "/messages/" + question, mod, null)
                .status());
        assertEquals(1, ok(http().get("/api/v1/abuses/" + id + "/messages", mod)).path("total").asInt());

        // the report outlives its video, then a moderator deletes it
        assertTrue(videos.delete(video.id()));
        abuse = ok(http().get("/api/v1/abuses?videoIs=deleted", mod)).path("data").get(0);
        assertTrue(abuse.path("video").path("deleted").asBoolean());
        assertEquals("Spammy", abuse.path("video").path("name").asText());
        assertProblem(http().json("DELETE", "/api/v1/abuses/" + id, alice, null), 403);
        assertEquals(204, http().json("DELETE", "/api/v1/abuses/" + id, mod, null).status());
        assertProblem(http().json("DELETE", "/api/v1/abuses/" + id, mod, null), 404);
        assertEquals(0, ok(http().get("/api/v1/abuses", mod)).path("total").asInt());
    }

    private Http http() {
        return new Http(PORT);
    }

    /** Creates a user through the API (role 2 user, 1 moderator) and logs them in; the password is name-pass. */
    private String newUser(String name, int role) throws Exception {
        String root = http().login("root", Distribution.ROOT_PASSWORD);
        Http.Answer created = http().json("POST", "/api/v1/users", root, "{\"username\":\"" + name + "\",\"email\":\""
                + name + "@example.org\",\"password\":\"" + name + "-pass\",\"role\":" + role + "}");
        assertEquals(created.body(), 200, created.status());
        return http().login(name, name + "-pass");
    }

    private static JsonNode ok(Http.Answer answer) {
        assertEquals(answer.body(), 200, answer.status());
        return answer.json();
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
    }

    private static void assertInvalid(Http.Answer answer, String param) {
        assertProblem(answer, 400);
        assertTrue(answer.body(), answer.json().path("invalid-params").has(param));
    }
}
