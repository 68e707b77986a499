package org.vidiverse.federation.internal.moderationfeed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.vidiverse.api.model.ModerationFeedEntry.Kind;
import org.vidiverse.api.model.ModerationFeedItem;

/** Reading moderation feeds: what is taken, what is ignored with a reason, and what refuses the whole feed. */
public class FeedDocumentTest {
    private static final Instant NOW = FeedSignatureTest.PUBLISHED.plusSeconds(60);
    private static final Duration SKEW = Duration.ofHours(1);

    @Test
    public void aPublishedFeedReadsBackAsItsEntries() throws Exception {
        FeedDocument.Parsed parsed = FeedDocument.parse(FeedSignatureTest.feed(), "a.example", NOW, SKEW, 100);

        assertEquals(FeedSignatureTest.PUBLISHED, parsed.published());
        assertEquals(List.of(
                new ModerationFeedItem(Kind.SERVER, "spam.example", null, "spam wave \"2\"", null),
                new ModerationFeedItem(Kind.ACCOUNT, "troll@b.example", "https://b.example/accounts/troll",
                        "harassment\nrepeated", null)), parsed.items());
        assertNull(parsed.problemSummary());
    }

    @Test
    public void malformedEntriesAreIgnoredWithAProblemAndTheOthersKept() throws Exception {
        ObjectNode feed = FeedSignatureTest.feed();
        feed.withArray("servers").addObject().put("host", "not a host/");
        feed.withArray("servers").addObject().put("reason", "no host");
        feed.withArray("servers").addObject().put("host", "SPAM.example");   // a duplicate, once is enough
        feed.withArray("accounts").addObject().put("handle", "nohost");
        feed.withArray("accounts").addObject().put("handle", "evil@c.example").put("url", "https://d.example/x");

        FeedDocument.Parsed parsed = FeedDocument.parse(feed, "a.example", NOW, SKEW, 100);

        assertEquals(2, parsed.items().size());
        assertEquals(4, parsed.problems().size());
        assertTrue(parsed.problemSummary(), parsed.problemSummary().startsWith("4 entries ignored: servers[1]"));
    }

    @Test
    public void aFeedOfAnotherHostFromTheFutureTooLargeOrOfAnotherKindIsRefusedWhole() {
        assertThrows(InvalidFeedException.class, () -> FeedDocument.parse(FeedSignatureTest.feed(), "b.example",
                NOW, SKEW, 100));
        assertThrows(InvalidFeedException.class, () -> FeedDocument.parse(FeedSignatureTest.feed(), "a.example",
                FeedSignatureTest.PUBLISHED.minus(Duration.ofHours(2)), SKEW, 100));
        assertThrows(InvalidFeedException.class, () -> FeedDocument.parse(FeedSignatureTest.feed(), "a.example",
                NOW, SKEW, 1));
        ObjectNode other = FeedSignatureTest.feed().put("type", "OrderedCollection");
        assertThrows(InvalidFeedException.class, () -> FeedDocument.parse(other, "a.example", NOW, SKEW, 100));
        ObjectNode noList = FeedSignatureTest.feed().put("servers", "spam.example");
        assertThrows(InvalidFeedException.class, () -> FeedDocument.parse(noList, "a.example", NOW, SKEW, 100));
    }
}
