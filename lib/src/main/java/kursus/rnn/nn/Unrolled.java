package kursus.rnn.nn;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sequence pass every cell gets by default: the one-step rule ({@link RecurrentCell#forward},
 * {@link RecurrentCell#backward}) in a loop over time, exactly as the lecture unrolls it. A padded
 * step keeps the previous state: {@code s_t = m_t·step(x_t, s_{t−1}) + (1 − m_t)·s_{t−1}} row by row,
 * and its backward splits the gradient the same way.
 */
final class Unrolled extends SequenceCache {
    private final List<Step> steps;
    private final INDArray hAll;
    private final INDArray cAll;
    private final State last;

    private Unrolled(RecurrentCell cell, SequenceInput x, List<Step> steps, INDArray hAll, INDArray cAll, State last) {
        super(cell, x);
        this.steps = steps;
        this.hAll = hAll;
        this.cAll = cAll;
        this.last = last;
    }

    @Override
    public INDArray h() {
        return hAll;
    }

    @Override
    public INDArray c() {
        return cAll;
    }

    @Override
    public State last() {
        return last;
    }

    /** {@code fwd} as the default pass of {@code cell}, or a clear error (e.g. forwardSequence overridden but not backwardSequence). */
    static Unrolled of(RecurrentCell cell, SequenceCache fwd) {
        if (fwd instanceof Unrolled u && u.cell() == cell) {
            return u;
        }
        throw Msg.badInput(
                "fwd: harus hasil forwardSequence() bawaan dari sel yang sama (sel yang mengganti forwardSequence juga harus mengganti backwardSequence)",
                "fwd: expected the result of the default forwardSequence() of this same cell (a cell that overrides forwardSequence must also override backwardSequence)");
    }

    /** Forward: {@code s_t = cell.forward(x_t, s_{t−1})} for {@code t = 1..T}. */
    static Unrolled forward(RecurrentCell cell, SequenceInput x, State h0) {
        int T = x.length(), B = x.batch(), H = cell.hiddenSize();
        DataType dt = cell.dataType();
        INDArray hAll = Nd4j.zeros(dt, T, B, H);
        INDArray cAll = cell.hasCellState() ? Nd4j.zeros(dt, T, B, H) : null;
        List<Step> steps = new ArrayList<>(T);
        State s = h0;
        for (int t = 0; t < T; t++) {
            Step step = cell.forward(x.step(t), s);
            steps.add(step);
            State next = step.next();
            if (x.hasMask()) {
                INDArray m = maskColumn(x, t, dt);
                next = new State(blend(next.h(), s.h(), m), next.c() == null ? null : blend(next.c(), s.c(), m));
            }
            hAll.slice(t).assign(next.h());
            if (cAll != null) {
                cAll.slice(t).assign(next.c());
            }
            s = next;
        }
        return new Unrolled(cell, x, steps, hAll, cAll, s);
    }

    /** Backward: {@code cell.backward} for {@code t = T..1}, adding {@code dH[t]} to the gradient reaching {@code h_t}. */
    Recurrent.Gradients backward(INDArray dH, State dLast) {
        RecurrentCell cell = cell();
        SequenceInput x = input();
        int T = x.length(), B = x.batch(), H = cell.hiddenSize();
        DataType dt = cell.dataType();
        INDArray dh = dLast == null || dLast.h() == null ? Nd4j.zeros(dt, B, H) : Tensors.as(dt, dLast.h()).dup('c');
        INDArray dc = null;
        if (cell.hasCellState()) {
            dc = dLast == null || dLast.c() == null ? Nd4j.zeros(dt, B, H) : Tensors.as(dt, dLast.c()).dup('c');
        }
        INDArray dX = x.isOneHot() ? null : Nd4j.zeros(dt, T, B, cell.inputSize());
        for (int t = T - 1; t >= 0; t--) {
            if (dH != null) {
                dh.addi(dH.slice(t));
            }
            State dNext = new State(dh, dc);
            INDArray carriedH = null, carriedC = null; // the part that skips a padded step
            if (x.hasMask()) {
                INDArray m = maskColumn(x, t, dt), notM = m.rsub(1.0);
                carriedH = dh.mulColumnVector(notM);
                carriedC = dc == null ? null : dc.mulColumnVector(notM);
                dNext = new State(dh.mulColumnVector(m), dc == null ? null : dc.mulColumnVector(m));
            }
            StepGrad g = cell.backward(dNext, steps.get(t));
            if (dX != null) {
                dX.slice(t).assign(g.dx());
            }
            dh = g.dPrev().h().dup('c');
            dc = g.dPrev().c() != null ? g.dPrev().c().dup('c') : (cell.hasCellState() ? Nd4j.zeros(dt, B, H) : null);
            if (carriedH != null) {
                dh.addi(carriedH);
                if (dc != null && carriedC != null) {
                    dc.addi(carriedC);
                }
            }
        }
        return new Recurrent.Gradients(dX, new State(dh, dc));
    }

    /** Mask of step {@code t} as a column {@code [B, 1]}. */
    private static INDArray maskColumn(SequenceInput x, int t, DataType dt) {
        INDArray col = Nd4j.zeros(dt, x.batch(), 1);
        for (int n = 0; n < x.batch(); n++) {
            col.putScalar(n, 0, x.on(t, n) ? 1.0 : 0.0);
        }
        return col;
    }

    /** {@code m·a + (1 − m)·b}, row by row. */
    private static INDArray blend(INDArray a, INDArray b, INDArray m) {
        return a.mulColumnVector(m).addi(b.mulColumnVector(m.rsub(1.0)));
    }
}
