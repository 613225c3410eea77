package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.core.Params;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.optim.Adam;
import kursus.rnn.optim.Optimizer;
import kursus.rnn.optim.Sgd;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The trainer stops a run whose loss explodes (learning rate 1e6) and a validation that gives NaN. */
class TrainerDivergenceTest {
    private static final String TEXT = "ani budi sari tono dewi eka joko wati rina agus yanti hendra ";

    @ParameterizedTest(name = "{0}, clip {1}")
    @CsvSource({"adam, 0", "adam, 5", "sgd, 0", "sgd, 5"})
    void learningRateOneMillionStopsLoudlyInsteadOfFinishing(String opt, double clip) {
        Vocabulary vocab = Vocabulary.ofChars(TEXT);
        int V = vocab.size();
        NumpyRandom rng = new NumpyRandom(1);
        CharLanguageModel m = new CharLanguageModel(new LstmCell(V, 16, DataType.FLOAT, Init.xavierUniform(rng)),
                new Dense(16, V, DataType.FLOAT, Init.xavierUniform(rng)));
        int[] ids = vocab.encode(TEXT);
        int T = 20;
        Optimizer o = opt.equals("adam") ? new Adam(1e6) : new Sgd(1e6);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(m.params(), o).clipGlobalNorm(clip).progress(false).fitSteps(150, s -> s, s -> {
                    int from = (s * T) % (ids.length - T - 1);
                    int[][] x = new int[T][1], y = new int[T][1];
                    for (int t = 0; t < T; t++) {
                        x[t][0] = ids[from + t];
                        y[t][0] = ids[from + t + 1];
                    }
                    m.resetState();
                    return m.forwardBackward(x, y);
                }));
        String msg = e.getMessage();
        assertTrue(msg.contains("[ID]") && msg.contains("[EN]") && msg.contains("learning rate"), msg);
        History h = e.history();
        assertTrue(h.steps() < 150, "stopped early: " + h.steps() + " steps");
        double first = h.stepLoss().get(0);
        assertEquals(Math.log(V), first, 1.0, "starts near log V");
        assertTrue(msg.contains("exploded far above the first loss"), msg);
        assertTrue(clip > 0 ? msg.contains("clipping is already on") : msg.contains("clipGlobalNorm(5)"), msg);
    }

    private static Params oneParam(double w0) {
        Params p = new Params();
        p.add("w", Nd4j.create(new double[] {w0}, new long[] {1}));
        return p;
    }

    @Test
    void aLossFarAboveTheFirstStopsWithTheNumbers() {
        Params p = oneParam(0);
        double[] losses = {3.26, 5, 40, 300, 400, 2e6};
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(p, new Sgd(1e-9)).progress(false).fitSteps(6, s -> s, s -> losses[s]));
        assertTrue(e.getMessage().contains("step 5") && e.getMessage().contains("first loss 3.26")
                && e.getMessage().contains("limit 326"), e.getMessage());
        assertEquals(4, e.history().steps());
        assertEquals("diverged", e.history().stopReason());
    }

    @Test
    void tinyLossesMayGrowByNoiseAndTheCheckCanBeTurnedOff() {
        Params p = oneParam(0);
        double[] small = {0.001, 0.5, 2.0, 9.0};
        History h = new Trainer(p, new Sgd(1e-9)).progress(false).fitSteps(4, s -> s, s -> small[s]);
        assertEquals("finished", h.stopReason(), "limit max(100 * 0.001, 0.001 + 10) is not reached");
        double[] huge = {3.26, 1e7};
        History off = new Trainer(p, new Sgd(1e-9)).divergenceFactor(0).progress(false).fitSteps(2, s -> s, s -> huge[s]);
        assertEquals(2, off.steps());
    }

    @Test
    void aNaNValidationLossIsAnErrorNotTheBestValue() {
        Params p = oneParam(0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(p, new Sgd(0.1)).progress(false).validation(() -> Double.NaN).validateEvery(2)
                        .earlyStopping(3).fitSteps(10, s -> s, s -> 1.0));
        assertTrue(e.getMessage().contains("validation loss = NaN") && e.getMessage().contains("validation function")
                && e.getMessage().contains("[ID]"), e.getMessage());
        assertEquals(2, e.history().steps());
        assertTrue(e.history().validationLoss().isEmpty());
    }
}
