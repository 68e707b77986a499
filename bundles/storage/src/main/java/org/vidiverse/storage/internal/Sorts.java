package org.vidiverse.storage.internal;

import java.util.Map;
import java.util.Set;
import javax.persistence.TypedQuery;
import org.vidiverse.api.model.PageRequest;

/** Turns a {@link PageRequest} into a whitelisted JPQL order clause and a query window. */
final class Sorts {
    private Sorts() {
    }

    /**
     * @param fields api sort names mapped to entity fields
     * @param fallback the api sort name used when the request has none
     * @return {@code ORDER BY alias.field dir, alias.id dir}: the id keeps pages stable when values tie
     * @throws IllegalArgumentException when the request sorts on anything else
     */
    static String orderBy(String alias, PageRequest page, Map<String, String> fields, String fallback,
                          boolean fallbackDescending) {
        String sort = page.sort() == null || page.sort().isBlank() ? fallback : page.sort();
        boolean descending = page.sort() == null || page.sort().isBlank() ? fallbackDescending : page.descending();
        String field = fields.get(sort);
        if (field == null) {
            throw new IllegalArgumentException("unknown sort '" + sort + "', expected one of " + fields.keySet());
        }
        String dir = descending ? " DESC" : " ASC";
        return " ORDER BY " + alias + "." + field + dir + ", " + alias + ".id" + dir;
    }

    static Map<String, String> identity(Set<String> names) {
        return names.stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> n));
    }

    static <T> TypedQuery<T> window(TypedQuery<T> query, PageRequest page) {
        return query.setFirstResult(page.start()).setMaxResults(page.count());
    }
}
