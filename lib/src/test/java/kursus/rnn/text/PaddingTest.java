package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class PaddingTest {
    private final List<int[]> seqs = List.of(new int[] {5, 6, 7}, new int[] {8}, new int[] {9, 4});

    @Test
    void rightPaddingIsTimeMajorWithMask() {
        Padding.Batch b = Padding.pad(seqs, 0);
        assertArrayEquals(new int[][] {{5, 8, 9}, {6, 0, 4}, {7, 0, 0}}, b.indices());
        assertArrayEquals(new double[][] {{1, 1, 1}, {1, 0, 1}, {1, 0, 0}}, b.maskArray());
        assertArrayEquals(new int[] {3, 1, 2}, b.lengths());
        assertArrayEquals(new int[] {2, 0, 1}, b.lastSteps());
    }

    @Test
    void leftPaddingPutsRealTokensAtTheEnd() {
        Padding.Batch b = Padding.pad(seqs, 0, Padding.Side.LEFT);
        assertArrayEquals(new int[][] {{5, 0, 0}, {6, 0, 9}, {7, 8, 4}}, b.indices());
        assertArrayEquals(new double[][] {{1, 0, 0}, {1, 0, 1}, {1, 1, 1}}, b.maskArray());
        assertArrayEquals(new int[] {2, 2, 2}, b.lastSteps());
    }

    @Test
    void truncationKeepsTheStartOnTheRightAndTheEndOnTheLeft() {
        assertArrayEquals(new int[][] {{5, 8, 9}, {6, 0, 4}}, Padding.pad(seqs, 0, Padding.Side.RIGHT, 2).indices());
        assertArrayEquals(new int[][] {{6, 0, 9}, {7, 8, 4}}, Padding.pad(seqs, 0, Padding.Side.LEFT, 2).indices());
    }

    @Test
    void maskSumsToTheTotalLength() {
        INDArray m = Padding.pad(seqs, 0).mask();
        assertArrayEquals(new long[] {3, 3}, m.shape());
        assertEquals(DataType.FLOAT, m.dataType());
        assertEquals(6.0, m.sumNumber().doubleValue());
    }

    @Test
    void indexMatrixIsIntTBatch() {
        INDArray m = Padding.pad(seqs, 0).indexMatrix();
        assertEquals(DataType.INT, m.dataType());
        assertEquals(9, m.getInt(0, 2));
        assertEquals(4, m.getInt(1, 2));
    }

    @Test
    void emptySequenceIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Padding.pad(List.of(new int[] {1}, new int[0]), 0));
        assertTrue(e.getMessage().contains("sequence 1"), e.getMessage());
    }

    @Test
    void padIndexFillsThePaddedPositions() {
        assertEquals(-1, Padding.pad(seqs, -1).index(2, 1));
    }
}
