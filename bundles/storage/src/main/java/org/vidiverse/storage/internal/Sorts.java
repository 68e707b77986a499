package org.vidiverse.storage.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.vidiverse.api.model.Page;
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

    /**
     * One page of {@code SELECT alias FROM entity alias where order} and the count of all its rows, with the named
     * parameters bound to both queries; no row query when the page is empty or past the end.
     *
     * @param from  {@code Entity alias}, e.g. {@code UserEntity u}
     * @param where empty, or {@code " WHERE ..."}
     */
    static <E, T> Page<T> page(EntityManager em, Class<E> type, String from, String where, String order,
                               Map<String, Object> params, PageRequest page, Function<E, T> mapper) {
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ") FROM " + from + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (page.count() == 0 || total <= page.start()) {
            return new Page<>(total, List.of());
        }
        TypedQuery<E> select = em.createQuery("SELECT " + alias + " FROM " + from + where + order, type);
        params.forEach(select::setParameter);
        return new Page<>(total, window(select, page).getResultList().stream().map(mapper).toList());
    }
}
