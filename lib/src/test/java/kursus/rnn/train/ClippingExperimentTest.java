package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.train.ClippingExperiment.Clip;
import org.junit.jupiter.api.Test;

/** Lesson 04's clipping experiment on a short, cheap setting (gap 5, 40 steps). */
class ClippingExperimentTest {

    private static ClippingExperiment small(Clip clip, double threshold) {
        return ClippingExperiment.of(clip, threshold).gap(5).steps(40);
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne() {
        ClippingExperiment.Result a = small(Clip.NONE, 0).run(1);
        assertArrayEquals(a.losses(), small(Clip.NONE, 0).run(1).losses(), 0.0);
        assertTrue(a.losses()[0] != small(Clip.NONE, 0).run(2).losses()[0]);
        assertEquals(40, a.losses().length);
        assertEquals(40, a.norms().length);
    }

    @Test
    void allVariantsStartFromTheSameModelAndDataSoTheFirstStepIsIdentical() {
        ClippingExperiment.Result none = small(Clip.NONE, 0).run(3);
        ClippingExperiment.Result norm = small(Clip.NORM, 5).run(3);
        ClippingExperiment.Result value = small(Clip.VALUE, 10).run(3);
        assertEquals(none.losses()[0], norm.losses()[0], 0.0);
        assertEquals(none.norms()[0], value.norms()[0], 0.0, "norms are measured before clipping");
        assertEquals(0, none.clippedSteps());
    }

    @Test
    void normClippingCountsTheStepsAboveTheThresholdAndValueClippingOnlyClampedSteps() {
        // rho = 3 explodes: the norm is far above 1 at almost every step, yet few single entries exceed 10
        ClippingExperiment.Result norm = small(Clip.NORM, 1).run(1);
        long above = java.util.Arrays.stream(norm.norms()).filter(n -> n > 1 + 1e-6).count();
        assertEquals(above, norm.clippedSteps());
        ClippingExperiment.Result value = ClippingExperiment.of(Clip.VALUE, 10).steps(40).run(1); // gap 20
        assertTrue(value.maxNorm() > 100, "the default setting explodes: " + value.maxNorm());
        long normAboveTen = java.util.Arrays.stream(value.norms()).filter(n -> n > 10).count();
        assertTrue(value.clippedSteps() < normAboveTen,
                "a norm above 10 does not mean an entry above 10: " + value.clippedSteps() + " vs " + normAboveTen);
    }

    @Test
    void finalLossIsTheMeanOfTheLast25StepsAndADivergedRunNeverCountsAsLearned() {
        ClippingExperiment.Result r = small(Clip.NORM, 5).run(2);
        double s = 0;
        for (int i = 15; i < 40; i++) {
            s += r.losses()[i];
        }
        assertEquals(s / 25, r.finalLoss(), 1e-12);
        ClippingExperiment.Result diverged = new ClippingExperiment.Result(1, new double[] {1.0}, new double[] {1.0}, 0, 2);
        assertEquals(Double.POSITIVE_INFINITY, diverged.finalLoss());
    }

    @Test
    void badSettingsAreRefusedBilingually() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClippingExperiment.of(Clip.NORM, 0));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("threshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClippingExperiment.of(null, 1));
        assertThrows(IllegalArgumentException.class, () -> ClippingExperiment.of(Clip.NONE, 0).learningRate(0));
    }
}
