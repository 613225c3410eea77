package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import kursus.rnn.random.NumpyRandom;

class BatchesTest {

    @Test
    void sequentialKeepsASmallerLastBatch() {
        List<int[]> b = Batches.sequential(7, 3);
        assertEquals(3, b.size());
        assertArrayEquals(new int[] {6}, b.get(2));
        assertEquals(2, Batches.sequential(7, 3, true).size());
    }

    @Test
    void shuffledFollowsNumpyPermutation() {
        // numpy: np.random.seed(42); np.random.permutation(10) -> [8 1 5 0 7 2 9 4 3 6]
        List<int[]> b = Batches.shuffled(10, 4, 42L);
        assertArrayEquals(new int[] {8, 1, 5, 0}, b.get(0));
        assertArrayEquals(new int[] {7, 2, 9, 4}, b.get(1));
        assertArrayEquals(new int[] {3, 6}, b.get(2));
    }

    @Test
    void theSameGeneratorGivesANewOrderEachEpoch() {
        // numpy: the second permutation(10) after seed(42) is [0 1 8 5 3 4 7 9 6 2]
        NumpyRandom rng = new NumpyRandom(42);
        Batches.shuffled(10, 10, rng);
        assertArrayEquals(new int[] {0, 1, 8, 5, 3, 4, 7, 9, 6, 2}, Batches.shuffled(10, 10, rng).get(0));
    }

    @Test
    void takePicksAlongTheBatchAxisOfTimeMajorData() {
        // x[t, n, f] = 100 t + 10 n + f, shape [T=2, N=3, F=2]
        double[] flat = new double[12];
        for (int t = 0; t < 2; t++) {
            for (int n = 0; n < 3; n++) {
                for (int f = 0; f < 2; f++) {
                    flat[(t * 3 + n) * 2 + f] = 100 * t + 10 * n + f;
                }
            }
        }
        INDArray x = Nd4j.create(flat, new long[] {2, 3, 2}, DataType.DOUBLE);
        INDArray b = Batches.take(x, 1, new int[] {2, 0});
        assertArrayEquals(new long[] {2, 2, 2}, b.shape());
        assertEquals(121, b.getDouble(1, 0, 1), 0);
        assertEquals(100, b.getDouble(1, 1, 0), 0);
    }

    @Test
    void takeFromAList() {
        assertEquals(List.of("c", "a"), Batches.take(List.of("a", "b", "c"), new int[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> Batches.take(List.of("a"), new int[] {1}));
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Batches.sequential(5, 0));
        assertThrows(IllegalArgumentException.class, () -> Batches.sequential(0, 2));
    }
}
