package org.vidiverse.rest.api;

import java.util.Set;

import org.vidiverse.api.model.PageRequest;

/** Reads PeerTube's {@code start}, {@code count} and {@code sort} query parameters; bad values are a 400. */
public final class Paging {
    private Paging() {
    }

    /**
     * @param start       raw {@code start}, {@code null} for 0
     * @param count       raw {@code count}, {@code null} for {@code defaultCount}
     * @param sort        raw {@code sort}, {@code null} for {@code defaultSort}
     * @param sortFields  accepted sort fields (without the leading {@code -})
     */
    public static PageRequest parse(String start, String count, String sort, int defaultCount, String defaultSort,
                                    Set<String> sortFields) {
        int from = integer("start", start, 0);
        if (from < 0) {
            throw Problem.invalidParam("start", "start must be a positive integer");
        }
        int size = integer("count", count, defaultCount);
        if (size < 0 || size > PageRequest.MAX_COUNT) {
            throw Problem.invalidParam("count", "count must be an integer between 0 and " + PageRequest.MAX_COUNT);
        }
        String order = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        String field = order.startsWith("-") ? order.substring(1) : order;
        if (!sortFields.contains(field)) {
            throw Problem.invalidParam("sort", "sort must be one of " + String.join(", ", sortFields.stream().sorted().toList())
                    + " (prefix with - for descending)");
        }
        return PageRequest.of(from, size, order);
    }

    private static int integer(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw Problem.invalidParam(name, name + " must be an integer");
        }
    }
}
