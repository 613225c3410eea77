package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.latihan.Latihan09.Mistake;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.nn.State;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Latihan 9 accepts correct many-to-one forwards and names each typical mistake. */
class Latihan09Test {

    /** The loop with the mask carrying the state (the notebook's reference solution). */
    static INDArray carried(RecurrentCell cell, INDArray x, INDArray mask) {
        int T = (int) x.size(0), B = (int) x.size(1);
        State s = cell.zeroState(B);
        for (int t = 0; t < T; t++) {
            State n = cell.forward(x.slice(t), s).next();
            INDArray m = mask.getRow(t).reshape(B, 1);
            s = State.of(n.h().mul(m).add(s.h().mul(m.rsub(1.0))), n.c().mul(m).add(s.c().mul(m.rsub(1.0))));
        }
        return s.h();
    }

    /** Runs every step unmasked and keeps, per sentence, the state after {@code length + shift} tokens. */
    static INDArray pickAt(RecurrentCell cell, INDArray x, INDArray mask, int shift, boolean cellState) {
        int T = (int) x.size(0), B = (int) x.size(1);
        INDArray out = null;
        State s = cell.zeroState(B);
        int[] len = new int[B];
        for (int b = 0; b < B; b++) len[b] = (int) mask.getColumn(b).sumNumber().doubleValue();
        out = s.h().dup();
        for (int t = 0; t < T; t++) {
            s = cell.forward(x.slice(t), s).next();
            for (int b = 0; b < B; b++) {
                if (t == len[b] - 1 + shift) out.getRow(b).assign((cellState ? s.c() : s.h()).getRow(b));
            }
        }
        return out;
    }

    @Test
    void acceptsTheMaskedLoop() {
        Verdict<Mistake> v = Latihan09.evaluateManyToOne(Latihan09Test::carried);
        assertTrue(v.passed(), v.message());
        assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
    }

    @Test
    void acceptsPickingTheLastRealStep() {
        Verdict<Mistake> v = Latihan09.evaluateManyToOne((c, x, m) -> pickAt(c, x, m, 0, false));
        assertTrue(v.passed(), v.message());
    }

    @Test
    void namesTheLastPaddedStep() {
        Verdict<Mistake> v = Latihan09.evaluateManyToOne((c, x, m) -> {
            State s = c.zeroState((int) x.size(1));
            for (int t = 0; t < x.size(0); t++) s = c.forward(x.slice(t), s).next();
            return s.h();
        });
        assertEquals(Mistake.LAST_PADDED_STEP, v.mistake(), v.message());
    }

    @Test
    void namesTheStateZeroedAtPadding() {
        Verdict<Mistake> v = Latihan09.evaluateManyToOne((c, x, mask) -> {
            int B = (int) x.size(1);
            State s = c.zeroState(B);
            for (int t = 0; t < x.size(0); t++) {
                State n = c.forward(x.slice(t), s).next();
                INDArray m = mask.getRow(t).reshape(B, 1);
                s = State.of(n.h().mul(m), n.c().mul(m));
            }
            return s.h();
        });
        assertEquals(Mistake.ZEROED_AT_PADDING, v.mistake(), v.message());
    }

    @Test
    void namesOffByOne() {
        assertEquals(Mistake.OFF_BY_ONE_LATE, Latihan09.evaluateManyToOne((c, x, m) -> pickAt(c, x, m, 1, false)).mistake());
        assertEquals(Mistake.OFF_BY_ONE_EARLY, Latihan09.evaluateManyToOne((c, x, m) -> pickAt(c, x, m, -1, false)).mistake());
    }

    @Test
    void namesTheCellState() {
        assertEquals(Mistake.CELL_STATE, Latihan09.evaluateManyToOne((c, x, m) -> pickAt(c, x, m, 0, true)).mistake());
    }

    @Test
    void namesShapeAndExceptions() {
        assertEquals(Mistake.WRONG_SHAPE, Latihan09.evaluateManyToOne((c, x, m) -> carried(c, x, m).transpose()).mistake());
        assertEquals(Mistake.EXCEPTION, Latihan09.evaluateManyToOne((c, x, m) -> { throw new UnsupportedOperationException("TODO"); }).mistake());
        assertEquals(Mistake.EXCEPTION, Latihan09.evaluateManyToOne((c, x, m) -> null).mistake());
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan09.checkManyToOne((c, x, m) -> x.slice(0)));
        assertTrue(e.getMessage().startsWith("Latihan 9.1: "), e.getMessage());
    }
}
