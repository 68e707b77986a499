package org.vidiverse.federation.internal.activitypub;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.vidiverse.federation.internal.activitypub.Fixtures.BASE;
import static org.vidiverse.federation.internal.activitypub.Fixtures.fieldNames;
import static org.vidiverse.federation.internal.activitypub.Fixtures.load;
import static org.vidiverse.federation.internal.activitypub.Fixtures.tree;

public class CollectionsTest {
    private static final String OUTBOX = BASE + "/accounts/root/outbox";
    private static final String FOLLOWERS = BASE + "/accounts/root/followers";
    private static final String COMMENTS = BASE + "/videos/watch/f1576c16-26a0-4ab3-9c7d-5ab21a47bece/comments";

    @Test
    public void collectionWithItemsNamesItsFirstPageAsPeerTubesOutbox() {
        assertEquals(load("ap-outbox-accounts-root.json"),
                tree(Collections.orderedCollection(OUTBOX, 10003, OUTBOX + "?page=1")));
        assertEquals(load("ap-video-announces.json"), tree(Collections.orderedCollection(
                BASE + "/videos/watch/f1576c16-26a0-4ab3-9c7d-5ab21a47bece/announces", 2,
                BASE + "/videos/watch/f1576c16-26a0-4ab3-9c7d-5ab21a47bece/announces?page=1")));
    }

    @Test
    public void emptyCollectionHasNoFirstPageAsPeerTubesFollowers() {
        assertEquals(load("ap-followers-accounts-root.json"),
                tree(Collections.orderedCollection(FOLLOWERS, 0, FOLLOWERS + "?page=1")));
    }

    @Test
    public void pagesAreShapedAsPeerTubes() {
        assertEquals(load("ap-followers-accounts-root-page1.json"),
                tree(Collections.orderedCollectionPage(FOLLOWERS + "?page=1", FOLLOWERS, 0, List.of(), null, null)));
        assertEquals(load("ap-video-comments-page1.json"), tree(Collections.orderedCollectionPage(COMMENTS + "?page=1",
                COMMENTS, 1, List.of(COMMENTS + "/1"), null, null)));
    }

    @Test
    public void pageLinksItsNeighboursBeforePartOfAndItsActivitiesLoseTheirContext() {
        JsonNode page = tree(Collections.orderedCollectionPage(OUTBOX + "?page=2", OUTBOX, 10003,
                List.of(Activities.announce("https://a.example/1", BASE + "/accounts/root", COMMENTS, List.of(), List.of())),
                OUTBOX + "?page=3", OUTBOX + "?page=1"));
        // ap-outbox-accounts-root-page1.json has: @context, id, type, next, partOf, orderedItems, totalItems
        assertEquals(List.of("@context", "id", "type", "prev", "next", "partOf", "orderedItems", "totalItems"),
                fieldNames(page));
        assertFalse(page.at("/orderedItems/0").has("@context"));
        assertEquals("Announce", page.at("/orderedItems/0/type").asText());
    }
}
