package org.vidiverse.api.model;

/**
 * Which slice of a list to return.
 *
 * @param start  offset of the first item, at least 0
 * @param count  items to return, 1 to {@link #MAX_COUNT}
 * @param sort   the field to sort on
 * @param descending whether the sort runs from high to low
 */
public record PageRequest(int start, int count, String sort, boolean descending) {
    /** The largest page PeerTube serves for most lists. */
    public static final int MAX_COUNT = 100;

    public PageRequest {
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0");
        }
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 0 and " + MAX_COUNT);
        }
    }

    /** Reads PeerTube's sort syntax: {@code name} ascending, {@code -name} descending. */
    public static PageRequest of(int start, int count, String sort) {
        boolean descending = sort.startsWith("-");
        return new PageRequest(start, count, descending ? sort.substring(1) : sort, descending);
    }
}
