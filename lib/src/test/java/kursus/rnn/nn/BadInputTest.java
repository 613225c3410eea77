package kursus.rnn.nn;

import static kursus.rnn.Fixtures.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.Fixtures;
import kursus.rnn.loss.MeanSquaredError;
import kursus.rnn.loss.SigmoidBinaryCrossEntropy;
import kursus.rnn.loss.SoftmaxCrossEntropy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bad input fails early with a bilingual {@link IllegalArgumentException} whose message names the
 * argument, what was expected and what was found (never a raw ND4J exception or a wrong result).
 */
class BadInputTest {
    static final DataType D = DataType.DOUBLE;
    static final int I = 3, H = 4;

    /** Runs {@code call}, expects an IllegalArgumentException with both languages and every fragment. */
    static String fails(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String m = e.getMessage();
        assertTrue(m.contains("[ID]") && m.contains("[EN]"), "not bilingual: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "message lacks '" + f + "': " + m);
        }
        return m;
    }

    static RecurrentCell cell(CellKind kind) {
        return Fixtures.cell(kind.name().toLowerCase(), I, H, D, 1);
    }

    static State state(RecurrentCell c, int batch) {
        return c.hasCellState() ? State.of(randn(2, D, batch, H), randn(3, D, batch, H)) : State.of(randn(2, D, batch, H));
    }

    // ---------------------------------------------------------------- cells (RecurrentCell contract)

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsWrongInputSize(CellKind kind) {
        RecurrentCell c = cell(kind);
        fails(() -> c.forward(randn(1, D, 2, 5), null), "x_t", "input=3", "[2, 5]");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsWrongRank(CellKind kind) {
        RecurrentCell c = cell(kind);
        fails(() -> c.forward(randn(1, D, 3), null), "x_t", "[batch, input=3]", "[3]", "rank");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsStateWithAnotherBatchSize(CellKind kind) {
        RecurrentCell c = cell(kind);
        fails(() -> c.forward(randn(1, D, 2, I), state(c, 3)), "prev.h", "batch=2", "hidden=4", "[3, 4]");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsStateWithAnotherHiddenSize(CellKind kind) {
        RecurrentCell c = cell(kind);
        fails(() -> c.forward(randn(1, D, 2, I), State.of(randn(2, D, 2, 5))), "prev.h", "hidden=4", "[2, 5]");
    }

    @Test
    void lstmNeedsACellState() {
        RecurrentCell c = cell(CellKind.LSTM);
        fails(() -> c.forward(randn(1, D, 2, I), State.of(randn(2, D, 2, H))), "prev", "c [batch=2, hidden=4]", "null");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsNaNAndInfinity(CellKind kind) {
        RecurrentCell c = cell(kind);
        INDArray x = randn(1, D, 2, I);
        x.putScalar(1, 2, Double.NaN);
        fails(() -> c.forward(x, null), "x_t", "finite", "NaN", "[1, 2]", "[2, 3]");
        State s = state(c, 2);
        s.h().putScalar(0, 1, Double.POSITIVE_INFINITY);
        fails(() -> c.forward(randn(1, D, 2, I), s), "prev.h", "finite", "+Inf", "[0, 1]");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsHiddenOrInputSizeZero(CellKind kind) {
        fails(() -> kind.create(I, 0, D, Init.zeros()), "hiddenSize", "> 0", "0");
        fails(() -> kind.create(0, H, D, Init.zeros()), "inputSize", "> 0", "0");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellRejectsAnEmptyBatch(CellKind kind) {
        RecurrentCell c = cell(kind);
        fails(() -> c.forward(Nd4j.create(D, 0, I), null), "x_t", "batch", "[0, 3]");
        fails(() -> c.zeroState(0), "batch", "> 0", "0");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellBackwardRejectsAGradientOfAnotherShape(CellKind kind) {
        RecurrentCell c = cell(kind);
        Step s = c.forward(randn(1, D, 2, I), null);
        State bad = c.hasCellState() ? State.of(randn(4, D, 3, H), randn(5, D, 3, H)) : State.of(randn(4, D, 3, H));
        fails(() -> c.backward(bad, s), "dNext.h", "batch=2", "hidden=4", "[3, 4]");
        INDArray nan = randn(4, D, 2, H);
        nan.putScalar(0, 0, Double.NaN);
        fails(() -> c.backward(c.hasCellState() ? State.of(nan, randn(5, D, 2, H)) : State.of(nan), s), "dNext.h", "NaN");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cellBackwardRejectsAStepOfAnotherCell(CellKind kind) {
        RecurrentCell c = cell(kind), other = cell(kind);
        Step s = other.forward(randn(1, D, 2, I), null);
        fails(() -> c.backward(state(c, 2), s), "step", "forward()");
    }

    @Test
    void cellWithoutCellStateRejectsACellGradient() {
        RecurrentCell c = cell(CellKind.GRU);
        Step s = c.forward(randn(1, D, 2, I), null);
        fails(() -> c.backward(State.of(randn(4, D, 2, H), randn(5, D, 2, H)), s), "dNext.c", "null");
    }

    // ---------------------------------------------------------------- Recurrent

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void recurrentRejectsWrongShapes(CellKind kind) {
        Recurrent r = new Recurrent(cell(kind));
        fails(() -> r.forward(randn(1, D, 5, 2, 7)), "x", "[time, batch, input=3]", "[5, 2, 7]");
        fails(() -> r.forward(randn(1, D, 5, 3)), "x", "[time, batch, input=3]", "[5, 3]", "rank");
        fails(() -> r.forward(randn(1, D, 5, 2, I), state(r.cell(), 3), null), "h0.h", "batch=2", "[3, 4]");
        fails(() -> r.forward(randn(1, D, 5, 2, I), null, Nd4j.ones(D, 5, 3)), "mask", "[time=5, batch=2]", "[5, 3]");
        fails(() -> r.forward(randn(1, D, 5, 2, I), null, Nd4j.ones(D, 5, 2).muli(0.5)), "mask", "0 or 1", "0.5");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void recurrentRejectsEmptySequencesAndEmptyBatches(CellKind kind) {
        Recurrent r = new Recurrent(cell(kind));
        fails(() -> r.forward(Nd4j.create(D, 0, 2, I)), "x", "T >= 1", "[0, 2, 3]");
        fails(() -> r.forward(Nd4j.create(D, 5, 0, I)), "x", "batch", "[5, 0, 3]");
        fails(() -> r.forwardOneHot(new int[0][]), "ids", "T >= 1", "0");
        fails(() -> r.forwardOneHot(new int[][] {{}}), "ids", "batch", "0");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void recurrentRejectsBadIndexInputs(CellKind kind) {
        Recurrent r = new Recurrent(cell(kind));
        fails(() -> r.forwardOneHot(new int[][] {{0, 1}, {2}}), "ids[1]", "batch=2", "1");
        fails(() -> r.forwardOneHot(new int[][] {{0, 3}}), "ids[0][1]", "0..2", "3");
        fails(() -> r.forwardOneHot(new int[][] {null}), "ids[0]", "null");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void recurrentRejectsNaNInputs(CellKind kind) {
        Recurrent r = new Recurrent(cell(kind));
        INDArray x = randn(1, D, 5, 2, I);
        x.putScalar(new long[] {3, 1, 0}, Double.NEGATIVE_INFINITY);
        fails(() -> r.forward(x), "x", "finite", "-Inf", "[3, 1, 0]", "[5, 2, 3]");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void recurrentBackwardRejectsWrongGradients(CellKind kind) {
        Recurrent r = new Recurrent(cell(kind));
        Recurrent.Output out = r.forward(randn(1, D, 5, 2, I));
        fails(() -> r.backward(out, randn(2, D, 4, 2, H), null), "dH", "[time=5, batch=2, hidden=4]", "[4, 2, 4]");
        fails(() -> r.backward(out, null, State.of(randn(2, D, 3, H))), "dLast.h", "batch=2", "[3, 4]");
        INDArray dH = randn(2, D, 5, 2, H);
        dH.putScalar(new long[] {0, 0, 0}, Double.NaN);
        fails(() -> r.backward(out, dH, null), "dH", "NaN");
        Recurrent other = new Recurrent(r.cell());
        fails(() -> other.backward(out, null, null), "out", "forward()");
    }

    // ---------------------------------------------------------------- Dense

    @Test
    void denseRejectsWrongShapesAndNaN() {
        Dense d = new Dense(I, 2, D, Init.zeros());
        fails(() -> d.forward(randn(1, D, 4, 5)), "x", "in=3", "[4, 5]");
        fails(() -> d.forward(randn(1, D, 4, 2, 3)), "x", "[batch, in=3]", "[4, 2, 3]");
        INDArray x = randn(1, D, 4, I);
        fails(() -> d.backward(x, randn(2, D, 3, 2)), "dy", "[batch=4, out=2]", "[3, 2]");
        fails(() -> d.backward(x, randn(2, D, 4, 5)), "dy", "out=2", "[4, 5]");
        INDArray bad = x.dup();
        bad.putScalar(2, 0, Double.NaN);
        fails(() -> d.forward(bad), "x", "finite", "NaN", "[2, 0]", "[4, 3]");
        fails(() -> new Dense(I, 0, D, Init.zeros()), "outputSize", "> 0", "0");
        fails(() -> new Dense(0, 2, D, Init.zeros()), "inputSize", "> 0", "0");
    }

    @Test
    void denseRejectsAnEmptyBatch() {
        Dense d = new Dense(I, 2, D, Init.zeros());
        fails(() -> d.forward(Nd4j.create(D, 0, I)), "x", "batch", "[0, 3]");
    }

    // ---------------------------------------------------------------- losses

    @Test
    void softmaxCrossEntropyRejectsBadArguments() {
        INDArray z = randn(1, D, 3, 4);
        fails(() -> SoftmaxCrossEntropy.compute(randn(1, D, 12), new int[3]), "logits", "[rows, cols]", "[12]");
        fails(() -> SoftmaxCrossEntropy.compute(z, new int[] {0, 1}), "targets", "N=3", "2");
        fails(() -> SoftmaxCrossEntropy.compute(z, new int[] {0, 4, 1}), "targets[1]", "0..3", "4");
        fails(() -> SoftmaxCrossEntropy.compute(z, new int[3], Nd4j.ones(D, 2)), "mask", "3", "[2]");
        INDArray bad = z.dup();
        bad.putScalar(0, 3, Double.POSITIVE_INFINITY);
        fails(() -> SoftmaxCrossEntropy.compute(bad, new int[3]), "logits", "finite", "+Inf", "[0, 3]", "[3, 4]");
        fails(() -> SoftmaxCrossEntropy.compute(Nd4j.create(D, 0, 4), new int[0]), "logits", "rows", "0");
    }

    @Test
    void sigmoidBinaryCrossEntropyRejectsBadArguments() {
        INDArray z = randn(1, D, 3, 2);
        fails(() -> SigmoidBinaryCrossEntropy.compute(z, Nd4j.zeros(D, 2, 3)), "targets", "[rows=3, cols=2]", "[2, 3]");
        fails(() -> SigmoidBinaryCrossEntropy.compute(z, Nd4j.ones(D, 3, 2).muli(2)), "targets", "[0, 1]", "2.0");
        INDArray t = Nd4j.zeros(D, 3, 2);
        t.putScalar(1, 1, Double.NaN);
        fails(() -> SigmoidBinaryCrossEntropy.compute(z, t), "targets", "finite", "NaN", "[1, 1]");
    }

    @Test
    void meanSquaredErrorRejectsBadArguments() {
        INDArray p = randn(1, D, 3, 2);
        fails(() -> MeanSquaredError.compute(p, randn(2, D, 3, 1)), "targets", "[rows=3, cols=2]", "[3, 1]");
        fails(() -> MeanSquaredError.compute(p, randn(2, D, 6)), "targets", "[rows=3, cols=2]", "[6]");
        INDArray bad = p.dup();
        bad.putScalar(2, 1, Double.NaN);
        fails(() -> MeanSquaredError.compute(bad, randn(2, D, 3, 2)), "predictions", "finite", "NaN", "[2, 1]");
        fails(() -> MeanSquaredError.compute(p, randn(2, D, 3, 2), Nd4j.zeros(D, 3)), "mask", "at least one");
    }

    // ---------------------------------------------------------------- models

    @Test
    void sequenceClassifierNamesItsLabels() {
        Dense head = new Dense(H, 3, D, Init.zeros());
        SequenceClassifier m = new SequenceClassifier(null, cell(CellKind.LSTM), head, SequenceClassifier.Task.CLASSES);
        INDArray x = randn(1, D, 5, 2, I);
        fails(() -> m.forwardBackward(x, null, new int[] {0, 1, 2}), "labels", "batch=2", "3");
        fails(() -> m.forwardBackward(x, null, new int[] {0, 3}), "labels[1]", "0..2", "3");
        SequenceClassifier reg = new SequenceClassifier(null, cell(CellKind.GRU), new Dense(H, 2, D, Init.zeros()), SequenceClassifier.Task.REGRESSION);
        fails(() -> reg.forwardBackward(x, null, randn(2, D, 2, 3)), "targets", "[batch=2, outputs=2]", "[2, 3]");
    }

    @Test
    void charLanguageModelRejectsMismatchedTargets() {
        CharLanguageModel lm = new CharLanguageModel(cell(CellKind.RNN), new Dense(H, I, D, Init.zeros()));
        fails(() -> lm.forwardBackward(new int[][] {{0, 1}, {1, 2}}, new int[][] {{1, 2}}), "targets", "T=2", "1");
        fails(() -> lm.forwardBackward(new int[][] {{0, 1}, {1, 2}}, new int[][] {{1, 2}, {2}}), "targets[1]", "batch=2", "1");
        fails(() -> lm.forwardBackward(new int[0][], new int[0][]), "inputs", "T >= 1", "0");
    }
}
