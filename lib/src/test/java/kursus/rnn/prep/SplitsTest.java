package kursus.rnn.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void chronologicalKeepsTimeOrder() {
        Splits.Split s = Splits.chronological(10, 0.7, 0.15);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, s.trainIndices());
        assertArrayEquals(new int[] {7, 8}, s.valIndices()); // round(1.5) = 2
        assertArrayEquals(new int[] {9}, s.testIndices());
        double[] series = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new double[] {9}, s.test(series), 0);
    }

    @Test
    void shuffledFollowsNumpyPermutation() {
        // numpy: np.random.seed(7); np.random.permutation(20)[:10]
        Splits.Split s = Splits.shuffled(20, 0.5, 0.25, 7L);
        assertArrayEquals(new int[] {1, 17, 2, 5, 11, 0, 18, 6, 13, 19}, s.trainIndices());
        assertArrayEquals(new int[] {10, 14, 8, 16, 9}, s.valIndices());
    }

    @Test
    void shuffledPartsAreDisjointAndCoverEverything() {
        Splits.Split s = Splits.shuffled(101, 0.8, 0.1, 3L);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.trainIndices()), Arrays.stream(s.valIndices())),
                Arrays.stream(s.testIndices())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
        assertEquals(81, s.trainIndices().length);
        assertEquals(10, s.valIndices().length);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertArrayEquals(Splits.shuffled(50, 0.8, 0.1, 1L).trainIndices(), Splits.shuffled(50, 0.8, 0.1, 1L).trainIndices());
        assertTrue(!Arrays.equals(Splits.shuffled(50, 0.8, 0.1, 1L).trainIndices(), Splits.shuffled(50, 0.8, 0.1, 2L).trainIndices()));
    }

    @Test
    void listsAreSplitByTheIndices() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add("s" + i);
        }
        Splits.Split s = Splits.chronological(10, 0.8, 0.0);
        assertEquals(List.of("s8", "s9"), s.test(items));
        assertEquals(List.of(), s.val(items));
        assertThrows(IllegalArgumentException.class, () -> s.train(items.subList(0, 5)));
    }

    @Test
    void emptySplitIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Splits.chronological(5, 0.8, 0.05));
        assertTrue(e.getMessage().contains("'val' part would be empty"), e.getMessage());
    }

    @Test
    void invalidFractionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Splits.chronological(10, 0.8, 0.3));
        assertThrows(IllegalArgumentException.class, () -> Splits.shuffled(10, 0.0, 0.3, 1L));
    }

    @Test
    void fractionsSummingToOneLeaveNoTest() {
        Splits.Split s = Splits.chronological(10, 0.8, 0.2);
        assertEquals(0, s.testIndices().length);
    }
}
