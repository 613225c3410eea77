package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.nn.CellKind;
import org.junit.jupiter.api.Test;

/** RecallExperiment: learns a short gap, is deterministic per seed, counts parameters, rejects bad settings. */
class RecallExperimentTest {

    @Test
    void lstmLearnsAShortGap() {
        RecallExperiment.Result r = RecallExperiment.of(CellKind.LSTM, 3).hidden(8).steps(150).learningRate(0.02).trainSize(512).testSize(200).run(1);
        assertTrue(r.accuracy() > 0.9, "accuracy " + r.accuracy());
        assertTrue(r.finalLoss() < 0.3, "final loss " + r.finalLoss());
        assertEquals(150, r.history().steps());
    }

    @Test
    void untrainedIsNearChance() {
        RecallExperiment.Result r = RecallExperiment.of(CellKind.RNN, 3).hidden(8).steps(1).trainSize(64).testSize(400).run(2);
        assertTrue(r.accuracy() > 0.1 && r.accuracy() < 0.45, "accuracy " + r.accuracy());
    }

    @Test
    void sameSeedSameResult() {
        RecallExperiment e = RecallExperiment.of(CellKind.GRU, 4).hidden(6).steps(20).trainSize(128).testSize(50);
        assertEquals(e.run(3).finalLoss(), e.run(3).finalLoss(), 0.0);
        assertTrue(e.run(3).finalLoss() != e.run(4).finalLoss());
    }

    @Test
    void parameterCountsOfTheThreeCells() {
        int H = 5, n = 8; // one-hot input of 8 symbols, head H -> 4
        long head = H * 4 + 4;
        assertEquals((long) H * (n + H) + H + head, RecallExperiment.of(CellKind.RNN, 2).hidden(H).steps(1).trainSize(32).testSize(4).run(1).parameters());
        assertEquals(4L * H * (n + H) + 4 * H + head, RecallExperiment.of(CellKind.LSTM, 2).hidden(H).steps(1).trainSize(32).testSize(4).run(1).parameters());
        assertEquals(3L * H * (n + H) + 3 * H + head, RecallExperiment.of(CellKind.GRU, 2).hidden(H).steps(1).trainSize(32).testSize(4).run(1).parameters());
    }

    @Test
    void forgetBiasIsSetOnTheLstmOnly() {
        assertEquals(1.0, RecallExperiment.of(CellKind.LSTM, 2).forgetBiasValue(), 0.0);
        assertEquals(3.0, RecallExperiment.of(CellKind.LSTM, 2).forgetBias(3).forgetBiasValue(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> RecallExperiment.of(CellKind.RNN, 2).forgetBias(3));
        assertThrows(IllegalArgumentException.class, () -> RecallExperiment.of(CellKind.RNN, 0));
        assertThrows(IllegalArgumentException.class, () -> RecallExperiment.of(CellKind.RNN, 2).learningRate(-1));
    }
}
