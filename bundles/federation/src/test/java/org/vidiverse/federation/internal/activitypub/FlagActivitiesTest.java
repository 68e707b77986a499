package org.vidiverse.federation.internal.activitypub;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.vidiverse.federation.internal.activitypub.Fixtures.assertRefused;
import static org.vidiverse.federation.internal.activitypub.Fixtures.edited;
import static org.vidiverse.federation.internal.activitypub.Fixtures.load;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/** Flag activities: a PeerTube-shaped Flag (written from its documented format) read, ours written alike. */
public class FlagActivitiesTest {
    private static final String VIDEO = "http://127.0.0.1:9001/videos/watch/04af977f-4201-4697-be67-a8d8cae6fa7a";

    @Test
    public void peerTubeFlagIsReadWithReasonsAndTimes() throws Exception {
        JsonNode flag = load("ap-flag-video.json");
        Activities.validateShape(flag);

        FlagActivities.Flag read = FlagActivities.parse(flag);

        assertEquals("http://127.0.0.1:9002/admin/abuses/4", read.id());
        assertEquals(List.of(VIDEO), read.objectUrls());
        assertEquals("Spam in the **description**, from 0:30 to 1:00", read.content());
        assertEquals(List.of("spamOrMisleading", "serverRules"), read.reasonNames());
        assertEquals(Integer.valueOf(30), read.startAt());
        assertEquals(Integer.valueOf(60), read.endAt());
    }

    @Test
    public void flagOfSeveralObjectsWithoutTimesOrTags() throws Exception {
        JsonNode flag = edited("ap-flag-video.json", f -> {
            f.putArray("object").add(VIDEO).add("http://127.0.0.1:9001/accounts/root");
            f.remove(List.of("tag", "startAt", "endAt"));
        });
        FlagActivities.Flag read = FlagActivities.parse(flag);
        assertEquals(2, read.objectUrls().size());
        assertEquals(List.of(), read.reasonNames());
        assertNull(read.startAt());
    }

    @Test
    public void badFlagsAreRefusedWithTheReason() {
        assertRefused("Flag startAt: not a number of seconds", () -> FlagActivities.parse(
                edited("ap-flag-video.json", f -> f.put("startAt", "soon"))));
        assertRefused("Flag endAt: not a number of seconds", () -> FlagActivities.parse(
                edited("ap-flag-video.json", f -> f.put("endAt", -1))));
        assertRefused("Flag content: not a string", () -> FlagActivities.parse(
                edited("ap-flag-video.json", f -> f.putObject("content"))));
        assertRefused("Flag object: not an http(s) URL", () -> FlagActivities.parse(
                edited("ap-flag-video.json", f -> f.put("object", "ftp://x/y"))));
    }

    @Test
    public void renderedFlagHasPeerTubesShape() {
        Map<String, Object> flag = FlagActivities.render("http://127.0.0.1:9002/admin/abuses/4",
                "http://127.0.0.1:9002/accounts/peertube", VIDEO, "Spam in the **description**, from 0:30 to 1:00",
                List.of("spamOrMisleading", "serverRules"), "http://127.0.0.1:9001/accounts/root", 30, 60);
        JsonNode ours = tree(flag);
        JsonNode theirs = load("ap-flag-video.json");
        for (String field : List.of("type", "id", "actor", "to", "cc", "object", "content", "mediaType", "tag",
                "startAt", "endAt")) {
            assertEquals(field, theirs.get(field), ours.get(field));
        }
        assertEquals("as:Hashtag", ours.at("/@context/" + (ours.get("@context").size() - 1) + "/Hashtag").asText());
    }
}
