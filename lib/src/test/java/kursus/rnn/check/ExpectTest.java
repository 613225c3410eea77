package kursus.rnn.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ExpectTest {
    @Test
    void nearReturnsTheValueWhenWithinTolerance() {
        assertEquals(0.9511, Expect.near("h_e", 0.9511, 0.951149, 1e-4), 0.0);
    }

    @Test
    void nearThrowsBilingualMessageWhenValueDrifts() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Expect.near("h_e", 0.95, 0.951149, 1e-6));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertTrue(e.getMessage().contains("0.951149"), e.getMessage());
    }

    @Test
    void nearRejectsNaNEvenWithHugeTolerance() {
        assertThrows(IllegalStateException.class, () -> Expect.near("x", Double.NaN, 0, 1e9));
    }

    @Test
    void arrayVersionNamesTheFirstWorstElement() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Expect.near("y", Nd4j.create(new double[][] {{1, 2}, {3, 4}}), new double[] {1, 2, 3, 5}, 1e-9));
        assertTrue(e.getMessage().contains("element 3"), e.getMessage());
    }

    @Test
    void arrayVersionRejectsWrongElementCount() {
        assertThrows(IllegalArgumentException.class,
                () -> Expect.near("y", Nd4j.create(new double[] {1, 2}), new double[] {1, 2, 3}, 1e-9));
    }

    @Test
    void thatThrowsWhenFalse() {
        assertThrows(IllegalStateException.class, () -> Expect.that(false, "salah", "wrong"));
    }
}
