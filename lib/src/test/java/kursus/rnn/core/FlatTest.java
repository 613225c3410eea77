package kursus.rnn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlatTest {

    @Test
    void readsAndWritesTheArrayInCOrderIncludingRowViewsWithAnOffset() {
        INDArray a = Nd4j.create(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Flat row1 = Flat.of(a.getRow(1));
        assertEquals(3, row1.length);
        assertEquals(4.0, row1.get(0));
        row1.set(2, 60);
        row1.add(0, 0.5);
        assertEquals(60.0, a.getDouble(1, 2));
        assertEquals(4.5, a.getDouble(1, 0));
        assertEquals(3.0, a.getDouble(0, 2), "the first row is untouched");
    }

    @Test
    void rejectsAViewThatIsNotContiguous() {
        INDArray column = Nd4j.create(new double[][] {{1, 2}, {3, 4}}).getColumn(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Flat.of(column));
        assertTrue(e.getMessage().contains("dup('c')"), e.getMessage());
    }

    /**
     * Regression: a view used to hold only the NIO buffer, so the array (and its native memory) could
     * be collected while the view was still in use; fresh allocations then reused that memory.
     */
    @Test
    void keepsItsArrayAliveWhenNothingElseReferencesIt() {
        Flat view = Flat.of(Nd4j.zeros(DataType.FLOAT, 1000, 100));
        view.fill(7);
        for (int round = 0; round < 20; round++) {
            System.gc();
            Nd4j.create(DataType.FLOAT, 1000, 100).assign(-1);
        }
        for (int i = 0; i < view.length; i++) {
            if (view.get(i) != 7.0) {
                throw new AssertionError("element " + i + " changed to " + view.get(i) + " after GC");
            }
        }
    }
}
