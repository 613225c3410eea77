package kursus.rnn.latihan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exercise 7 (lesson 07, the four RNN types): wire the right output for each type.
 *
 * <p><b>Exercise 7.1 — read-out.</b> Given every hidden state of a batch, {@code h [T, B, H]}, the true length
 * of each sequence and a read-out {@code W [H, C]}, {@code b [1, C]}:
 * <pre>
 * ONE_TO_ONE             T = 1:  z = h_1 · W + b                          [B, C]
 * MANY_TO_ONE            z_n = h_{len_n} · W + b  (the LAST REAL step)   [B, C]
 * MANY_TO_MANY_ALIGNED   z_t = h_t · W + b  for every step t              [T, B, C]
 * </pre>
 * The states after a sequence's end come from running over padding: they are not its summary.
 *
 * <p><b>Exercise 7.2 — greedy decoding</b> (one-to-many and the decoder of many-to-many unaligned): start from
 * {@code h0} and the start symbol; at each step call the decoder, take the highest-scoring symbol,
 * stop (without keeping it) at the end symbol, otherwise keep it and FEED IT BACK as the next input
 * together with the NEW state; at most {@code maxLen} symbols.
 *
 * <p>Each check runs the student's function on several seeded cases, compares with the reference,
 * and names the likely mistake by matching the typical wrong variants.
 */
public final class Latihan07 {
    private Latihan07() {}

    /** The output shapes of exercise 7a. */
    public enum Type {
        /** One input, one output (T = 1). */
        ONE_TO_ONE,
        /** A sequence in, one output per sequence, read at its last real step. */
        MANY_TO_ONE,
        /** One output per input step. */
        MANY_TO_MANY_ALIGNED
    }

    /** The student's read-out (7a). */
    @FunctionalInterface
    public interface ReadOut {
        /**
         * @param type which output to wire
         * @param h every hidden state {@code [T, B, H]} (padded steps hold states computed over padding)
         * @param lengths the true length of each sequence, 1..T
         * @param W {@code [H, C]}
         * @param b {@code [1, C]}
         * @return {@code [B, C]} (one-to-one, many-to-one) or {@code [T, B, C]} (many-to-many aligned)
         */
        INDArray apply(Type type, INDArray h, int[] lengths, INDArray W, INDArray b);
    }

    /** The mistakes 7a recognises. */
    public enum ReadOutMistake {
        /** Everything correct. */
        NONE,
        /** The function returned null. */
        NULL_RESULT,
        /** The function threw an exception. */
        EXCEPTION,
        /** Many-to-one read at step T for every sequence, i.e. after the padding of the shorter ones. */
        LAST_PADDED_STEP,
        /** Many-to-one read at the first step. */
        FIRST_STEP,
        /** Many-to-one read one step too early or too late ({@code len − 2} or {@code len}). */
        OFF_BY_ONE,
        /** Many-to-one used the mean of the states instead of the last real one. */
        MEAN_OF_STATES,
        /** Many-to-many returned only one output per sequence. */
        ONE_OUTPUT_FOR_ALIGNED,
        /** Many-to-one / one-to-one returned one output per step. */
        OUTPUT_PER_STEP_FOR_ONE,
        /** The bias {@code b} was left out. */
        NO_BIAS,
        /** A result whose shape fits no reading. */
        WRONG_SHAPE,
        /** Wrong values that match none of the known mistakes. */
        UNKNOWN
    }

    /** One decoder step for 7b: scores of the next symbol and the new state. */
    public record Next(double[] scores, double[] h) {}

    /** The decoder the student calls in 7b: {@code (previous symbol, state) → (scores, new state)}. */
    @FunctionalInterface
    public interface DecoderStep {
        Next next(int token, double[] h);
    }

    /** The student's greedy decoder (7b). */
    @FunctionalInterface
    public interface GreedyDecode {
        /** @return the generated symbols, without the start and end symbols */
        int[] apply(DecoderStep step, double[] h0, int start, int end, int maxLen);
    }

    /** The mistakes 7b recognises. */
    public enum DecodeMistake {
        /** Everything correct. */
        NONE,
        /** The function returned null. */
        NULL_RESULT,
        /** The function threw an exception. */
        EXCEPTION,
        /** The start symbol was fed at every step: the output was not fed back. */
        OUTPUT_NOT_FED_BACK,
        /** The initial state was passed at every step: the new state was not carried. */
        STATE_NOT_CARRIED,
        /** The end symbol was kept in the output. */
        END_KEPT,
        /** Decoding did not stop at the end symbol. */
        NO_STOP_AT_END,
        /** The start symbol was put into the output. */
        START_KEPT,
        /** One symbol too few or too many when {@code maxLen} stops the sequence. */
        MAX_LEN_OFF_BY_ONE,
        /** The lowest score was taken instead of the highest. */
        ARGMIN,
        /** Wrong symbols that match none of the known mistakes. */
        UNKNOWN
    }

    // ================================================================================ 7a read-out

    /** Exercise 7.1: runs the student's read-out and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkReadOut(ReadOut f) {
        Exercise.report("Latihan 7.1", evaluateReadOut(f));
    }

    /** The checks of 7a without printing or throwing (used by the tests). */
    public static Verdict<ReadOutMistake> evaluateReadOut(ReadOut f) {
        if (f == null) {
            return new Verdict<>(false, ReadOutMistake.NULL_RESULT, Exercise.noFunction());
        }
        long[] seeds = {2026, 7};
        int[][] sizes = {{5, 4, 3, 2}, {6, 3, 4, 3}}; // T, B, H, C
        int[][] lengths = {{5, 2, 4, 1}, {3, 6, 2}};
        StringBuilder ok = new StringBuilder();
        for (int k = 0; k < seeds.length; k++) {
            ReadCase c = new ReadCase(new NumpyRandom(seeds[k]), sizes[k][0], sizes[k][1], sizes[k][2], sizes[k][3], lengths[k]);
            for (Type type : Type.values()) {
                Verdict<ReadOutMistake> v = readCase(f, c, type);
                if (!v.passed()) {
                    return v;
                }
            }
        }
        return new Verdict<>(true, ReadOutMistake.NONE, Msg.of(
                "✓ Benar! One-to-one dan many-to-one: satu keluaran per urutan dari langkah nyata terakhir; many-to-many: satu keluaran per langkah (2 kasus acak).",
                "✓ Correct! One-to-one and many-to-one: one output per sequence from the last real step; many-to-many: one output per step (2 random cases)."));
    }

    /** A random batch of states (padded steps included) and a read-out. */
    static final class ReadCase {
        final int T, B, H, C;
        final int[] len;
        final double[][][] h; // [T][B][H]
        final double[][] W;
        final double[] b;

        ReadCase(NumpyRandom r, int T, int B, int H, int C, int[] len) {
            this.T = T;
            this.B = B;
            this.H = H;
            this.C = C;
            this.len = len;
            h = new double[T][B][H];
            for (int t = 0; t < T; t++) {
                for (int n = 0; n < B; n++) {
                    for (int j = 0; j < H; j++) {
                        h[t][n][j] = Math.tanh(r.randn());
                    }
                }
            }
            W = new double[H][C];
            for (int j = 0; j < H; j++) {
                for (int c = 0; c < C; c++) {
                    W[j][c] = r.randn();
                }
            }
            b = new double[C];
            for (int c = 0; c < C; c++) {
                b[c] = 1.0 + r.rand(); // clearly non-zero, so a missing bias shows
            }
        }

        /** One-to-one sees only the first step (T = 1); the others the whole batch. */
        int steps(Type type) {
            return type == Type.ONE_TO_ONE ? 1 : T;
        }

        int[] lengths(Type type) {
            if (type == Type.ONE_TO_ONE) {
                int[] one = new int[B];
                Arrays.fill(one, 1);
                return one;
            }
            return len.clone();
        }

        INDArray hArray(Type type) {
            int steps = steps(type);
            INDArray a = Nd4j.create(DataType.DOUBLE, steps, B, H);
            for (int t = 0; t < steps; t++) {
                for (int n = 0; n < B; n++) {
                    for (int j = 0; j < H; j++) {
                        a.putScalar(new int[] {t, n, j}, h[t][n][j]);
                    }
                }
            }
            return a;
        }

        double[] z(double[] hv, boolean bias) {
            double[] z = new double[C];
            for (int c = 0; c < C; c++) {
                double s = bias ? b[c] : 0;
                for (int j = 0; j < H; j++) {
                    s += hv[j] * W[j][c];
                }
                z[c] = s;
            }
            return z;
        }

        /** Outputs per sequence read at step {@code pick(n)} (0-based). */
        double[][] readAt(java.util.function.IntUnaryOperator pick, boolean bias) {
            double[][] z = new double[B][];
            for (int n = 0; n < B; n++) {
                z[n] = z(h[pick.applyAsInt(n)][n], bias);
            }
            return z;
        }

        double[][] mean(int steps, boolean realOnly) {
            double[][] z = new double[B][];
            for (int n = 0; n < B; n++) {
                int upto = realOnly ? len[n] : steps;
                double[] m = new double[H];
                for (int t = 0; t < upto; t++) {
                    for (int j = 0; j < H; j++) {
                        m[j] += h[t][n][j] / upto;
                    }
                }
                z[n] = z(m, true);
            }
            return z;
        }
    }

    private static Verdict<ReadOutMistake> readCase(ReadOut f, ReadCase c, Type type) {
        INDArray W = Nd4j.create(c.W).castTo(DataType.DOUBLE);
        INDArray b = Nd4j.create(new double[][] {c.b}).castTo(DataType.DOUBLE);
        INDArray got;
        String where = Msg.of("Kasus " + type + ", h [" + c.steps(type) + ", " + c.B + ", " + c.H + "], panjang " + Arrays.toString(c.lengths(type)) + ".",
                "Case " + type + ", h [" + c.steps(type) + ", " + c.B + ", " + c.H + "], lengths " + Arrays.toString(c.lengths(type)) + ".");
        try {
            got = f.apply(type, c.hArray(type), c.lengths(type), W, b);
        } catch (RuntimeException e) {
            return new Verdict<>(false, ReadOutMistake.EXCEPTION, where + "\n" + Msg.of(
                    "✗ Fungsi Anda melempar " + Exercise.threw(e) + ". Periksa indeks langkah (0-based: langkah terakhir urutan n adalah lengths[n] − 1) dan bentuk hasil kali.",
                    "✗ Your function threw " + Exercise.threw(e) + ". Check the step indices (0-based: the last step of sequence n is lengths[n] − 1) and the product shapes."));
        }
        if (got == null) {
            return new Verdict<>(false, ReadOutMistake.NULL_RESULT, where + "\n" + Msg.of("✗ Fungsi Anda mengembalikan null.", "✗ Your function returned null."));
        }
        int T = c.steps(type);
        boolean perSequence = type != Type.MANY_TO_MANY_ALIGNED;
        long[] shape = got.shape();
        if (perSequence) {
            if (got.rank() == 3 && shape[0] == T && shape[1] == c.B && shape[2] == c.C) {
                return fail(ReadOutMistake.OUTPUT_PER_STEP_FOR_ONE, where,
                        "hasil Anda [T, B, C]: satu keluaran per langkah. One-to-one dan many-to-one hanya butuh SATU keluaran per urutan, [B, C] = [" + c.B + ", " + c.C + "].",
                        "your result is [T, B, C]: one output per step. One-to-one and many-to-one need ONE output per sequence, [B, C] = [" + c.B + ", " + c.C + "].");
            }
            if (got.rank() != 2 || shape[0] != c.B || shape[1] != c.C) {
                return fail(ReadOutMistake.WRONG_SHAPE, where,
                        "bentuk hasil " + Arrays.toString(shape) + ", seharusnya [B, C] = [" + c.B + ", " + c.C + "].",
                        "result shape " + Arrays.toString(shape) + ", expected [B, C] = [" + c.B + ", " + c.C + "].");
            }
            double[][] z = got.castTo(DataType.DOUBLE).toDoubleMatrix();
            double[][] want = c.readAt(n -> (type == Type.ONE_TO_ONE ? 1 : c.len[n]) - 1, true);
            if (close(z, want)) {
                return new Verdict<>(true, ReadOutMistake.NONE, "");
            }
            return diagnoseOne(z, c, type, where);
        }
        // many-to-many aligned
        if (got.rank() == 2 && shape[0] == c.B && shape[1] == c.C) {
            return fail(ReadOutMistake.ONE_OUTPUT_FOR_ALIGNED, where,
                    "hasil Anda [B, C]: satu keluaran per urutan. Many-to-many (selaras) butuh satu keluaran per LANGKAH, [T, B, C] = [" + T + ", " + c.B + ", " + c.C + "]: terapkan W dan b pada setiap h_t.",
                    "your result is [B, C]: one output per sequence. Many-to-many (aligned) needs one output per STEP, [T, B, C] = [" + T + ", " + c.B + ", " + c.C + "]: apply W and b to every h_t.");
        }
        if (got.rank() != 3 || shape[0] != T || shape[1] != c.B || shape[2] != c.C) {
            return fail(ReadOutMistake.WRONG_SHAPE, where,
                    "bentuk hasil " + Arrays.toString(shape) + ", seharusnya [T, B, C] = [" + T + ", " + c.B + ", " + c.C + "].",
                    "result shape " + Arrays.toString(shape) + ", expected [T, B, C] = [" + T + ", " + c.B + ", " + c.C + "].");
        }
        INDArray g = got.castTo(DataType.DOUBLE);
        boolean right = true, rightWithoutBias = true;
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < c.B; n++) {
                if (t >= c.len[n]) {
                    continue; // padded steps: any value
                }
                double[] zt = new double[c.C];
                for (int k = 0; k < c.C; k++) {
                    zt[k] = g.getDouble(t, n, k);
                }
                right &= close(zt, c.z(c.h[t][n], true));
                rightWithoutBias &= close(zt, c.z(c.h[t][n], false));
            }
        }
        if (right) {
            return new Verdict<>(true, ReadOutMistake.NONE, "");
        }
        if (rightWithoutBias) {
            return noBias(where);
        }
        return fail(ReadOutMistake.UNKNOWN, where,
                "nilai keluaran per langkah salah. Di setiap langkah t: z_t = h_t · W + b, dengan h_t = h[t] (bentuk [B, H]).",
                "wrong per-step outputs. At every step t: z_t = h_t · W + b, with h_t = h[t] (shape [B, H]).");
    }

    private static Verdict<ReadOutMistake> diagnoseOne(double[][] z, ReadCase c, Type type, String where) {
        if (close(z, c.readAt(n -> (type == Type.ONE_TO_ONE ? 1 : c.len[n]) - 1, false))) {
            return noBias(where);
        }
        if (type == Type.MANY_TO_ONE) {
            if (close(z, c.readAt(n -> c.T - 1, true))) {
                return fail(ReadOutMistake.LAST_PADDED_STEP, where,
                        "Anda membaca h pada langkah T untuk SEMUA urutan. Urutan yang lebih pendek sudah selesai lebih awal; langkah sesudahnya berasal dari padding. Baca h[lengths[n] − 1] untuk urutan n.",
                        "you read h at step T for EVERY sequence. Shorter sequences ended earlier; the steps after their end come from padding. Read h[lengths[n] − 1] for sequence n.");
            }
            if (close(z, c.readAt(n -> 0, true))) {
                return fail(ReadOutMistake.FIRST_STEP, where,
                        "Anda membaca langkah PERTAMA. Many-to-one membaca ringkasan di akhir urutan: h[lengths[n] − 1].",
                        "you read the FIRST step. Many-to-one reads the summary at the end of the sequence: h[lengths[n] − 1].");
            }
            if (close(z, c.readAt(n -> Math.max(0, c.len[n] - 2), true)) || close(z, c.readAt(n -> Math.min(c.T - 1, c.len[n]), true))) {
                return fail(ReadOutMistake.OFF_BY_ONE, where,
                        "langkah yang Anda baca meleset satu. Indeks langkah mulai dari 0, jadi langkah nyata terakhir urutan n adalah lengths[n] − 1.",
                        "the step you read is off by one. Step indices start at 0, so the last real step of sequence n is lengths[n] − 1.");
            }
            if (close(z, c.mean(c.T, true)) || close(z, c.mean(c.T, false))) {
                return fail(ReadOutMistake.MEAN_OF_STATES, where,
                        "Anda merata-ratakan state. Itu cara lain yang sah untuk meringkas, tetapi di pelajaran ini many-to-one memakai state nyata TERAKHIR, h[lengths[n] − 1].",
                        "you averaged the states. That is another valid way to summarise, but in this lesson many-to-one uses the LAST real state, h[lengths[n] − 1].");
            }
        }
        return fail(ReadOutMistake.UNKNOWN, where,
                "nilai keluaran salah. Untuk setiap urutan n: z_n = h[lengths[n] − 1][n] · W + b.",
                "wrong output values. For every sequence n: z_n = h[lengths[n] − 1][n] · W + b.");
    }

    private static Verdict<ReadOutMistake> noBias(String where) {
        return fail(ReadOutMistake.NO_BIAS, where, "bias b tidak ditambahkan: z = h · W + b.", "the bias b is missing: z = h · W + b.");
    }

    private static Verdict<ReadOutMistake> fail(ReadOutMistake m, String where, String id, String en) {
        return new Verdict<>(false, m, where + "\n" + Exercise.likelyMistake(id, en));
    }

    static boolean close(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean close(double[] a, double[] b) {
        if (a == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= 1e-6 * (1 + Math.abs(b[i])))) {
                return false;
            }
        }
        return true;
    }

    // ================================================================================ 7b greedy decoding

    /** Exercise 7.2: runs the student's greedy decoder and prints the verdict; throws {@link ExerciseFailedException} on failure. */
    public static void checkGreedyDecode(GreedyDecode f) {
        Exercise.report("Latihan 7.2", evaluateGreedyDecode(f));
    }

    /** The checks of 7b without printing or throwing (used by the tests). */
    public static Verdict<DecodeMistake> evaluateGreedyDecode(GreedyDecode f) {
        if (f == null) {
            return new Verdict<>(false, DecodeMistake.NULL_RESULT, Exercise.noFunction());
        }
        List<ToyDecoder> cases = cases();
        for (ToyDecoder d : cases) {
            int[] got;
            try {
                got = f.apply(d::next, d.h0.clone(), ToyDecoder.START, ToyDecoder.END, d.maxLen);
            } catch (RuntimeException e) {
                return new Verdict<>(false, DecodeMistake.EXCEPTION, d.describe() + "\n" + Msg.of(
                        "✗ Fungsi Anda melempar " + Exercise.threw(e) + ".", "✗ Your function threw " + Exercise.threw(e) + "."));
            }
            if (got == null) {
                return new Verdict<>(false, DecodeMistake.NULL_RESULT, d.describe() + "\n" + Msg.of("✗ Fungsi Anda mengembalikan null.", "✗ Your function returned null."));
            }
            int[] want = d.decode(DecodeMistake.NONE);
            if (!Arrays.equals(got, want)) {
                return new Verdict<>(false, diagnose(got, d), d.describe() + "\n"
                        + Msg.of("Hasil Anda: " + Arrays.toString(got) + ", seharusnya: " + Arrays.toString(want) + ".",
                                "Your result: " + Arrays.toString(got) + ", expected: " + Arrays.toString(want) + ".")
                        + "\n" + hint(diagnose(got, d)));
            }
        }
        return new Verdict<>(true, DecodeMistake.NONE, Msg.of(
                "✓ Benar! Keluaran diumpankan kembali bersama state baru, berhenti di simbol akhir atau setelah maxLen (" + cases.size() + " kasus).",
                "✓ Correct! The output is fed back with the new state, stopping at the end symbol or after maxLen (" + cases.size() + " cases)."));
    }

    private static DecodeMistake diagnose(int[] got, ToyDecoder d) {
        for (DecodeMistake m : new DecodeMistake[] {DecodeMistake.OUTPUT_NOT_FED_BACK, DecodeMistake.STATE_NOT_CARRIED,
                DecodeMistake.END_KEPT, DecodeMistake.NO_STOP_AT_END, DecodeMistake.START_KEPT, DecodeMistake.MAX_LEN_OFF_BY_ONE,
                DecodeMistake.ARGMIN}) {
            if (Arrays.equals(got, d.decode(m)) || (m == DecodeMistake.MAX_LEN_OFF_BY_ONE && Arrays.equals(got, d.decodeLonger()))) {
                return m;
            }
        }
        return DecodeMistake.UNKNOWN;
    }

    private static String hint(DecodeMistake m) {
        return switch (m) {
            case OUTPUT_NOT_FED_BACK -> Exercise.likelyMistake(
                    "masukan setiap langkah selalu simbol awal. Pada one-to-many, simbol yang baru dipilih menjadi masukan langkah berikutnya.",
                    "every step's input is the start symbol. In one-to-many, the symbol just chosen becomes the next step's input.");
            case STATE_NOT_CARRIED -> Exercise.likelyMistake(
                    "state awal h0 dipakai di setiap langkah. Simpan state baru dari next(...) dan berikan ke langkah berikutnya.",
                    "the initial state h0 is used at every step. Keep the new state from next(...) and pass it to the next step.");
            case END_KEPT -> Exercise.likelyMistake("simbol akhir ikut disimpan. Berhentilah TANPA menyimpannya.",
                    "the end symbol was kept. Stop WITHOUT keeping it.");
            case NO_STOP_AT_END -> Exercise.likelyMistake("pembangkitan tidak berhenti di simbol akhir.",
                    "generation does not stop at the end symbol.");
            case START_KEPT -> Exercise.likelyMistake("simbol awal ikut masuk ke hasil. Ia hanya masukan pertama.",
                    "the start symbol is in the result. It is only the first input.");
            case MAX_LEN_OFF_BY_ONE -> Exercise.likelyMistake("jumlah simbol meleset satu saat maxLen yang menghentikan. Paling banyak maxLen simbol.",
                    "one symbol too few or too many when maxLen stops it. At most maxLen symbols.");
            case ARGMIN -> Exercise.likelyMistake("Anda mengambil skor TERKECIL. Greedy memilih skor terbesar (argmax).",
                    "you took the LOWEST score. Greedy picks the highest score (argmax).");
            default -> Exercise.likelyMistake(
                    "urutan simbol tidak cocok dengan kesalahan umum mana pun. Langkahnya: token = start, h = h0; ulangi: next(token, h), ambil argmax, berhenti bila = end, simpan, token = pilihan, h = state baru.",
                    "the symbols match none of the usual mistakes. The steps: token = start, h = h0; repeat: next(token, h), take the argmax, stop if it is end, keep it, token = the choice, h = the new state.");
        };
    }

    /** The test decoders: each has a sequence that ends with the end symbol, one is cut by maxLen. */
    static List<ToyDecoder> cases() {
        List<ToyDecoder> out = new ArrayList<>();
        out.add(new ToyDecoder(new NumpyRandom(3), 9, 5, 12));
        out.add(new ToyDecoder(new NumpyRandom(8), 7, 6, 4)); // maxLen cuts before the end symbol
        out.add(new ToyDecoder(new NumpyRandom(21), 11, 3, 10));
        return out;
    }

    /**
     * A tiny deterministic "decoder" in plain Java. Its state is {@code h = [steps so far, a running
     * mix of the inputs]}; the best next symbol depends on the previous symbol AND the state, and after
     * {@code length} steps the end symbol wins. So forgetting the feedback or the state changes the output.
     */
    static final class ToyDecoder {
        static final int START = 0;
        static final int END = 1;
        final int V;
        final int length;
        final int maxLen;
        final double[] h0;
        final int[][] table; // [V][V]: best next symbol after (token, mix)
        final double[] noise;

        ToyDecoder(NumpyRandom r, int V, int length, int maxLen) {
            this.V = V;
            this.length = length;
            this.maxLen = maxLen;
            h0 = new double[] {0, r.randint(V)};
            table = new int[V][V];
            for (int a = 0; a < V; a++) {
                for (int m = 0; m < V; m++) {
                    table[a][m] = 2 + (int) r.randint(V - 2); // never START or END
                }
            }
            noise = new double[V];
            for (int k = 0; k < V; k++) {
                noise[k] = r.rand();
            }
        }

        Next next(int token, double[] h) {
            if (token < 0 || token >= V) {
                throw Msg.badInput("next: token " + token + " di luar 0.." + (V - 1), "next: token " + token + " is outside 0.." + (V - 1));
            }
            if (h == null || h.length != 2) {
                throw Msg.badInput("next: h harus double[2] (state dari langkah sebelumnya)", "next: h must be a double[2] (the state from the step before)");
            }
            double steps = h[0] + 1;
            int mix = (int) ((h[1] * 3 + token) % V);
            int best = steps > length ? END : table[token][mix];
            double[] scores = new double[V];
            for (int k = 0; k < V; k++) {
                scores[k] = noise[k] + (k == best ? 5.0 : 0.0) + (k == START ? -3.0 : 0.0);
            }
            return new Next(scores, new double[] {steps, mix});
        }

        /** The reference decoding, or one of the typical wrong variants. */
        int[] decode(DecodeMistake variant) {
            List<Integer> out = new ArrayList<>();
            if (variant == DecodeMistake.START_KEPT) {
                out.add(START);
            }
            int token = START;
            double[] h = h0.clone();
            int limit = variant == DecodeMistake.MAX_LEN_OFF_BY_ONE ? maxLen - 1 : maxLen;
            for (int t = 0; t < limit; t++) {
                Next n = next(token, variant == DecodeMistake.STATE_NOT_CARRIED ? h0.clone() : h);
                int k = variant == DecodeMistake.ARGMIN ? argmin(n.scores()) : argmax(n.scores());
                if (k == END && variant != DecodeMistake.NO_STOP_AT_END) {
                    if (variant == DecodeMistake.END_KEPT) {
                        out.add(k);
                    }
                    break;
                }
                out.add(k);
                if (variant != DecodeMistake.OUTPUT_NOT_FED_BACK) {
                    token = k;
                }
                h = n.h();
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The off-by-one variant that runs one step too many. */
        int[] decodeLonger() {
            List<Integer> out = new ArrayList<>();
            int token = START;
            double[] h = h0.clone();
            for (int t = 0; t <= maxLen; t++) {
                Next n = next(token, h);
                int k = argmax(n.scores());
                if (k == END) {
                    break;
                }
                out.add(k);
                token = k;
                h = n.h();
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        String describe() {
            return Msg.of("Kasus: kosakata " + V + " simbol (start = 0, end = 1), maxLen = " + maxLen + ".",
                    "Case: vocabulary of " + V + " symbols (start = 0, end = 1), maxLen = " + maxLen + ".");
        }
    }

    static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    static int argmin(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] < s[best]) {
                best = k;
            }
        }
        return best;
    }
}
