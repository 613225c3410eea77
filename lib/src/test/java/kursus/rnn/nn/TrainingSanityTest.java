package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.optim.Adam;
import kursus.rnn.optim.GradClip;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training sanity: gated cells learn to carry a symbol across 20 steps of distraction, the vanilla
 * RNN with the same budget does not.
 *
 * <p>Task ("remember the first symbol"): at step 0 the input is the one-hot code of a symbol
 * {@code s ∈ {0..3}} plus a marker channel set to 1; at steps 1..19 the symbol channels hold
 * Gaussian noise N(0, 1) and the marker is 0. After the last step the model must output {@code s}
 * (many-to-one, {@link SequenceClassifier}, softmax over 4 classes; chance = 25 %). The noise
 * enters through the same weights as the symbol, so only a cell that can close its input
 * (input/update gate, driven by the marker) and hold its state (forget/update gate) keeps the
 * symbol; a tanh RNN mixes 19 noise vectors into its state and its gradient to step 0 vanishes.
 *
 * <p>Same budget for every cell: hidden 16, batch 32, 800 Adam steps (lr 0.01), clip norm 5,
 * float32, fresh random batches, U(±1/√H) weights, five seeds (init and data). The gated cells start
 * with their "keep" gate biased to 2 (LSTM forget bias, GRU update bias {@code b_z}; in this GRU form
 * {@code z} multiplies {@code h_{t-1}}), the usual memory-friendly start; the RNN has no gate.
 * Measured (2026-12-03): the LSTM learns (test accuracy ≥ 0.95, loss &lt; 0.1) in 3 of 5 seeds
 * (seed 2 reaches 0.70, seed 3 stays at chance), the GRU in 5 of 5, and the RNN stays near chance
 * in 4 of 5 (accuracy 0.21–0.26, loss ≈ ln 4; seed 5 reaches 0.76). The LSTM's count moved between
 * 2 and 4 of 5 with the step budget (400 or 800) and with the float rounding order of one addition
 * in its forward pass: a one-seed version of this test passed or failed with that rounding, which is
 * why it now counts seeds and asks for the median run.
 */
class TrainingSanityTest {
    static final int K = 4, T = 20, H = 16, B = 32, STEPS = 800;
    /** Five runs per cell (init and data seeds), because one run's outcome can flip with float round-off. */
    static final long[] SEEDS = {1, 2, 3, 4, 5};

    /** A batch {@code [T, b, K+1]}; writes the symbol to remember into {@code labels}. */
    static INDArray batch(NumpyRandom rng, int b, int[] labels) {
        float[] x = new float[T * b * (K + 1)];
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < b; n++) {
                int off = (t * b + n) * (K + 1);
                if (t == 0) {
                    labels[n] = (int) rng.randint(K);
                    x[off + labels[n]] = 1f;
                    x[off + K] = 1f; // marker: "remember this one"
                } else {
                    for (int j = 0; j < K; j++) {
                        x[off + j] = (float) rng.randn();
                    }
                }
            }
        }
        return Nd4j.create(x, new long[] {T, b, K + 1}, 'c');
    }

    record Result(double finalLoss, double accuracy) {}

    static Result train(CellKind kind, long seed) {
        NumpyRandom init = new NumpyRandom(seed);
        RecurrentCell cell = kind.create(K + 1, H, DataType.FLOAT, Init.uniform(init));
        if (cell instanceof LstmCell lstm) {
            lstm.b_f().assign(2.0);
        } else if (cell instanceof GruCell gru) {
            gru.b_z().assign(2.0);
        }
        Dense head = new Dense(H, K, DataType.FLOAT, Init.uniform(init));
        SequenceClassifier model = new SequenceClassifier(null, cell, head, SequenceClassifier.Task.CLASSES);
        Adam adam = new Adam(0.01);
        NumpyRandom data = new NumpyRandom(seed + 100);
        int[] y = new int[B];
        double lossSum = 0;
        for (int s = 0; s < STEPS; s++) {
            double loss = model.forwardBackward(batch(data, B, y), null, y);
            if (s >= STEPS - 20) {
                lossSum += loss;
            }
            GradClip.clipByGlobalNorm(model.params(), 5);
            adam.step(model.params());
        }
        int n = 512;
        int[] testY = new int[n];
        INDArray p = model.predict(batch(new NumpyRandom(seed + 999), n, testY), null);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += p.getRow(i).argMax().getInt(0) == testY[i] ? 1 : 0;
        }
        return new Result(lossSum / 20, correct / (double) n);
    }

    /** How many of the {@link #SEEDS} runs satisfy {@code ok}, with every run's result for the message. */
    static String runs(CellKind kind, java.util.function.Predicate<Result> ok, int[] count) {
        StringBuilder sb = new StringBuilder(kind + ":");
        for (long seed : SEEDS) {
            Result r = train(kind, seed);
            count[0] += ok.test(r) ? 1 : 0;
            sb.append(String.format(java.util.Locale.ROOT, " seed %d acc %.3f loss %.3f;", seed, r.accuracy(), r.finalLoss()));
        }
        System.out.println(sb);
        return sb.toString();
    }

    static boolean learned(Result r) {
        return r.accuracy() >= 0.95 && r.finalLoss() < 0.1;
    }

    @Test
    void lstmRemembersTheFirstSymbolOverTwentySteps() {
        int[] n = {0};
        String log = runs(CellKind.LSTM, TrainingSanityTest::learned, n);
        assertTrue(n[0] >= 3, "at least 3 of 5 seeds should learn (the median run learns); " + log);
    }

    @Test
    void gruRemembersTheFirstSymbolOverTwentySteps() {
        int[] n = {0};
        String log = runs(CellKind.GRU, TrainingSanityTest::learned, n);
        assertTrue(n[0] >= 4, "at least 4 of 5 seeds should learn; " + log);
    }

    @Test
    void vanillaRnnStaysNearChanceWithTheSameBudget() {
        int[] n = {0};
        String log = runs(CellKind.RNN, r -> r.accuracy() < 0.40 && r.finalLoss() > 1.2, n);
        assertTrue(n[0] >= 4, "at least 4 of 5 seeds should stay near chance (accuracy 0.25, loss ln 4 = 1.386); " + log);
    }
}
