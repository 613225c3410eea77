package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequencesTest {
    @Test
    void batchMajorRowsAreTransposedToTimeMajor() {
        Sequences s = Sequences.batchMajor(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(3, s.steps());
        assertEquals(2, s.batchSize());
        assertArrayEquals(new int[][] {{1, 4}, {2, 5}, {3, 6}}, s.timeMajor());
        assertArrayEquals(new int[] {4, 5, 6}, s.sequence(1));
    }

    @Test
    void theSameSquareArrayMeansDifferentBatchesDependingOnTheNamedLayout() {
        int[][] square = {{1, 2}, {3, 4}};
        Sequences asRows = Sequences.batchMajor(square);
        Sequences asSteps = Sequences.timeMajor(square);
        assertArrayEquals(new int[] {1, 2}, asRows.sequence(0));
        assertArrayEquals(new int[] {1, 3}, asSteps.sequence(0));
        assertArrayEquals(square, asRows.batchMajor());
        assertArrayEquals(square, asSteps.timeMajor());
    }

    @Test
    void raggedRowsAreRefusedWithThePaddingHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sequences.batchMajor(new int[][] {{1, 2, 3}, {4}}));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("Padding.pad"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequences.timeMajor(new int[0][]));
    }

    @Test
    void theInputArrayIsCopied() {
        int[][] a = {{1, 2}};
        Sequences s = Sequences.timeMajor(a);
        a[0][0] = 9;
        assertEquals(1, s.id(0, 0));
    }
}
