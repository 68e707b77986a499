package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;
import org.vidiverse.api.model.InvalidInputException;

public class ReorderTest {
    private static final List<Integer> NINE = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    public void aBlockMovesToJustAfterTheElementNamed() {
        assertEquals(List.of(1, 3, 4, 5, 2, 6, 7, 8, 9), Reorder.move(NINE, 2, 5, 1));
        assertEquals(List.of(4, 5, 1, 2, 3, 6, 7, 8, 9), Reorder.move(NINE, 1, 5, 3));
        assertEquals(List.of(7, 8, 1, 2, 3, 4, 5, 6, 9), Reorder.move(NINE, 7, 0, 2));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 1), Reorder.move(NINE, 1, 9, 1));
        assertEquals(List.of(1, 2, 3, 4, 8, 9, 5, 6, 7), Reorder.move(NINE, 8, 4, 2));
    }

    @Test
    public void insertingAfterTheBlockItselfOrJustBeforeItChangesNothing() {
        assertEquals(NINE, Reorder.move(NINE, 3, 2, 2));
        assertEquals(NINE, Reorder.move(NINE, 3, 3, 2));
        assertEquals(NINE, Reorder.move(NINE, 3, 4, 2));
        assertEquals(NINE, Reorder.move(NINE, 1, 0, 9));
    }

    @Test
    public void positionsOutsideTheListNameTheirParameter() {
        assertEquals("startPosition", param(() -> Reorder.move(NINE, 0, 0, 1)));
        assertEquals("startPosition", param(() -> Reorder.move(NINE, 10, 0, 1)));
        assertEquals("insertAfterPosition", param(() -> Reorder.move(NINE, 1, -1, 1)));
        assertEquals("insertAfterPosition", param(() -> Reorder.move(NINE, 1, 10, 1)));
        assertEquals("reorderLength", param(() -> Reorder.move(NINE, 5, 0, 6)));
        assertEquals("reorderLength", param(() -> Reorder.move(NINE, 5, 0, 0)));
        assertEquals("startPosition", param(() -> Reorder.move(List.of(), 1, 0, 1)));
    }

    private static String param(org.junit.function.ThrowingRunnable call) {
        return assertThrows(InvalidInputException.class, call).param();
    }
}
