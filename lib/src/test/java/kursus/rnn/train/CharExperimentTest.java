package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.nn.CellKind;
import org.junit.jupiter.api.Test;

/** CharExperiment: learns a periodic text, bigram baseline by hand, simplify, parameter count. */
class CharExperimentTest {
    static final String PERIODIC = "abcab".repeat(200);

    @Test
    void learnsAPeriodicTextBeyondTheBigram() {
        // after 'b' comes 'c' or 'a' (50/50 for a bigram); the position in the period decides, which needs memory
        CharExperiment e = CharExperiment.of(CellKind.GRU, PERIODIC, "abcababcababcab").hidden(16).steps(120).batch(4).seqLen(20).learningRate(0.02);
        CharExperiment.Result r = e.run(1);
        double[] bigram = e.bigramBaseline();
        assertTrue(r.validAccuracy() > 0.95, "accuracy " + r.validAccuracy());
        assertTrue(r.validAccuracy() > bigram[1] + 0.1, "bigram accuracy " + bigram[1]);
        assertTrue(r.validLoss() < bigram[0], r.validLoss() + " vs bigram " + bigram[0]);
        assertEquals(120, r.history().steps());
    }

    @Test
    void bigramBaselineByHand() {
        // train "aab": pairs aa, ab; valid "ab": one pair, P(b|a) = (1 + 1) / (2 + V) with V = 2
        CharExperiment e = CharExperiment.of(CellKind.RNN, "aab", "ab").batch(1).seqLen(1);
        double[] b = e.bigramBaseline();
        assertEquals(-Math.log(2.0 / 4.0), b[0], 1e-12);
        assertEquals(0.0, b[1], 0.0); // ties: the first most frequent successor of 'a' is 'a'
    }

    @Test
    void simplifyKeepsLettersSpacesAndStops() {
        assertEquals("call me ishmael. some years ago never mind", CharExperiment.simplify("Call me Ishmael. Some years ago—never\n mind!"));
    }

    @Test
    void countsParametersAndRejectsShortTexts() {
        int V = 3, H = 4;
        CharExperiment.Result r = CharExperiment.of(CellKind.LSTM, PERIODIC, "abc").hidden(H).steps(1).batch(2).seqLen(5).run(1);
        assertEquals(4L * H * (V + H) + 4 * H + (long) H * V + V, r.parameters());
        assertThrows(IllegalArgumentException.class, () -> CharExperiment.of(CellKind.RNN, "abc", "ab").batch(2).run(1));
    }
}
