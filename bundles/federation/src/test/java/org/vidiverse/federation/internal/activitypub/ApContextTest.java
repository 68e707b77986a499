package org.vidiverse.federation.internal.activitypub;

import java.time.Instant;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.vidiverse.federation.internal.activitypub.Fixtures.assertRefused;
import static org.vidiverse.federation.internal.activitypub.Fixtures.load;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

public class ApContextTest {
    @Test
    public void contextsAreTheOnesPeerTubeServes() {
        assertEquals(load("ap-person-accounts-root.json").get("@context"), tree(ApContext.ACTOR_CONTEXT));
        assertEquals(load("ap-group-video-channels-root_channel.json").get("@context"), tree(ApContext.ACTOR_CONTEXT));
        assertEquals(load("ap-video.json").get("@context"), tree(ApContext.VIDEO_CONTEXT));
        assertEquals(load("ap-comment-note.json").get("@context"), tree(ApContext.NOTE_CONTEXT));
        assertEquals(load("ap-outbox-accounts-root.json").get("@context"), tree(ApContext.ACTIVITY_CONTEXT));
    }

    @Test
    public void durationsAreWrittenInSecondsAsPeerTubeDoes() {
        assertEquals("PT30S", ApContext.isoDuration(30));
        assertEquals("PT0S", ApContext.isoDuration(0));
        assertEquals("PT3723S", ApContext.isoDuration(3723));
    }

    @Test
    public void durationsAreReadInAnyIsoForm() throws Exception {
        assertEquals(30, ApContext.parseIsoDuration("PT30S"));
        assertEquals(0, ApContext.parseIsoDuration("PT0S"));
        assertEquals(3723, ApContext.parseIsoDuration("PT1H2M3S"));
        assertEquals(120, ApContext.parseIsoDuration("PT2M"));
        assertEquals(4, ApContext.parseIsoDuration("PT4.5S"));
        assertEquals(90_000, ApContext.parseIsoDuration("P1DT1H"));
    }

    @Test
    public void garbageDurationsAreRefused() {
        for (String junk : new String[] {"", "PT", "P", "30", "PT30", "T30S", "PT-5S", "PTS", "P1DT", "thirty",
                                         "PT99999999999S"}) {
            assertRefused("duration", () -> ApContext.parseIsoDuration(junk));
        }
        assertRefused("duration: not an ISO 8601 duration: null", () -> ApContext.parseIsoDuration(null));
    }

    @Test
    public void datesAreWrittenAsJavaScriptWritesThem() {
        assertEquals("2026-11-23T23:11:23.392Z", ApContext.date(Instant.parse("2026-11-23T23:11:23.392Z")));
        assertEquals("2026-11-23T23:11:23.000Z", ApContext.date(Instant.parse("2026-11-23T23:11:23Z")));
        assertEquals("2026-11-23T23:11:23.392Z", ApContext.date(Instant.parse("2026-11-23T23:11:23.392999Z")));
        assertNull(ApContext.date(null));
    }

    @Test
    public void datesAreReadWithOrWithoutMillisAndOffsets() throws Exception {
        assertEquals(Instant.parse("2026-11-23T23:11:23.392Z"), ApContext.parseDate("2026-11-23T23:11:23.392Z"));
        assertEquals(Instant.parse("2026-11-23T23:11:23Z"), ApContext.parseDate("2026-11-23T23:11:23Z"));
        assertEquals(Instant.parse("2026-11-23T21:11:23Z"), ApContext.parseDate("2026-11-23T23:11:23+02:00"));
        assertNull(ApContext.parseDate(null));
        assertRefused("not a date: yesterday", () -> ApContext.parseDate("yesterday"));
    }

    @Test
    public void mapperWritesNullsAndKeepsFieldOrder() throws Exception {
        String json = ApContext.writer().writeValueAsString(
                ApContext.withContext(ApContext.ACTIVITY_CONTEXT, ApContext.ordered("b", null, "a", 1)));
        assertEquals("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\","
                + "{\"RsaSignature2017\":\"https://w3id.org/security#RsaSignature2017\"}],\"b\":null,\"a\":1}", json);
    }

    @Test
    public void mapperRefusesDeeplyNestedDocuments() {
        String deep = "[".repeat(100) + "]".repeat(100);
        try {
            ApContext.reader().readTree(deep);
            throw new AssertionError("a 100-deep document was read");
        } catch (java.io.IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("nesting depth"));
        }
    }
}
