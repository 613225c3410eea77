package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The template of {@link ExerciseCheck}'s Javadoc, written out as an exercise, behaves as documented. */
class ExerciseCheckTest {

    /** The template exercise (same code as in the Javadoc and CONTRIBUTING.md). */
    static final class Latihan99 {
        @FunctionalInterface
        interface Squares {
            INDArray apply(INDArray x);
        }

        enum Mistake implements Explained {
            NONE("benar", "correct"),
            EXCEPTION("baca pesan kesalahannya", "read the error message"),
            NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
            NOT_SQUARED("nilainya belum dikuadratkan", "the values are not squared yet"),
            UNKNOWN("nilai salah; periksa rumusnya langkah demi langkah", "wrong values; check the formula step by step");

            private final String id;
            private final String en;

            Mistake(String id, String en) {
                this.id = id;
                this.en = en;
            }

            @Override
            public String indonesian() {
                return id;
            }

            @Override
            public String english() {
                return en;
            }
        }

        static final ExerciseCheck<INDArray, INDArray, Mistake> CHECK = ExerciseCheck
                .<INDArray, INDArray, Mistake>builder("Latihan 9.1", "squares")
                .mistakes(Mistake.NONE, Mistake.EXCEPTION, Mistake.NULL_RESULT, Mistake.UNKNOWN)
                .inputs(seed -> new NumpyRandom(seed).randn(3, 4), 1, 2, 3)
                .describe(x -> "x " + Arrays.toString(x.shape()))
                .reference(x -> x.mul(x))
                .distance(ExerciseCheck::relErr, 1e-6)
                .wrong(Mistake.NOT_SQUARED, x -> x.dup())
                .build();

        static void checkSquares(Squares f) {
            CHECK.check(f == null ? null : f::apply);
        }

        static Verdict<Mistake> evaluateSquares(Squares f) {
            return CHECK.evaluate(f == null ? null : f::apply);
        }
    }

    @Test
    void theRightAnswerPassesOnEverySeed() {
        Verdict<Latihan99.Mistake> v = Latihan99.evaluateSquares(x -> x.mul(x));
        assertTrue(v.passed(), v.message());
        assertEquals(Latihan99.Mistake.NONE, v.mistake());
        assertEquals("[ID] ✓ Latihan 9.1 (squares) benar: sama dengan rujukan pada 3 masukan acak baru.\n"
                + "[EN] ✓ Exercise 9.1 (squares) correct: matches the reference on 3 fresh random inputs.", v.message());
    }

    @Test
    void aKnownWrongAnswerIsNamedInBothLanguages() {
        Verdict<Latihan99.Mistake> v = Latihan99.evaluateSquares(x -> x);
        assertFalse(v.passed());
        assertEquals(Latihan99.Mistake.NOT_SQUARED, v.mistake());
        assertTrue(v.message().contains("[ID] ✗ Latihan 9.1 (squares) belum benar (uji: x [3, 4]).")
                && v.message().contains("Kemungkinan kesalahan: nilainya belum dikuadratkan")
                && v.message().contains("Likely mistake: the values are not squared yet"), v.message());
    }

    @Test
    void unknownThrownNullAndMissingFunctionAreNamed() {
        assertEquals(Latihan99.Mistake.UNKNOWN, Latihan99.evaluateSquares(x -> x.mul(3)).mistake());
        Verdict<Latihan99.Mistake> threw = Latihan99.evaluateSquares(x -> x.mmul(x));
        assertEquals(Latihan99.Mistake.EXCEPTION, threw.mistake());
        assertTrue(threw.message().contains("The function threw"), threw.message());
        assertEquals(Latihan99.Mistake.NULL_RESULT, Latihan99.evaluateSquares(x -> null).mistake());
        assertEquals(Latihan99.Mistake.NULL_RESULT, Latihan99.evaluateSquares(null).mistake());
    }

    @Test
    void anAnswerRightOnlyOnTheFirstSeedFailsOnALaterOne() {
        double[] first = new NumpyRandom(1).randn(3, 4).mul(new NumpyRandom(1).randn(3, 4)).data().asDouble();
        INDArray memorised = Nd4j.create(first, new long[] {3, 4}, DataType.DOUBLE);
        Verdict<Latihan99.Mistake> v = Latihan99.evaluateSquares(x -> memorised);
        assertEquals(Latihan99.Mistake.UNKNOWN, v.mistake(), v.message());
    }

    @Test
    void anAnswerThatChangesItsInputCannotSpoilTheReference() {
        Verdict<Latihan99.Mistake> v = Latihan99.evaluateSquares(x -> x.muli(x));
        assertTrue(v.passed(), v.message());
    }

    @Test
    void checkPrintsThePassAndThrowsAParsableExceptionOnFailure() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Latihan99.checkSquares(x -> x.mul(x));
            ExerciseFailedException e = assertThrows(ExerciseFailedException.class, () -> Latihan99.checkSquares(x -> x));
            assertEquals("Latihan 9.1", e.exercise());
            assertEquals("NOT_SQUARED", e.mistake());
            assertTrue(e.getMessage().startsWith("Latihan 9.1: NOT_SQUARED\n[ID] ✗"), e.getMessage());
            assertTrue(e instanceof IllegalStateException);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("✓ Latihan 9.1") && out.contains("✗ Latihan 9.1"), out);
    }

    @Test
    void relErrTreatsShapeMismatchAsInfinitelyFarButAcceptsAVectorForARow() {
        INDArray row = Nd4j.create(new double[][] {{1, 2, 3}});
        assertEquals(0.0, ExerciseCheck.relErr(row, Nd4j.create(new double[] {1, 2, 3})));
        assertEquals(Double.POSITIVE_INFINITY, ExerciseCheck.relErr(row, row.transpose().reshape(3, 1).reshape(1, 3).reshape(3, 1)));
        assertEquals(Double.POSITIVE_INFINITY, ExerciseCheck.relErr(row, null));
        assertEquals(Double.POSITIVE_INFINITY, ExerciseCheck.relErr(row, Nd4j.create(new double[][] {{1, Double.NaN, 3}})));
        assertTrue(ExerciseCheck.relErr(row, row.mul(1 + 1e-9)) < 1e-8);
    }
}
