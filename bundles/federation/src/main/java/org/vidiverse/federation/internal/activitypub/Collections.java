package org.vidiverse.federation.internal.activitypub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outboxes, followers, following, likes, announces and comments as PeerTube pages them: the collection gives its
 * total and, when it has items, its first page ({@code ?page=1}); each page links its neighbours.
 */
public final class Collections {
    private Collections() {
    }

    /**
     * The collection itself, {@code @context} first.
     *
     * @param firstPageUrl the first page; left out, as PeerTube does, when {@code null} or the collection is empty
     */
    public static Map<String, Object> orderedCollection(String id, long totalItems, String firstPageUrl) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("@context", ApContext.ACTIVITY_CONTEXT);
        collection.put("id", id);
        collection.put("type", "OrderedCollection");
        collection.put("totalItems", totalItems);
        if (firstPageUrl != null && totalItems > 0) {
            collection.put("first", firstPageUrl);
        }
        return collection;
    }

    /**
     * One page, {@code @context} first. Items that are documents (maps) lose their own {@code @context}.
     *
     * @param id      the page's url ({@code .../outbox?page=2})
     * @param partOf  the collection's url
     * @param orderedItems urls, or activities and objects as maps
     */
    public static Map<String, Object> orderedCollectionPage(String id, String partOf, long totalItems,
                                                            List<?> orderedItems, String nextOrNull,
                                                            String prevOrNull) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", ApContext.ACTIVITY_CONTEXT);
        page.put("id", id);
        page.put("type", "OrderedCollectionPage");
        if (prevOrNull != null) {
            page.put("prev", prevOrNull);
        }
        if (nextOrNull != null) {
            page.put("next", nextOrNull);
        }
        page.put("partOf", partOf);
        page.put("orderedItems", items(orderedItems));
        page.put("totalItems", totalItems);
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(List<?> orderedItems) {
        List<Object> items = new ArrayList<>();
        if (orderedItems != null) {
            for (Object item : orderedItems) {
                items.add(item instanceof Map<?, ?> map ? ApContext.withoutContext((Map<String, Object>) map) : item);
            }
        }
        return items;
    }
}
