package kursus.rnn.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.IntStream;
import kursus.rnn.random.NumpyReference.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumpyRandom gives NumPy's numbers, bit for bit. Every expected value comes from
 * {@code reference.txt}, written by NumPy 1.24 itself ({@code make_reference.py}).
 */
class NumpyRandomTest {
    private static final double[] P5 = {.1, .2, .3, .2, .2};

    // ------------------------------------------------------------------ comparison helpers

    /** Exact equality of the 64 bits, with a readable report of the first difference. */
    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            long e = Double.doubleToRawLongBits(expected[i]);
            long a = Double.doubleToRawLongBits(actual[i]);
            if (e != a) {
                throw new AssertionError(what + "[" + i + "]: numpy " + expected[i] + " (" + Double.toHexString(expected[i])
                        + "), java " + actual[i] + " (" + Double.toHexString(actual[i]) + ")");
            }
        }
    }

    /** The INDArray has NumPy's shape, type and C-order values. */
    private static void assertArray(Case expected, INDArray actual, DataType type) {
        assertEquals(type, actual.dataType(), expected.key() + ": data type");
        assertArrayEquals(Arrays.stream(expected.shape()).asLongStream().toArray(), actual.shape(),
                expected.key() + ": shape");
        double[] values = type == DataType.FLOAT
                ? toDoubles(actual.ravel().toFloatVector())
                : actual.ravel().toDoubleVector();
        assertBits(expected.doubles(), values, expected.key());
    }

    private static double[] toDoubles(float[] f) {
        return IntStream.range(0, f.length).mapToDouble(i -> f[i]).toArray();
    }

    private static double[] scalars(int n, java.util.function.DoubleSupplier draw) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = draw.getAsDouble();
        }
        return v;
    }

    private static String sha256(ByteBuffer bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    }

    // ------------------------------------------------------------------ seeding

    @Test
    void seedsFromZeroTo2Pow32MinusOneAreAcceptedAndOthersRejected() {
        new NumpyRandom(0);
        new NumpyRandom(NumpyRandom.MAX_SEED);
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(-1));
        assertTrue(neg.getMessage().contains("[ID]") && neg.getMessage().contains("[EN]"), neg.getMessage());
        assertTrue(neg.getMessage().contains("-1") && neg.getMessage().contains("4294967295"), neg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(1L << 32));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void reseedingRestartsTheStreamAndForgetsTheCachedGaussian(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        rng.randn(); // leaves the pair's second value cached
        rng.seed(seed);
        assertArray(NumpyReference.get(seed, "randn_after_reseed_3"), rng.randn(3), DataType.DOUBLE);
    }

    // ------------------------------------------------------------------ rand / uniform

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randArrayEqualsNumpy(long seed) {
        assertArray(NumpyReference.get(seed, "rand_20"), new NumpyRandom(seed).rand(20), DataType.DOUBLE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randScalarCallsGiveTheSameStreamAsTheArray(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        assertBits(NumpyReference.get(seed, "rand_20").doubles(), scalars(20, rng::rand), "rand()");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randFloatIsTheDoubleDrawRoundedToFloat(long seed) {
        assertArray(NumpyReference.get(seed, "rand_f32_5"), new NumpyRandom(seed).rand(DataType.FLOAT, 5),
                DataType.FLOAT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void uniformEqualsNumpy(long seed) {
        assertArray(NumpyReference.get(seed, "uniform_m1_2_10"), new NumpyRandom(seed).uniform(-1, 2, 10),
                DataType.DOUBLE);
        NumpyRandom rng = new NumpyRandom(seed);
        assertBits(NumpyReference.get(seed, "uniform_m1_2_10").doubles(), scalars(10, () -> rng.uniform(-1, 2)),
                "uniform scalar");
    }

    // ------------------------------------------------------------------ randn / normal

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randnArrayWithAnOddCountEqualsNumpy(long seed) {
        assertArray(NumpyReference.get(seed, "randn_21"), new NumpyRandom(seed).randn(21), DataType.DOUBLE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randnScalarCallsUseTheCachedSecondValue(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        assertBits(NumpyReference.get(seed, "randn_scalar_7").doubles(), scalars(7, rng::randn), "randn()");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randnCacheCarriesOverBetweenArrayCalls(long seed) {
        // randn(3) leaves one value cached; the next randn(4) must start with it, as in randn(7).
        NumpyRandom rng = new NumpyRandom(seed);
        double[] joined = new double[7];
        System.arraycopy(rng.randn(3).toDoubleVector(), 0, joined, 0, 3);
        System.arraycopy(rng.randn(4).toDoubleVector(), 0, joined, 3, 4);
        assertBits(Arrays.copyOf(NumpyReference.get(seed, "randn_21").doubles(), 7), joined, "randn(3)+randn(4)");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randnFillsAThreeDimensionalArrayInCOrder(long seed) {
        assertArray(NumpyReference.get(seed, "randn_2x3x4"), new NumpyRandom(seed).randn(2, 3, 4), DataType.DOUBLE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void interleavedRandnAndRandEqualNumpy(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        List<Double> seq = new ArrayList<>(List.of(rng.randn(), rng.rand(), rng.randn(), rng.randn(), rng.rand()));
        for (double v : rng.randn(3).toDoubleVector()) {
            seq.add(v);
        }
        seq.add(rng.rand());
        seq.add(rng.randn());
        assertBits(NumpyReference.get(seed, "interleaved").doubles(),
                seq.stream().mapToDouble(Double::doubleValue).toArray(), "interleaved");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randnFloatIsTheDoubleDrawRoundedToFloat(long seed) {
        assertArray(NumpyReference.get(seed, "randn_f32_2x3"), new NumpyRandom(seed).randn(DataType.FLOAT, 2, 3),
                DataType.FLOAT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void normalEqualsNumpy(long seed) {
        assertArray(NumpyReference.get(seed, "normal_3_0.5_11"), new NumpyRandom(seed).normal(3, 0.5, 11),
                DataType.DOUBLE);
        NumpyRandom rng = new NumpyRandom(seed);
        assertBits(NumpyReference.get(seed, "normal_3_0.5_11").doubles(), scalars(11, () -> rng.normal(3, 0.5)),
                "normal scalar");
    }

    /** A million draws each (half a million logarithms for randn), compared through SHA-256. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void aMillionRandAndRandnDrawsEqualNumpy(long seed) throws Exception {
        int n = 1_000_000;
        NumpyRandom rng = new NumpyRandom(seed);
        ByteBuffer u = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            u.putDouble(rng.rand());
        }
        assertEquals(NumpyReference.get(seed, "rand_1000000_sha256").values()[0], sha256(u), "rand x 1e6");
        rng.seed(seed);
        ByteBuffer g = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            g.putDouble(rng.randn());
        }
        assertEquals(NumpyReference.get(seed, "randn_1000000_sha256").values()[0], sha256(g), "randn x 1e6");
    }

    @Test
    void logIsBitIdenticalToTheCLibraryNumpyCalls() {
        long[] x = NumpyReference.get("log/x_bits").longs();
        long[] expected = NumpyReference.get("log/log_bits").longs();
        for (int i = 0; i < x.length; i++) {
            double xi = Double.longBitsToDouble(x[i]);
            assertEquals(expected[i], Double.doubleToRawLongBits(GlibcLog.log(xi)),
                    "log(" + xi + "): glibc " + Double.longBitsToDouble(expected[i]));
        }
    }

    // ------------------------------------------------------------------ randint

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randintSmallRangeEqualsNumpy(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "randint_0_100_20").longs(), new NumpyRandom(seed).randint(0, 100, 20));
        NumpyRandom rng = new NumpyRandom(seed);
        long[] scalar = new long[20];
        for (int i = 0; i < 20; i++) {
            scalar[i] = rng.randint(0, 100);
        }
        assertArrayEquals(NumpyReference.get(seed, "randint_scalar_0_100_20").longs(), scalar);
        NumpyRandom one = new NumpyRandom(seed);
        long[] highOnly = new long[10];
        for (int i = 0; i < 10; i++) {
            highOnly[i] = one.randint(100);
        }
        assertArrayEquals(NumpyReference.get(seed, "randint_100_10").longs(), highOnly);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randintWithNegativeLowEqualsNumpy(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "randint_m5_5_10").longs(), new NumpyRandom(seed).randint(-5, 5, 10));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randintBeyond32BitsUsesSixtyFourBitDraws(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "randint_0_2p40_10").longs(),
                new NumpyRandom(seed).randint(0, 1L << 40, 10));
        assertArrayEquals(NumpyReference.get(seed, "randint_m2p62_2p62_6").longs(),
                new NumpyRandom(seed).randint(-(1L << 62), 1L << 62, 6));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randintEdgeRangesEqualNumpy(long seed) {
        // range exactly 2^32 (one raw 32-bit draw each) and the widest int64 range
        assertArrayEquals(NumpyReference.get(seed, "randint_0_2p32_6").longs(),
                new NumpyRandom(seed).randint(0, 1L << 32, 6));
        assertArrayEquals(NumpyReference.get(seed, "randint_min_max_6").longs(),
                new NumpyRandom(seed).randint(Long.MIN_VALUE, Long.MAX_VALUE, 6));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void randintWithASingleValueDrawsNothing(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        double[] seq = {rng.randint(7, 8), rng.rand()};
        assertBits(NumpyReference.get(seed, "randint_7_8_then_rand").doubles(), seq, "randint(7,8), rand()");
    }

    // ------------------------------------------------------------------ choice

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void choiceWithProbabilitiesEqualsNumpy(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "choice_p5_20").ints(), new NumpyRandom(seed).choice(5, 20, true, P5));
        NumpyRandom rng = new NumpyRandom(seed);
        int[] scalar = IntStream.range(0, 20).map(i -> rng.choice(5, P5)).toArray();
        assertArrayEquals(NumpyReference.get(seed, "choice_p5_scalar_20").ints(), scalar);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void choiceWithFloatProbabilitiesFromAnIndArrayEqualsNumpy(long seed) {
        INDArray p = Nd4j.create(new float[] {.1f, .2f, .3f, .4f}, new long[] {4, 1}, DataType.FLOAT);
        NumpyRandom rng = new NumpyRandom(seed);
        int[] got = IntStream.range(0, 10).map(i -> rng.choice(4, p)).toArray();
        assertArrayEquals(NumpyReference.get(seed, "choice_p4_f32_scalar_10").ints(), got);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void choiceFromAListWithProbabilitiesEqualsNumpy(long seed) {
        List<String> letters = List.of("a", "b", "c", "d", "e");
        NumpyRandom rng = new NumpyRandom(seed);
        int[] got = IntStream.range(0, 10).map(i -> letters.indexOf(rng.choice(letters, P5))).toArray();
        assertArrayEquals(NumpyReference.get(seed, "choice_list_p5_scalar_10").ints(), got);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void uniformChoiceEqualsNumpy(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "choice_10_20").ints(), new NumpyRandom(seed).choice(10, 20, true));
        NumpyRandom rng = new NumpyRandom(seed);
        int[] scalar = IntStream.range(0, 20).map(i -> rng.choice(10)).toArray();
        assertArrayEquals(NumpyReference.get(seed, "choice_10_scalar_20").ints(), scalar);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void choiceWithoutReplacementEqualsNumpy(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "choice_10_3_noreplace").ints(),
                new NumpyRandom(seed).choice(10, 3, false));
        assertArrayEquals(NumpyReference.get(seed, "choice_5_3_noreplace_p5").ints(),
                new NumpyRandom(seed).choice(5, 3, false, P5));
        assertArrayEquals(NumpyReference.get(seed, "choice_6_5_noreplace_skewed").ints(),
                new NumpyRandom(seed).choice(6, 5, false, new double[] {.5, .3, .1, .05, .03, .02}));
    }

    // ------------------------------------------------------------------ shuffle / permutation

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void shuffleOfPrimitiveArraysEqualsNumpy(long seed) {
        int[] expected = NumpyReference.get(seed, "shuffle_arange10").ints();
        int[] a = IntStream.range(0, 10).toArray();
        new NumpyRandom(seed).shuffle(a);
        assertArrayEquals(expected, a);
        double[] d = IntStream.range(0, 10).asDoubleStream().toArray();
        new NumpyRandom(seed).shuffle(d);
        assertArrayEquals(Arrays.stream(expected).asDoubleStream().toArray(), d);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void shuffleOfListsEqualsNumpy(long seed) {
        int[] expected = NumpyReference.get(seed, "shuffle_list7").ints();
        List<Integer> list = new ArrayList<>(IntStream.range(0, 7).boxed().toList());
        new NumpyRandom(seed).shuffle(list);
        assertArrayEquals(expected, list.stream().mapToInt(Integer::intValue).toArray());
        LinkedList<Integer> linked = new LinkedList<>(IntStream.range(0, 7).boxed().toList());
        new NumpyRandom(seed).shuffle(linked);
        assertArrayEquals(expected, linked.stream().mapToInt(Integer::intValue).toArray());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void shuffleOfAMatrixMovesWholeRowsLikeNumpy(long seed) {
        Case expected = NumpyReference.get(seed, "shuffle_rows_4x3");
        INDArray x = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(4, 3);
        new NumpyRandom(seed).shuffle(x);
        assertArray(expected, x, DataType.DOUBLE);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void shuffleOfAVectorViewChangesTheMatrixBehindIt(long seed) {
        // column 1 of a [10, 2] matrix: a non-contiguous view
        INDArray m = Nd4j.zeros(DataType.DOUBLE, 10, 2);
        m.getColumn(1).assign(Nd4j.arange(10).castTo(DataType.DOUBLE));
        new NumpyRandom(seed).shuffle(m.getColumn(1));
        assertArrayEquals(Arrays.stream(NumpyReference.get(seed, "shuffle_arange10").ints()).asDoubleStream().toArray(),
                m.getColumn(1).toDoubleVector());
        assertArrayEquals(new double[10], m.getColumn(0).toDoubleVector());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void permutationEqualsNumpy(long seed) {
        assertArrayEquals(NumpyReference.get(seed, "permutation_10").ints(), new NumpyRandom(seed).permutation(10));
        assertArrayEquals(NumpyReference.get(seed, "permutation_300").ints(), new NumpyRandom(seed).permutation(300));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void permutationOfAnArrayIsAShuffledCopy(long seed) {
        INDArray x = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(4, 3);
        INDArray before = x.dup();
        INDArray p = new NumpyRandom(seed).permutation(x);
        assertArray(NumpyReference.get(seed, "shuffle_rows_4x3"), p, DataType.DOUBLE);
        assertEquals(before, x, "permutation(x) must leave x unchanged");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 4294967295L})
    void aLongPermutationEqualsNumpy(long seed) throws Exception {
        int[] p = new NumpyRandom(seed).permutation(100_000);
        ByteBuffer b = ByteBuffer.allocate(8 * p.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : p) {
            b.putLong(v);
        }
        assertEquals(NumpyReference.get(seed, "permutation_100000_sha256").values()[0], sha256(b));
    }

    // ------------------------------------------------------------------ the paper's arrays

    /**
     * The arrays the lecture's paper (numpy code re-run by {@code oracles/paper_004.py}) draws after {@code np.random.seed(1)},
     * snippet by snippet, in the snippet's order (OCR fixes in make_reference.py).
     */
    @ParameterizedTest
    @ValueSource(strings = {"rnn_cell_forward", "rnn_forward", "lstm_cell_forward", "lstm_forward",
            "rnn_cell_backward", "rnn_backward", "lstm_cell_backward"})
    void thePapersArraysAfterSeedOneEqualNumpy(String snippet) {
        List<Case> arrays = NumpyReference.withPrefix("paper/" + snippet + "/");
        assertTrue(arrays.size() >= 7, "reference for " + snippet);
        NumpyRandom rng = new NumpyRandom(1);
        for (Case c : arrays) {
            assertArray(c, rng.randn(c.shape()), DataType.DOUBLE);
        }
    }

    // ------------------------------------------------------------------ bad input

    private static void assertBilingual(IllegalArgumentException e, String... mustContain) {
        String m = e.getMessage();
        assertTrue(m.startsWith("[ID] ") && m.contains("\n[EN] "), m);
        for (String s : mustContain) {
            assertTrue(m.contains(s), "message should name '" + s + "': " + m);
        }
    }

    @Test
    void randintRejectsAnEmptyRange() {
        NumpyRandom rng = new NumpyRandom(0);
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.randint(5, 5)), "low = 5", "high = 5");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.randint(0)), "high = 0");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.randint(0, 3, -1)), "size = -1");
    }

    @Test
    void choiceRejectsBadProbabilities() {
        NumpyRandom rng = new NumpyRandom(0);
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.choice(4, P5)), "n = 4", "5");
        assertBilingual(assertThrows(IllegalArgumentException.class,
                () -> rng.choice(2, new double[] {1.5, -0.5})), "p[1] = -0.5");
        assertBilingual(assertThrows(IllegalArgumentException.class,
                () -> rng.choice(2, new double[] {0.5, 0.6})), "1.1");
        assertBilingual(assertThrows(IllegalArgumentException.class,
                () -> rng.choice(2, new double[] {Double.NaN, 1})), "NaN");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.choice(0)), "n = 0");
    }

    @Test
    void choiceWithoutReplacementRejectsTooLargeASample() {
        NumpyRandom rng = new NumpyRandom(0);
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.choice(3, 4, false)), "size = 4", "n = 3");
        assertBilingual(assertThrows(IllegalArgumentException.class,
                () -> rng.choice(3, 3, false, new double[] {0.5, 0.5, 0})), "size = 3", "2");
    }

    @Test
    void floatProbabilitiesGetNumpysLooserTolerance() {
        // sums to 1 + 1e-4: accepted for FLOAT p (tolerance sqrt(2^-23)), rejected for double p
        INDArray pf = Nd4j.create(new float[] {0.5f, 0.5001f}, new long[] {2}, DataType.FLOAT);
        new NumpyRandom(0).choice(2, pf);
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(0).choice(2, new double[] {0.5, 0.5001}));
    }

    @Test
    void distributionParametersAndShapesAreChecked() {
        NumpyRandom rng = new NumpyRandom(0);
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.normal(0, -1)), "scale = -1.0");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.uniform(0, Double.POSITIVE_INFINITY)),
                "Infinity");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.randn(3, -2)), "[3, -2]");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.randn(DataType.INT32, 2)), "INT");
        assertBilingual(assertThrows(IllegalArgumentException.class, () -> rng.shuffle(Nd4j.scalar(1.0))), "rank 0");
    }

    @Test
    void aRejectedCallDoesNotMoveTheStream() {
        NumpyRandom rng = new NumpyRandom(0);
        assertThrows(IllegalArgumentException.class, () -> rng.randn(DataType.INT32, 5));
        assertThrows(IllegalArgumentException.class, () -> rng.choice(2, new double[] {0.5, 0.6}));
        assertArray(NumpyReference.get(0, "randn_21"), rng.randn(21), DataType.DOUBLE);
    }

    @Test
    void emptyShapesGiveEmptyArraysAndDrawNothing() {
        NumpyRandom rng = new NumpyRandom(0);
        INDArray e = rng.randn(3, 0);
        assertTrue(e.isEmpty());
        assertArrayEquals(new long[] {3, 0}, e.shape());
        assertArray(NumpyReference.get(0, "randn_21"), rng.randn(21), DataType.DOUBLE);
    }
}
