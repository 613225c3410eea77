package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import kursus.rnn.core.Params;
import kursus.rnn.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The training loop, on a one-parameter quadratic loss L(w) = (w - 3)^2 whose minimum is known. */
class TrainerTest {

    private static Params oneParam(double w0) {
        Params p = new Params();
        p.add("w", Nd4j.create(new double[] {w0}, new long[] {1}));
        return p;
    }

    /** L = (w - 3)^2, dL/dw = 2 (w - 3), accumulated into the gradient. */
    private static double quadratic(Params p) {
        double w = p.value("w").getDouble(0);
        p.grad("w").addi(2 * (w - 3));
        return (w - 3) * (w - 3);
    }

    @Test
    void fitStepsReachesTheMinimumAndRecordsEveryStep() {
        Params p = oneParam(0);
        History h = new Trainer(p, new Sgd(0.1)).progress(false).fitSteps(100, s -> s, s -> quadratic(p));
        assertEquals(100, h.steps());
        assertEquals(100, h.gradNorm().size());
        assertEquals(9.0, h.stepLoss().get(0), 1e-12);
        assertEquals(3.0, p.value("w").getDouble(0), 1e-6);
        assertEquals(6.0, h.gradNorm().get(0), 1e-12, "the norm is measured before the update");
    }

    @Test
    void gradientsAreZeroedBeforeEveryStep() {
        Params p = oneParam(0);
        // Without zeroing, the accumulated gradient after 2 steps would be 2*(-3) + 2*(w1-3).
        new Trainer(p, new Sgd(0.1)).progress(false).fitSteps(2, s -> s, s -> quadratic(p));
        double w1 = 0 - 0.1 * (2 * (0 - 3));
        double w2 = w1 - 0.1 * (2 * (w1 - 3));
        assertEquals(w2, p.value("w").getDouble(0), 1e-12);
    }

    @Test
    void fitRecordsTheMeanLossOfEachEpoch() {
        Params p = oneParam(0);
        History h = new Trainer(p, new Sgd(0.1)).progress(false)
                .fit(3, e -> List.of(1, 2, 3, 4), b -> (double) b);
        assertEquals(List.of(2.5, 2.5, 2.5), h.epochLoss());
        assertEquals(12, h.steps());
    }

    @Test
    void nanLossStopsWithABilingualHintAndKeepsTheHistory() {
        Params p = oneParam(0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(p, new Sgd(0.1)).progress(false)
                        .fitSteps(10, s -> s, s -> s < 3 ? quadratic(p) : Double.NaN));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("learning rate"), e.getMessage());
        assertTrue(e.getMessage().contains("step 4"), e.getMessage());
        assertEquals(3, e.history().steps());
    }

    @Test
    void infiniteGradientStopsTraining() {
        Params p = oneParam(0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(p, new Sgd(0.1)).progress(false).fitSteps(5, s -> s, s -> {
                    p.grad("w").addi(Double.POSITIVE_INFINITY);
                    return 1.0;
                }));
        assertTrue(e.getMessage().contains("gradient norm"), e.getMessage());
        assertEquals(0.0, p.value("w").getDouble(0), 0.0, "no update may be applied with an infinite gradient");
    }

    @Test
    void clippingByGlobalNormLimitsTheUpdate() {
        Params p = oneParam(1000);
        new Trainer(p, new Sgd(1.0)).clipGlobalNorm(5).progress(false).fitSteps(1, s -> s, s -> quadratic(p));
        assertEquals(1000 - 5, p.value("w").getDouble(0), 1e-6);
    }

    @Test
    void clippedStepsCountOnlyTheStepsTheClippingChanged() {
        // w starts at 10: gradient 2(w - 3) = 14, then shrinks as w approaches 3
        Params byValue = oneParam(10);
        History v = new Trainer(byValue, new Sgd(0.25)).clipValue(10).progress(false)
                .fitSteps(5, s -> s, s -> quadratic(byValue));
        // step 1: |14| > 10 clamped, w = 10 - 2.5 = 7.5; step 2: gradient 9 < 10, not clamped, and so on
        assertEquals(1, v.clippedSteps());
        Params byNorm = oneParam(10);
        History n = new Trainer(byNorm, new Sgd(0.25)).clipGlobalNorm(1).progress(false)
                .fitSteps(5, s -> s, s -> quadratic(byNorm));
        // every step moves w by 0.25 only (10, 9.75, ...): the gradient stays far above 1
        assertEquals(5, n.clippedSteps());
        Params none = oneParam(10);
        assertEquals(0, new Trainer(none, new Sgd(0.25)).progress(false).fitSteps(5, s -> s, s -> quadratic(none))
                .clippedSteps());
    }

    @Test
    void clippingByValueClampsEachEntry() {
        Params p = oneParam(1000);
        new Trainer(p, new Sgd(1.0)).clipValue(10).progress(false).fitSteps(1, s -> s, s -> quadratic(p));
        assertEquals(1000 - 10, p.value("w").getDouble(0), 1e-9);
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestParameters() {
        Params p = oneParam(0);
        double[] val = {5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9, 4.0, 4.1};
        int[] calls = {0};
        double[] wAtBest = {Double.NaN};
        History h = new Trainer(p, new Sgd(0.01)).progress(false)
                .validation(() -> {
                    double v = val[calls[0]++];
                    if (v == 3) {
                        wAtBest[0] = p.value("w").getDouble(0);
                    }
                    return v;
                })
                .validateEvery(1)
                .earlyStopping(2)
                .fitSteps(10, s -> s, s -> quadratic(p));
        assertEquals("early stopping", h.stopReason());
        assertEquals(5, h.steps(), "best at validation 3, two more without improvement");
        assertEquals(3.0, h.bestValidationLoss());
        assertEquals(wAtBest[0], p.value("w").getDouble(0), 1e-12);
    }

    @Test
    void metricsAreRecordedAtEveryValidation() {
        Params p = oneParam(0);
        History h = new Trainer(p, new Sgd(0.1)).progress(false)
                .validation(() -> 1.0).metric("acc", () -> 0.5).validateEvery(2)
                .fitSteps(6, s -> s, s -> quadratic(p));
        assertEquals(List.of(0.5, 0.5, 0.5), h.metric("acc"));
        assertEquals(List.of(2, 4, 6), h.validationStep());
    }

    @Test
    void callbackReturningFalseStopsTraining() {
        Params p = oneParam(0);
        History h = new Trainer(p, new Sgd(0.1)).progress(false)
                .every(3, (step, hist) -> step < 6)
                .fitSteps(100, s -> s, s -> quadratic(p));
        assertEquals(6, h.steps());
        assertEquals("callback", h.stopReason());
    }

    @Test
    void emptyEpochIsAClearError() {
        Params p = oneParam(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(p, new Sgd(0.1)).progress(false).fit(1, ep -> List.<Integer>of(), b -> 0.0));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void progressLineIsRewrittenInPlaceAndThrottled() {
        Params p = oneParam(0);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new Trainer(p, new Sgd(0.1)).progressTo(new PrintStream(buf, true, StandardCharsets.UTF_8))
                .progressInterval(3600).itemsPerStep(32, "char")
                .fitSteps(500, s -> s, s -> quadratic(p));
        String out = buf.toString(StandardCharsets.UTF_8);
        long rewrites = out.chars().filter(c -> c == '\r').count();
        assertTrue(rewrites <= 3, "expected at most first + final rewrite, got " + rewrites + ": " + out);
        assertTrue(out.endsWith(System.lineSeparator()), "the line is ended when training finishes");
        assertTrue(out.contains("step 500/500") && out.contains("char/s"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line, not one per step");
    }

    @Test
    void emptyParamsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Trainer(new Params(), new Sgd(0.1)));
    }

    @Test
    void gradientNormIsTheGlobalL2Norm() {
        Params p = new Params();
        p.add("a", Nd4j.zeros(2));
        p.add("b", Nd4j.zeros(1));
        p.grad("a").assign(Nd4j.create(new double[] {3, 0}));
        p.grad("b").assign(Nd4j.create(new double[] {4}));
        assertEquals(5.0, Trainer.gradientNorm(p), 1e-6);
    }

    @SuppressWarnings("unused")
    private static INDArray range(int n) {
        return Nd4j.create(IntStream.range(0, n).asDoubleStream().toArray());
    }

    @Test
    void interruptStopsBeforeTheNextStepKeepsTheHistoryAndSaysSo() {
        Params p = oneParam(0);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        History h;
        boolean flagKept;
        try {
            h = new Trainer(p, new Sgd(0.1)).progressTo(new PrintStream(buf, true, StandardCharsets.UTF_8))
                    .progressInterval(3600).fitSteps(1000, s -> s, s -> {
                        if (s == 4) {
                            Thread.currentThread().interrupt(); // Kernel -> Interrupt during step 5
                        }
                        return quadratic(p);
                    });
            flagKept = Thread.currentThread().isInterrupted();
        } finally {
            Thread.interrupted();
        }
        assertEquals(5, h.steps(), "step 5 finishes, step 6 is not started");
        assertEquals("interrupted", h.stopReason());
        assertTrue(flagKept, "the interrupt flag stays set for the caller");
        double w = 0;
        for (int k = 0; k < 5; k++) {
            w -= 0.1 * 2 * (w - 3);
        }
        assertEquals(w, p.value("w").getDouble(0), 1e-12, "exactly the 5 finished updates are applied");
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[ID] Pelatihan dihentikan pada langkah 5")
                && out.contains("[EN] Training interrupted at step 5"), out);
    }

    @Test
    void interruptAlsoStopsEpochTraining() {
        Params p = oneParam(0);
        History h;
        try {
            h = new Trainer(p, new Sgd(0.1)).progress(false).fit(100, e -> List.of(1, 2, 3), b -> {
                if (b == 2) {
                    Thread.currentThread().interrupt();
                }
                return quadratic(p);
            });
        } finally {
            Thread.interrupted();
        }
        assertEquals(2, h.steps());
        assertEquals("interrupted", h.stopReason());
        assertEquals(List.of(), h.epochLoss(), "the unfinished epoch has no mean loss");
    }
}
