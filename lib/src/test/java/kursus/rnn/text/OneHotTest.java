package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class OneHotTest {

    @Test
    void rowsHaveASingleOneAtTheIndex() {
        INDArray x = OneHot.encode(new int[] {1, 0, 2, 2, 3}, 4);
        assertArrayEquals(new long[] {5, 4}, x.shape());
        assertEquals(DataType.FLOAT, x.dataType());
        double[][] expected = {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(expected[i], x.getRow(i).toDoubleVector(), 0.0);
        }
    }

    @Test
    void doubleTypeOnRequest() {
        assertEquals(DataType.DOUBLE, OneHot.encode(new int[] {0}, 2, DataType.DOUBLE).dataType());
    }

    @Test
    void timeMajorInputIsTBatchV() {
        int[][] idx = {{0, 2}, {1, 1}, {2, 0}}; // [T=3][batch=2]
        INDArray x = OneHot.encode(idx, 3);
        assertArrayEquals(new long[] {3, 2, 3}, x.shape());
        for (int t = 0; t < 3; t++) {
            for (int b = 0; b < 2; b++) {
                for (int v = 0; v < 3; v++) {
                    assertEquals(v == idx[t][b] ? 1.0 : 0.0, x.getDouble(t, b, v), 0.0);
                }
            }
        }
    }

    @Test
    void paddedPositionsAreZeroVectors() {
        Padding.Batch b = Padding.pad(List.of(new int[] {1, 2, 3}, new int[] {3}), 0);
        INDArray x = b.oneHot(4);
        assertEquals(0.0, x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.all()).sumNumber().doubleValue());
        assertEquals(1.0, x.getDouble(0, 1, 3));
        assertEquals(4.0, x.sumNumber().doubleValue()); // one 1 per real token
    }

    @Test
    void indexOutsideVocabularyFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0, 4}, 4));
        assertTrue(e.getMessage().contains("indices[1] = 4"), e.getMessage());
    }

    @Test
    void argmaxReadsOneHotRowsBack() {
        int[] ids = {3, 0, 2};
        assertArrayEquals(ids, OneHot.argmax(OneHot.encode(ids, 5)));
    }
}
