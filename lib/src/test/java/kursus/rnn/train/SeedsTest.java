package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeds: median, success count and run order, on hand-made values. */
class SeedsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Seeds.median(new double[] {5, 1, 3}), 0.0);
        assertEquals(2.5, Seeds.median(new double[] {4, 1, 3, 2}), 0.0);
        assertEquals(7.0, Seeds.median(new double[] {7}), 0.0);
    }

    @Test
    void runCallsEachSeedOnceInOrderAndCountsSuccesses() {
        List<Integer> called = new ArrayList<>();
        Seeds.Summary s = Seeds.run(Seeds.range(3, 5), seed -> {
            called.add(seed);
            return seed / 10.0; // 0.3 .. 0.7
        }, v -> v >= 0.5);
        assertEquals(List.of(3, 4, 5, 6, 7), called);
        assertArrayEquals(new double[] {0.3, 0.4, 0.5, 0.6, 0.7}, s.values(), 1e-12);
        assertEquals(3, s.successes());
        assertEquals(5, s.count());
        assertEquals(0.5, s.median(), 1e-12);
        assertEquals(0.3, s.min(), 1e-12);
        assertEquals(0.7, s.max(), 1e-12);
        assertEquals(0.5, s.mean(), 1e-12);
        assertTrue(s.describe("%.1f").startsWith("median 0.5 | 3/5 ok | [0.3, 0.4, 0.5, 0.6, 0.7]"), s.describe("%.1f"));
    }

    @Test
    void nanNeverSucceeds() {
        Seeds.Summary s = Seeds.summarize(new int[] {1, 2}, new double[] {Double.NaN, 1.0}, v -> !(v > 0.5));
        assertEquals(0, s.successes());
    }

    @Test
    void runAllKeepsResultsInSeedOrder() {
        assertEquals(List.of("s9", "s2"), Seeds.runAll(new int[] {9, 2}, seed -> "s" + seed));
    }

    @Test
    void badInputsAreRejectedInBothLanguages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeds.run(new int[0], s -> 1.0, v -> true));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Seeds.summarize(new int[] {1, 2}, new double[] {1}, v -> true));
        assertThrows(IllegalArgumentException.class, () -> Seeds.range(1, 0));
    }

    @Test
    void anInterruptStopsBeforeTheNextSeedWithABilingualMessage() {
        java.util.List<Integer> started = new java.util.ArrayList<>();
        IllegalStateException e;
        try {
            e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> Seeds.run(Seeds.range(1, 5), seed -> {
                        started.add(seed);
                        if (seed == 2) {
                            Thread.currentThread().interrupt(); // Kernel -> Interrupt during seed 2
                        }
                        return seed;
                    }, v -> true));
        } finally {
            Thread.interrupted();
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(1, 2), started);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("[ID] dihentikan (interrupt) setelah 2 dari 5")
                && e.getMessage().contains("[EN] interrupted after 2 of 5 seeds"), e.getMessage());
    }
}
