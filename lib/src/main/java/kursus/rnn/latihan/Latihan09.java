package kursus.rnn.latihan;

import java.util.Arrays;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.nn.Recurrent;
import kursus.rnn.nn.RecurrentCell;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Exercise 9 (lesson 09): the many-to-one forward pass over a right-padded batch.
 *
 * <pre>
 * for t = 1..T:   (h', c') = cell(x_t, (h, c))
 *                 h = m_t ⊙ h' + (1 − m_t) ⊙ h      m_t [B, 1]: 1 at a real token, 0 at padding
 *                 c = m_t ⊙ c' + (1 − m_t) ⊙ c      (padding carries the state unchanged)
 * result: h [B, H] = each sequence's hidden state at its LAST REAL token
 * </pre>
 *
 * {@link #checkManyToOne} runs the student's function on two fresh seeded LSTM batches whose
 * sequences have different lengths (one fills the whole batch, one has a single token; the padded
 * steps hold the embedding of {@code <pad>}, not zeros), compares with the reference, and recognises
 * the usual mistakes: the state after the last padded step (mask ignored), the state zeroed at
 * padding, one step too late or too early, the cell state instead of the hidden state.
 */
public final class Latihan09 {
    private Latihan09() {}

    /** The student's function: h at each sequence's last real token, {@code [B, H]}. */
    @FunctionalInterface
    public interface ManyToOne {
        /**
         * @param cell the recurrent cell (one-step API: {@code cell.forward(x_t, state).next()}, {@code cell.zeroState(B)})
         * @param x inputs {@code [T, B, E]}, time-major, right-padded
         * @param mask {@code [T, B]}: 1 at real tokens, 0 at padding
         */
        INDArray lastRealState(RecurrentCell cell, INDArray x, INDArray mask);
    }

    /** The mistakes the check recognises. */
    public enum Mistake {
        /** Everything correct. */
        NONE,
        /** The function threw an exception or returned null. */
        EXCEPTION,
        /** The result is not {@code [B, H]}. */
        WRONG_SHAPE,
        /** The state after the last time step of the padded batch: the padding was processed as if it were text. */
        LAST_PADDED_STEP,
        /** The state multiplied by the mask: padded sequences end with a zero state instead of a carried one. */
        ZEROED_AT_PADDING,
        /** One step too late: the state after the first padding step. */
        OFF_BY_ONE_LATE,
        /** One step too early: the state before the last real token. */
        OFF_BY_ONE_EARLY,
        /** The LSTM's cell state c instead of the hidden state h. */
        CELL_STATE,
        /** Wrong values that match none of the known mistakes. */
        UNKNOWN
    }

    static final double TOL = 1e-6;

    private record Case(String name, int[] lengths, int input, int hidden, long seed) {}

    private static final Case[] CASES = {
        new Case("A", new int[] {5, 2, 4, 1}, 3, 5, 901),
        new Case("B", new int[] {3, 6, 1}, 5, 3, 902),
    };

    /** Runs the student's function and prints the verdict; throws {@link ExerciseFailedException} ("Latihan 9.1: MISTAKE") on failure. */
    public static void checkManyToOne(ManyToOne f) {
        Exercise.report("Latihan 9.1", evaluateManyToOne(f));
    }

    /** Runs the checks without printing or throwing (used by the tests). */
    public static Verdict<Mistake> evaluateManyToOne(ManyToOne f) {
        if (f == null) {
            return new Verdict<>(false, Mistake.EXCEPTION, Exercise.noFunction());
        }
        StringBuilder log = new StringBuilder();
        for (Case c : CASES) {
            Verdict<Mistake> v = runCase(f, c, log);
            if (!v.passed()) {
                return v;
            }
        }
        return new Verdict<>(true, Mistake.NONE, log + Msg.of(
                "✓ Benar! Setiap kalimat membaca state tersembunyi di token aslinya yang terakhir; padding membawa state tanpa mengubahnya.",
                "✓ Correct! Every sentence reads its hidden state at its last real token; padding carries the state without changing it."));
    }

    /** One case's data: a seeded LSTM (forget bias 1), inputs with a fixed {@code <pad>} vector at padded steps, and the mask. */
    record Data(LstmCell cell, INDArray x, INDArray mask, int[] lengths) {}

    static Data data(Case c) {
        NumpyRandom rng = new NumpyRandom(c.seed());
        LstmCell cell = new LstmCell(c.input(), c.hidden(), DataType.DOUBLE, Init.xavierUniform(rng));
        int T = Arrays.stream(c.lengths()).max().getAsInt(), B = c.lengths().length;
        INDArray x = rng.randn(DataType.DOUBLE, T, B, c.input());                     // [T, B, E]
        INDArray padVector = rng.randn(DataType.DOUBLE, c.input());                   // embedding of <pad>
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, T, B);                             // [T, B]
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                if (t < c.lengths()[b]) {
                    mask.putScalar(t, b, 1.0);
                } else {
                    x.get(NDArrayIndex.point(t), NDArrayIndex.point(b), NDArrayIndex.all()).assign(padVector);
                }
            }
        }
        return new Data(cell, x, mask, c.lengths());
    }

    private static Verdict<Mistake> runCase(ManyToOne f, Case c, StringBuilder log) {
        Data d = data(c);
        int B = d.lengths().length, T = (int) d.x().size(0), H = c.hidden();
        // every state of the unmasked run: row b at step t = the state after reading tokens 0..t of column b
        Recurrent.Output all = new Recurrent(d.cell()).forward(d.x());
        INDArray hs = all.h(), cs = all.c();                                            // [T, B, H]
        INDArray expected = pick(hs, d.lengths(), H);
        String head = String.format("Latihan 9, kasus/case %s (T = %d, B = %d, H = %d, panjang/lengths %s): ",
                c.name(), T, B, H, Arrays.toString(d.lengths()));
        INDArray got;
        try {
            got = f.lastRealState(d.cell(), d.x().dup(), d.mask().dup());
        } catch (RuntimeException e) {
            log.append(head).append("✗\n");
            return new Verdict<>(false, Mistake.EXCEPTION, log + Msg.of(
                    "✗ Fungsi Anda melempar " + Exercise.threw(e), "✗ Your function threw " + Exercise.threw(e)));
        }
        if (got == null) {
            log.append(head).append("✗\n");
            return new Verdict<>(false, Mistake.EXCEPTION, log + Msg.of("✗ Fungsi Anda mengembalikan null.", "✗ Your function returned null."));
        }
        if (got.rank() != 2 || got.size(0) != B || got.size(1) != H) {
            log.append(head).append("✗\n");
            return new Verdict<>(false, Mistake.WRONG_SHAPE, log + Exercise.likelyMistake(
                    "bentuk hasil " + Arrays.toString(got.shape()) + ", seharusnya [B, H] = [" + B + ", " + H + "]: satu state tersembunyi per kalimat.",
                    "the result has shape " + Arrays.toString(got.shape()) + ", expected [B, H] = [" + B + ", " + H + "]: one hidden state per sentence."));
        }
        INDArray g = got.castTo(DataType.DOUBLE);
        double err = relErr(g, expected);
        log.append(head).append(String.format("galat relatif/relative error %.1e  %s%n", err, err < TOL ? "✓" : "✗"));
        if (err < TOL) {
            return new Verdict<>(true, Mistake.NONE, log.toString());
        }
        int[] last = new int[B], late = new int[B], early = new int[B];
        for (int b = 0; b < B; b++) {
            last[b] = T;
            late[b] = Math.min(d.lengths()[b] + 1, T);
            early[b] = d.lengths()[b] - 1;
        }
        Mistake m = Mistake.UNKNOWN;
        if (relErr(g, pick(hs, last, H)) < TOL) {
            m = Mistake.LAST_PADDED_STEP;
        } else if (relErr(g, zeroedAtPadding(expected, d.lengths(), T)) < TOL) {
            m = Mistake.ZEROED_AT_PADDING;
        } else if (relErrRows(g, pick(hs, late, H), rows(d.lengths(), l -> l < T)) < TOL) {
            m = Mistake.OFF_BY_ONE_LATE;
        } else if (relErrRows(g, pick(hs, early, H), rows(d.lengths(), l -> l > 1)) < TOL) {
            m = Mistake.OFF_BY_ONE_EARLY;
        } else if (relErr(g, pick(cs, d.lengths(), H)) < TOL) {
            m = Mistake.CELL_STATE;
        }
        return new Verdict<>(false, m, log + advice(m));
    }

    /** Row b = states[counts[b] − 1, b] (zeros when counts[b] = 0): the state after reading counts[b] tokens. */
    static INDArray pick(INDArray states, int[] counts, int H) {
        int B = counts.length;
        double[][] out = new double[B][H];
        for (int b = 0; b < B; b++) {
            if (counts[b] > 0) {
                for (int j = 0; j < H; j++) {
                    out[b][j] = states.getDouble(counts[b] - 1, b, j);
                }
            }
        }
        return Nd4j.create(out);
    }

    private static INDArray zeroedAtPadding(INDArray expected, int[] lengths, int T) {
        double[][] z = expected.toDoubleMatrix();
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < T) {
                java.util.Arrays.fill(z[b], 0.0);
            }
        }
        return Nd4j.create(z);
    }

    /** Indices of the sequences whose length passes {@code keep}. */
    static int[] rows(int[] lengths, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, lengths.length).filter(b -> keep.test(lengths[b])).toArray();
    }

    /** {@link #relErr} over the given rows only (an off-by-one answer is undefined for the other rows). */
    static double relErrRows(INDArray a, INDArray b, int[] rows) {
        double[][] x = a.toDoubleMatrix(), y = b.toDoubleMatrix();
        double[][] xs = new double[rows.length][], ys = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = x[rows[i]];
            ys[i] = y[rows[i]];
        }
        return rows.length == 0 ? Double.POSITIVE_INFINITY : relErr(Nd4j.create(xs), Nd4j.create(ys));
    }

    static double relErr(INDArray a, INDArray b) {
        double num = a.sub(b).norm2Number().doubleValue();
        double den = Math.max(1e-12, a.norm2Number().doubleValue() + b.norm2Number().doubleValue());
        return num / den;
    }

    static String advice(Mistake m) {
        return switch (m) {
            case LAST_PADDED_STEP -> Exercise.likelyMistake(
                    "hasil Anda adalah state setelah langkah TERAKHIR batch, jadi kalimat pendek ikut \"membaca\" <pad> "
                            + "dan state-nya berubah. Pakai mask: di langkah padding, pertahankan state lama "
                            + "(h = m·h' + (1−m)·h), atau ambil h di langkah panjang−1 setiap kalimat.",
                    "your result is the state after the LAST step of the batch, so short sentences also \"read\" <pad> "
                            + "and their state changes. Use the mask: at padded steps keep the old state "
                            + "(h = m·h' + (1−m)·h), or take h at step length−1 of each sentence.");
            case ZEROED_AT_PADDING -> Exercise.likelyMistake(
                    "state dikalikan mask (h = m·h'), jadi di padding state menjadi nol dan kalimat pendek berakhir "
                            + "dengan vektor nol. Mask harus MEMBAWA state lama: h = m·h' + (1−m)·h.",
                    "the state is multiplied by the mask (h = m·h'), so at padding it becomes zero and short sentences "
                            + "end with a zero vector. The mask must CARRY the old state: h = m·h' + (1−m)·h.");
            case OFF_BY_ONE_LATE -> Exercise.likelyMistake(
                    "terlambat satu langkah: state setelah token <pad> pertama. Token asli terakhir ada di indeks panjang−1 "
                            + "(indeks mulai dari 0).",
                    "one step too late: the state after the first <pad> token. The last real token is at index length−1 "
                            + "(indices start at 0).");
            case OFF_BY_ONE_EARLY -> Exercise.likelyMistake(
                    "terlalu awal satu langkah: state SEBELUM token asli terakhir dibaca. Token terakhir (indeks panjang−1) "
                            + "harus sudah masuk ke state.",
                    "one step too early: the state BEFORE the last real token was read. The last token (index length−1) "
                            + "must already be in the state.");
            case CELL_STATE -> Exercise.likelyMistake(
                    "yang dikembalikan state sel c, bukan state tersembunyi h. Kepala klasifikasi membaca h (next.h()).",
                    "the cell state c was returned, not the hidden state h. The classification head reads h (next.h()).");
            case EXCEPTION, NONE, WRONG_SHAPE -> Msg.of("✗ Salah.", "✗ Wrong.");
            case UNKNOWN -> Msg.of(
                    "✗ Hasilnya salah dan tidak cocok dengan kesalahan yang umum. Langkahnya: state = cell.zeroState(B); untuk "
                            + "t = 0..T−1: next = cell.forward(x_t, state).next(); m = mask baris t sebagai [B,1]; "
                            + "h = m·next.h() + (1−m)·state.h(), sama untuk c; kembalikan h.",
                    "✗ The result is wrong and matches no common mistake. The steps: state = cell.zeroState(B); for "
                            + "t = 0..T−1: next = cell.forward(x_t, state).next(); m = row t of the mask as [B,1]; "
                            + "h = m·next.h() + (1−m)·state.h(), the same for c; return h.");
        };
    }
}
