package kursus.rnn.latihan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToDoubleBiFunction;
import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared machinery of an exercise check: run the student's function on several fresh seeded
 * inputs, compare each answer with the reference, and when it differs, match it against the
 * typical wrong answers to name the likely mistake in both languages.
 *
 * <p>For every seed, in order:
 * <ol>
 *   <li>draw the input ({@code inputs.apply(seed)}; drawn anew for the student, the reference and
 *       every wrong variant, so a student function that changes its arguments cannot spoil them);</li>
 *   <li>run the student's function; an exception gives the {@code exception} mistake, {@code null}
 *       the {@code nullResult} mistake;</li>
 *   <li>the optional structural check ({@link Builder#precheck}: shapes, nulls inside a record) may
 *       name a mistake at once;</li>
 *   <li>if {@code distance(reference, answer) <= tolerance} the case passes;</li>
 *   <li>otherwise the first wrong variant ({@link Builder#wrong}) whose answer is within tolerance of
 *       the student's names the mistake; then the optional {@link Builder#diagnose} fallback; then
 *       {@code unknown}.</li>
 * </ol>
 * The first failing case gives the verdict; when all pass the verdict passes.
 *
 * <h2>Template for a new exercise</h2>
 * <pre>{@code
 * public final class Latihan09 {
 *     // 1. the student's function, with the argument names of the lesson
 *     @FunctionalInterface
 *     public interface Squares { INDArray apply(INDArray x); }
 *
 *     // 2. the typical mistakes, each with a hint in both languages (teach, do not give the answer)
 *     public enum Mistake implements Explained {
 *         NONE("benar", "correct"),
 *         EXCEPTION("baca pesan kesalahannya", "read the error message"),
 *         NULL_RESULT("fungsi mengembalikan null", "the function returned null"),
 *         NOT_SQUARED("nilainya belum dikuadratkan", "the values are not squared yet"),
 *         UNKNOWN("nilai salah; periksa rumusnya langkah demi langkah", "wrong values; check the formula step by step");
 *         private final String id, en;
 *         Mistake(String id, String en) { this.id = id; this.en = en; }
 *         public String indonesian() { return id; }
 *         public String english() { return en; }
 *     }
 *
 *     // 3. inputs (fresh, seeded), the reference, and one function per wrong answer
 *     private static final ExerciseCheck<INDArray, INDArray, Mistake> CHECK = ExerciseCheck
 *             .<INDArray, INDArray, Mistake>builder("Latihan 9.1", "squares")
 *             .mistakes(Mistake.NONE, Mistake.EXCEPTION, Mistake.NULL_RESULT, Mistake.UNKNOWN)
 *             .inputs(seed -> new NumpyRandom(seed).randn(3, 4), 1, 2, 3)
 *             .describe(x -> "x " + Arrays.toString(x.shape()))
 *             .reference(x -> x.mul(x))
 *             .distance(ExerciseCheck::relErr, 1e-6)
 *             .wrong(Mistake.NOT_SQUARED, x -> x.dup())
 *             .build();
 *
 *     // 4. the two entry points every exercise has
 *     public static void checkSquares(Squares f) { CHECK.check(f == null ? null : f::apply); }
 *     public static Verdict<Mistake> evaluateSquares(Squares f) { return CHECK.evaluate(f == null ? null : f::apply); }
 * }
 * }</pre>
 * In the notebook: the student's code in {@code class Solution09 { static INDArray squares(INDArray x) {...} }}
 * between {@code // BEGIN SOLUTION} and {@code // END SOLUTION}; the next cell calls
 * {@code Latihan09.checkSquares(Solution09::squares);}. The test ({@code Latihan09Test}) shows that the
 * reference passes and that each wrong answer, written as a student would, gets its mistake.
 *
 * @param <I> the input of one case (a record of the arguments)
 * @param <O> the student's answer
 * @param <M> the exercise's enum of mistakes
 */
public final class ExerciseCheck<I, O, M extends Enum<M> & Explained> {

    /** A typical wrong answer: the mistake it shows and how to compute it. */
    private record Wrong<I, O, M>(M mistake, Function<I, O> answer) {}

    private final String exercise;
    private final String function;
    private final LongFunction<I> inputs;
    private final long[] seeds;
    private final Function<I, String> describe;
    private final Function<I, O> reference;
    private final ToDoubleBiFunction<O, O> distance;
    private final double tolerance;
    private final List<Wrong<I, O, M>> wrongs;
    private final BiFunction<I, O, M> precheck;
    private final BiFunction<I, O, M> diagnose;
    private final M none;
    private final M exception;
    private final M nullResult;
    private final M unknown;
    private final String passedId;
    private final String passedEn;
    private final String exerciseEn;

    private ExerciseCheck(Builder<I, O, M> b) {
        exercise = b.exercise;
        function = b.function;
        inputs = Objects.requireNonNull(b.inputs, "inputs");
        seeds = b.seeds;
        describe = b.describe;
        reference = Objects.requireNonNull(b.reference, "reference");
        distance = Objects.requireNonNull(b.distance, "distance");
        tolerance = b.tolerance;
        wrongs = List.copyOf(b.wrongs);
        precheck = b.precheck;
        diagnose = b.diagnose;
        none = Objects.requireNonNull(b.none, "mistakes");
        exception = b.exception;
        nullResult = b.nullResult;
        unknown = b.unknown;
        passedId = b.passedId;
        passedEn = b.passedEn;
        exerciseEn = exercise.replace("Latihan", "Exercise");
        if (seeds.length == 0) {
            throw new IllegalArgumentException(exercise + ": at least one seed");
        }
    }

    /** Starts a check for exercise {@code exercise} (e.g. {@code "Latihan 3.2"}) of the function {@code function}. */
    public static <I, O, M extends Enum<M> & Explained> Builder<I, O, M> builder(String exercise, String function) {
        return new Builder<>(exercise, function);
    }

    /** The exercise id, e.g. {@code "Latihan 3.2"}. */
    public String exercise() {
        return exercise;
    }

    /** How many fresh inputs the student's function runs on. */
    public int cases() {
        return seeds.length;
    }

    /** Runs the check and prints the verdict; throws {@link ExerciseFailedException} when the answer is wrong. */
    public void check(Function<I, O> student) {
        Exercise.report(exercise, evaluate(student));
    }

    /** Runs the check without printing or throwing. */
    public Verdict<M> evaluate(Function<I, O> student) {
        if (student == null) {
            return Verdict.fail(nullResult, Exercise.noFunction());
        }
        for (long seed : seeds) {
            Verdict<M> v = evaluateCase(student, seed);
            if (v != null) {
                return v;
            }
        }
        String n = String.valueOf(seeds.length);
        return Verdict.pass(none, Msg.of(
                "✓ " + exercise + " (" + function + ") benar: sama dengan rujukan pada " + n + " masukan acak baru"
                        + (passedId.isEmpty() ? "" : " " + passedId) + ".",
                "✓ " + exerciseEn + " (" + function + ") correct: matches the reference on " + n + " fresh random inputs"
                        + (passedEn.isEmpty() ? "" : " " + passedEn) + "."));
    }

    /** The failing verdict of one case, or null when it passes. */
    private Verdict<M> evaluateCase(Function<I, O> student, long seed) {
        I in = inputs.apply(seed);
        String test = describe == null ? "seed " + seed : describe.apply(in);
        O got;
        try {
            got = student.apply(in);
        } catch (RuntimeException e) {
            return failure(exception, test, Exercise.threw(e));
        }
        if (got == null) {
            return failure(nullResult, test, null);
        }
        if (precheck != null) {
            M m = precheck.apply(inputs.apply(seed), got);
            if (m != null && m != none) {
                return failure(m, test, null);
            }
        }
        O want = reference.apply(inputs.apply(seed));
        if (close(want, got)) {
            return null;
        }
        for (Wrong<I, O, M> w : wrongs) {
            O wrong;
            try {
                wrong = w.answer().apply(inputs.apply(seed));
            } catch (RuntimeException e) {
                continue; // a variant that cannot be computed for this input explains nothing
            }
            if (close(wrong, got)) {
                return failure(w.mistake(), test, null);
            }
        }
        M m = diagnose == null ? null : diagnose.apply(inputs.apply(seed), got);
        return failure(m == null || m == none ? unknown : m, test, null);
    }

    private boolean close(O a, O b) {
        double d = distance.applyAsDouble(a, b);
        return d <= tolerance; // NaN is never close
    }

    private Verdict<M> failure(M m, String test, String threw) {
        String thrId = threw == null ? "" : " Fungsi melempar " + threw + ".";
        String thrEn = threw == null ? "" : " The function threw " + threw + ".";
        return Verdict.fail(m, Msg.of(
                "✗ " + exercise + " (" + function + ") belum benar (uji: " + test + ")." + thrId
                        + "\n     Kemungkinan kesalahan: " + m.indonesian(),
                "✗ " + exerciseEn + " (" + function + ") is not right yet (test: " + test + ")." + thrEn
                        + "\n     Likely mistake: " + m.english()));
    }

    // ------------------------------------------------------------------------------------------ distances

    /**
     * Max over entries of |a − b| / max(|a| + |b|, 1e-8), after casting both to DOUBLE; infinite when
     * either is null or the shapes differ (a vector {@code [n]} and a row {@code [1, n]} count as equal).
     */
    public static double relErr(INDArray a, INDArray b) {
        if (a == null || b == null || a.length() != b.length()) {
            return Double.POSITIVE_INFINITY;
        }
        if (!Arrays.equals(a.shape(), b.shape()) && !vectorAndRow(a, b) && !vectorAndRow(b, a)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] x = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] y = b.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double r = Math.abs(x[i] - y[i]) / Math.max(Math.abs(x[i]) + Math.abs(y[i]), 1e-8);
            if (!(r <= worst)) {
                worst = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
            }
        }
        return worst;
    }

    /** The largest {@link #relErr} over pairs of arrays (infinite when the counts differ). */
    public static double relErr(INDArray[] a, INDArray[] b) {
        if (a == null || b == null || a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, relErr(a[i], b[i]));
        }
        return worst;
    }

    /** Whether {@code v} is a vector {@code [n]} and {@code r} a row {@code [1, n]}. */
    private static boolean vectorAndRow(INDArray v, INDArray r) {
        return v.rank() == 1 && r.rank() == 2 && r.size(0) == 1 && r.size(1) == v.size(0);
    }

    // ------------------------------------------------------------------------------------------ builder

    /** Collects the parts of a check; see the class comment for a complete example. */
    public static final class Builder<I, O, M extends Enum<M> & Explained> {
        private final String exercise;
        private final String function;
        private LongFunction<I> inputs;
        private long[] seeds = {};
        private Function<I, String> describe;
        private Function<I, O> reference;
        private ToDoubleBiFunction<O, O> distance;
        private double tolerance = 1e-6;
        private final List<Wrong<I, O, M>> wrongs = new ArrayList<>();
        private BiFunction<I, O, M> precheck;
        private BiFunction<I, O, M> diagnose;
        private M none;
        private M exception;
        private M nullResult;
        private M unknown;
        private String passedId = "";
        private String passedEn = "";

        private Builder(String exercise, String function) {
            this.exercise = Objects.requireNonNull(exercise);
            this.function = Objects.requireNonNull(function);
        }

        /**
         * The four mistakes every check needs: the right answer, the function threw, it returned null,
         * and a wrong answer that matches no known mistake.
         */
        public Builder<I, O, M> mistakes(M none, M exception, M nullResult, M unknown) {
            this.none = none;
            this.exception = exception;
            this.nullResult = nullResult;
            this.unknown = unknown;
            return this;
        }

        /** How to draw one case's input from a seed, and the seeds (one case each, in order). */
        public Builder<I, O, M> inputs(LongFunction<I> draw, long... seeds) {
            this.inputs = draw;
            this.seeds = seeds.clone();
            return this;
        }

        /** A short description of a case shown in a failing verdict, e.g. {@code "T=4, B=3, I=2, H=5"}. */
        public Builder<I, O, M> describe(Function<I, String> describe) {
            this.describe = describe;
            return this;
        }

        /** The right answer for an input (the library's, or plain Java maths). */
        public Builder<I, O, M> reference(Function<I, O> reference) {
            this.reference = reference;
            return this;
        }

        /** How far two answers are (e.g. {@link ExerciseCheck#relErr}); answers within {@code tolerance} count as the same. */
        public Builder<I, O, M> distance(ToDoubleBiFunction<O, O> distance, double tolerance) {
            this.distance = distance;
            this.tolerance = tolerance;
            return this;
        }

        /** A typical wrong answer: when the student's answer equals {@code answer(input)}, the mistake is {@code mistake}. Tried in the order added. */
        public Builder<I, O, M> wrong(M mistake, Function<I, O> answer) {
            wrongs.add(new Wrong<>(mistake, answer));
            return this;
        }

        /** A structural check before values are compared (shapes, nulls): returns a mistake, or null when fine. */
        public Builder<I, O, M> precheck(BiFunction<I, O, M> precheck) {
            this.precheck = precheck;
            return this;
        }

        /** The last resort when no wrong variant matches (e.g. which output field is wrong): a mistake, or null for {@code unknown}. */
        public Builder<I, O, M> diagnose(BiFunction<I, O, M> diagnose) {
            this.diagnose = diagnose;
            return this;
        }

        /** Words added to the passing verdict, e.g. "(termasuk T = 1)" / "(including T = 1)". */
        public Builder<I, O, M> passedNote(String indonesian, String english) {
            this.passedId = indonesian;
            this.passedEn = english;
            return this;
        }

        public ExerciseCheck<I, O, M> build() {
            return new ExerciseCheck<>(this);
        }
    }
}
