package org.vidiverse.storage.internal;

import java.util.ArrayList;
import java.util.List;
import org.vidiverse.api.model.InvalidInputException;

/** PeerTube's playlist reorder as a pure function over the elements in position order. */
final class Reorder {
    private Reorder() {
    }

    /**
     * Moves the block of {@code length} elements that starts at position {@code start} (1-based) to just after the
     * element at position {@code insertAfter} of the original order ({@code 0}: to the front). Inserting after an
     * element of the block itself, or after the one just before it, leaves the order as it is.
     *
     * @throws InvalidInputException when a position is outside the list, naming the parameter as PeerTube does
     */
    static <T> List<T> move(List<T> elements, int start, int insertAfter, int length) {
        int n = elements.size();
        if (start < 1 || start > n) {
            throw new InvalidInputException("startPosition", "startPosition must be between 1 and " + n);
        }
        if (insertAfter < 0 || insertAfter > n) {
            throw new InvalidInputException("insertAfterPosition", "insertAfterPosition must be between 0 and " + n);
        }
        if (length < 1 || start + length - 1 > n) {
            throw new InvalidInputException("reorderLength",
                    "reorderLength must be between 1 and " + (n - start + 1) + " from this start position");
        }
        int blockFrom = start - 1;
        int blockTo = blockFrom + length;            // exclusive
        if (insertAfter >= blockFrom && insertAfter <= blockTo) {
            return List.copyOf(elements);
        }
        List<T> block = elements.subList(blockFrom, blockTo);
        List<T> rest = new ArrayList<>(elements.subList(0, blockFrom));
        rest.addAll(elements.subList(blockTo, n));
        int at = insertAfter < blockFrom ? insertAfter : insertAfter - length;
        List<T> moved = new ArrayList<>(rest.subList(0, at));
        moved.addAll(block);
        moved.addAll(rest.subList(at, rest.size()));
        return moved;
    }
}
