package kursus.rnn.nn;

import static kursus.rnn.Fixtures.maxDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.core.Params;
import kursus.rnn.optim.Adam;
import kursus.rnn.optim.GradClip;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A cell written the way a student writes one in a notebook (only the one-step rule, with plain
 * ND4J operations) trains through exactly the same path as the built-in cells: {@link Recurrent},
 * {@link CharLanguageModel}, the optimiser. With the weights of a built-in {@link RnnCell} it
 * gives the built-in cell's numbers.
 */
class StudentCellTest {
    static final DataType D = DataType.DOUBLE;

    /** h_t = tanh(x_t·W_xh + h_{t-1}·W_hh + b_h), as in lesson 02. */
    static final class MyRnnCell implements RecurrentCell {
        final int input, hidden;
        final Params params = new Params();

        MyRnnCell(int input, int hidden, NumpyRandom rng) {
            this.input = input;
            this.hidden = hidden;
            params.add("W_xh", rng.randn(D, input, hidden).muli(0.3));
            params.add("W_hh", rng.randn(D, hidden, hidden).muli(0.3));
            params.add("b_h", Nd4j.zeros(D, 1, hidden));
        }

        public int inputSize() {
            return input;
        }

        public int hiddenSize() {
            return hidden;
        }

        public DataType dataType() {
            return D;
        }

        public Params params() {
            return params;
        }

        public boolean hasCellState() {
            return false;
        }

        public State zeroState(int batch) {
            return State.of(Nd4j.zeros(D, batch, hidden));
        }

        public Step forward(INDArray x, State prev) {
            INDArray hPrev = prev.h();
            INDArray h = Activations.tanh(x.mmul(params.value("W_xh")).addi(hPrev.mmul(params.value("W_hh")))
                    .addiRowVector(params.value("b_h")));
            return new Step(x, State.of(h), new INDArray[] {x, hPrev, h});
        }

        public StepGrad backward(State dNext, Step step) {
            INDArray[] c = step.cache(INDArray[].class);
            INDArray x = c[0], hPrev = c[1], h = c[2];
            INDArray da = dNext.h().mul(Activations.tanhDerivative(h)); // dL/da = dh ∘ (1 − h²)
            params.grad("W_xh").addi(x.transpose().mmul(da));
            params.grad("W_hh").addi(hPrev.transpose().mmul(da));
            params.grad("b_h").addi(da.sum(0).reshape(1, hidden));
            return new StepGrad(da.mmul(params.value("W_xh").transpose()), State.of(da.mmul(params.value("W_hh").transpose())));
        }
    }

    @Test
    void aStudentCellTrainsThroughTheSamePathAndMatchesTheBuiltInCell() {
        int V = 6, H = 5, T = 7, B = 3;
        MyRnnCell mine = new MyRnnCell(V, H, new NumpyRandom(1));
        RnnCell builtIn = new RnnCell(V, H, D, Init.zeros());
        builtIn.W_xh().set(mine.params.value("W_xh"));
        builtIn.W_hh().set(mine.params.value("W_hh"));
        NumpyRandom r = new NumpyRandom(2);
        Dense outA = new Dense(H, V, D, Init.uniform(r));
        Dense outB = new Dense(H, V, D, Init.zeros());
        outB.W().set(outA.W().value());
        CharLanguageModel a = new CharLanguageModel(mine, outA), b = new CharLanguageModel(builtIn, outB);
        Adam optA = new Adam(0.05), optB = new Adam(0.05);

        // a small repeating text: "abcdefabcdef..." cut into B streams
        int[][] in = new int[T][B], target = new int[T][B];
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < B; n++) {
                in[t][n] = (t + 2 * n) % V;
                target[t][n] = (t + 2 * n + 1) % V;
            }
        }
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++) {
            double la = a.forwardBackward(in, target), lb = b.forwardBackward(in, target);
            assertEquals(lb, la, 1e-9, "step " + step);
            GradClip.clipByGlobalNorm(a.params(), 5.0);
            GradClip.clipByGlobalNorm(b.params(), 5.0);
            optA.step(a.params());
            optB.step(b.params());
            if (step == 0) {
                first = la;
            }
            last = la;
        }
        assertTrue(last < 0.25 * first, "the student's cell learns the repeating text: " + first + " -> " + last);
        assertTrue(maxDiff(mine.params.value("W_hh"), builtIn.W_hh().value()) < 1e-8);
    }

    @Test
    void recurrentHandsAStudentCellTheDefaultSequencePass() {
        MyRnnCell mine = new MyRnnCell(4, 3, new NumpyRandom(5));
        Recurrent rnn = new Recurrent(mine);
        Recurrent.Output out = rnn.forward(new NumpyRandom(6).randn(D, 5, 2, 4));
        assertSame(mine, out.cache().cell());
        assertEquals(5, out.h().size(0));
        Recurrent.Gradients g = rnn.backward(out, Nd4j.onesLike(out.h()), null);
        assertEquals(5, g.dX().size(0));
    }
}
