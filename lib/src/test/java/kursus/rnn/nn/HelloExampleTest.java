package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lecture's worked "hello" example ({@code src/test/resources/oracles/hello_002.py}, slides "Forward Propagation in a Recurrent
 * Neuron"): vocabulary {h, e, l, o}, one-hot inputs, {@code Wxh} 3×4, a scalar {@code Whh = 0.427043},
 * bias 0.567001, {@code Why} 4×3; feed "h" then "e" and compare every printed number up to the softmax
 * probabilities. The slides use column vectors ({@code Wxh·x}); {@link PaperLayout} transposes.
 *
 * <p>Printed values that are not what the slides' own arithmetic gives:
 * <ul>
 *   <li><b>Slide typo:</b> step 6 shows {@code h_t = (0.936534, 0.945104, 0.762341)}, but step 5
 *       computed {@code h_t[1] = tanh(0.951149 + 0.871522) = 0.94910403}, and the printed
 *       {@code y} was computed with 0.949104 (with 0.945104, {@code y_0} would be 1.90218, not
 *       1.90607732). So 0.945104 is a typo for 0.949104. (The transcript's "0.54910403" in step 5
 *       is an OCR misreading of 0.94910403.)</li>
 *   <li>The transcript reads {@code Why[1][0]} as 0.39141; the printed {@code y_1 = 1.13779113}
 *       needs 0.39181 (0.39141 gives 1.13741), so the test uses 0.39181. The first column of
 *       {@code Why} is printed with 5 decimals only, which limits {@code y} to about 1e-5; the
 *       probabilities then agree with the slide to 1e-6.</li>
 * </ul>
 * Columns 3 and 4 of {@code Wxh} (for "l" and "o") are never used by the two steps shown.
 * Oracle: {@code src/test/resources/oracles/hello_002.py}.
 */
class HelloExampleTest {
    static final DataType D = DataType.DOUBLE;

    static final double[][] WXH = {
        {0.287027359, 0.84606, 0.572392, 0.486813},
        {0.902874425, 0.871522, 0.691079, 0.18998},
        {0.537523791, 0.09224, 0.558159, 0.491528}};
    static final double WHH = 0.427043;
    static final double BIAS = 0.567001;
    static final double[][] WHY = {
        {0.37168, 0.974829459, 0.830034886},
        {0.39181, 0.282585823, 0.659335709}, // transcript: 0.39141 (see class comment)
        {0.64985, 0.09821557, 0.334287084},
        {0.91266, 0.32581642, 0.144630018}};

    private static RnnCell cell() {
        RnnCell cell = new RnnCell(4, 3, D, Init.zeros());
        PaperLayout.loadRnn(cell, Nd4j.create(WXH), PaperLayout.scalarRecurrentWeight(WHH, 3), Nd4j.valueArrayOf(new long[] {3, 1}, BIAS));
        return cell;
    }

    private static Dense readout() {
        Dense d = new Dense(3, 4, D, Init.zeros());
        PaperLayout.loadDense(d, Nd4j.create(WHY), Nd4j.zeros(D, 4, 1));
        return d;
    }

    private static INDArray oneHot(int k) {
        INDArray x = Nd4j.zeros(D, 1, 4);
        x.putScalar(0, k, 1.0);
        return x;
    }

    private static void assertVector(double[] expected, INDArray actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.getDouble(i), tol, "entry " + i);
        }
    }

    @Test
    void stepOneLetterH() {
        // slide step 3: tanh([0.854028, 1.469875, 1.104525]) = [0.693168, 0.899554, 0.802118]
        Step s = cell().forward(oneHot(0), null);
        assertVector(new double[] {0.693168, 0.899554, 0.802118}, s.h(), 1e-6);
    }

    @Test
    void stepTwoLetterE() {
        RnnCell cell = cell();
        INDArray h1 = cell.forward(oneHot(0), null).h();
        // slide step 4: Whh·h(t-1) + bias
        INDArray recurrent = h1.mmul(cell.W_hh().value()).addRowVector(cell.b_h().value());
        assertVector(new double[] {0.863013, 0.951149, 0.90954}, recurrent, 1e-6);
        // slide step 5
        INDArray h2 = cell.forward(oneHot(1), State.of(h1)).h();
        assertVector(new double[] {0.93653372, 0.94910403, 0.76234056}, h2, 1e-6);
    }

    @Test
    void outputAndSoftmaxProbabilities() {
        Recurrent rnn = new Recurrent(cell());
        INDArray h2 = rnn.forwardOneHot(new int[][] {{0}, {1}}).last().h(); // "h", then "e"
        INDArray y = readout().forward(h2);
        // slide step 6 (first column of Why printed to 5 decimals: agreement to ~1e-5)
        assertVector(new double[] {1.90607732, 1.13779113, 0.95666016, 1.27422602}, y, 1e-5);
        // slide step 7: class-wise probabilities for the next letter
        INDArray p = Activations.softmax(y);
        assertVector(new double[] {0.419748, 0.194682, 0.162429, 0.223141}, p, 1e-6);
        // "the model says the letter after 'e' is 'h'" (untrained network)
        assertEquals(0, p.argMax(1).getInt(0));
    }
}
