package kursus.rnn.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;

/** The first-symbol task: layout, symbol ranges, and the draw order of notebook 04. */
class RecallTaskTest {

    @Test
    void firstStepIsTheLabelAndTheRestAreDistractors() {
        RecallTask d = RecallTask.generate(new NumpyRandom(5), 200, 7);
        assertEquals(8, d.length());
        assertEquals(200, d.size());
        int[] seen = new int[4];
        for (int b = 0; b < d.size(); b++) {
            assertEquals(d.labels()[b], d.ids()[0][b]);
            seen[d.labels()[b]]++;
            for (int t = 1; t <= 7; t++) {
                assertTrue(d.ids()[t][b] >= 4 && d.ids()[t][b] < 8, "distractor out of range");
            }
        }
        for (int c = 0; c < 4; c++) {
            assertTrue(seen[c] > 25, "class " + c + " drawn only " + seen[c] + " times of 200");
        }
    }

    @Test
    void drawsLabelThenDistractorsPerSequenceLikeNotebook04() {
        NumpyRandom r = new NumpyRandom(1);
        int[][] ids = new int[4][3];
        int[] y = new int[3];
        for (int b = 0; b < 3; b++) {
            y[b] = (int) r.randint(4);
            ids[0][b] = y[b];
            for (int t = 1; t <= 3; t++) {
                ids[t][b] = 4 + (int) r.randint(4);
            }
        }
        RecallTask d = RecallTask.generate(new NumpyRandom(1), 3, 3);
        assertArrayEquals(y, d.labels());
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(ids[t], d.ids()[t]);
        }
    }

    @Test
    void slicesAreTimeMajorCopies() {
        RecallTask d = RecallTask.generate(new NumpyRandom(2), 10, 4);
        int[][] part = d.idsOf(2, 5);
        assertEquals(5, part.length);
        assertEquals(3, part[0].length);
        assertEquals(d.ids()[3][4], part[3][2]);
        assertArrayEquals(new int[] {d.labels()[2], d.labels()[3], d.labels()[4]}, d.labelsOf(2, 5));
        assertThrows(IllegalArgumentException.class, () -> d.idsOf(8, 11));
        assertThrows(IllegalArgumentException.class, () -> RecallTask.generate(new NumpyRandom(1), 0, 3));
    }
}
