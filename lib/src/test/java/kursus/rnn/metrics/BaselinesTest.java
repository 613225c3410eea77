package kursus.rnn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Baselines against hand-computed values ("hello", "selamat pagi"). */
class BaselinesTest {

    @Test
    void unigramLossOfHelloByHand() {
        // h e l l o -> ids e=0 h=1 l=2 o=3 ; p = 1/5, 1/5, 2/5, 1/5
        int[] ids = {1, 0, 2, 2, 3};
        double expected = -(3 * 0.2 * Math.log(0.2) + 0.4 * Math.log(0.4));
        assertEquals(expected, Baselines.unigramLoss(ids, 4), 1e-15);
        assertEquals(0.0, Baselines.unigramLoss(new int[] {2, 2, 2}, 4), 0.0);
        assertEquals(Math.log(4), Baselines.unigramLoss(new int[] {0, 1, 2, 3}, 4), 1e-15);
    }

    @Test
    void mostFrequentTakesTheSmallestIdOnATie() {
        assertEquals(2, Baselines.mostFrequent(new int[] {1, 0, 2, 2, 3}, 4));
        assertEquals(0, Baselines.mostFrequent(new int[] {3, 0, 1}, 4));
    }

    @Test
    void bigramOnHelloMissesOneL() {
        // inputs h e l l, targets e l l o: after 'l' comes 'l' once and 'o' once -> tie -> 'l' (id 2)
        int[] in = {1, 0, 2, 2}, tg = {0, 2, 2, 3};
        assertArrayEquals(new int[] {0, 2, 2, 2}, Baselines.bigramPredictions(in, tg, 4));
        assertEquals(0.75, Metrics.accuracy(tg, Baselines.bigramPredictions(in, tg, 4)), 0.0);
    }

    @Test
    void bigramOnSelamatPagiScoresNineOfEleven() {
        String text = "selamat pagi";
        String chars = " aegilmpst"; // sorted distinct characters
        int[] ids = text.chars().map(chars::indexOf).toArray();
        int[] in = java.util.Arrays.copyOfRange(ids, 0, ids.length - 1), tg = java.util.Arrays.copyOfRange(ids, 1, ids.length);
        // 'a' is followed by 'm', 't', 'g' (once each): the tie goes to 'g', so two of the three 'a' steps miss
        assertEquals(9.0 / 11, Metrics.accuracy(tg, Baselines.bigramPredictions(in, tg, chars.length())), 1e-15);
    }

    @Test
    void idsOutsideTheVocabularyAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Baselines.unigramLoss(new int[] {4}, 4));
        assertThrows(IllegalArgumentException.class, () -> Baselines.bigramPredictions(new int[] {0}, new int[] {0, 1}, 4));
    }
}
