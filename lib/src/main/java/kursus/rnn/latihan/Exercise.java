package kursus.rnn.latihan;

import kursus.rnn.core.Msg;

/**
 * What all exercise checks share: the one print-or-throw ({@link #report}) and common message parts.
 *
 * <p>Every exercise has the same two entry points (see {@link ExerciseCheck} for the template):
 * <pre>{@code
 * public static void checkXxx(StudentFn f)               // prints the verdict, throws ExerciseFailedException
 * public static Verdict<Mistake> evaluateXxx(StudentFn f) // the verdict, for tests and demos
 * }</pre>
 */
public final class Exercise {
    private Exercise() {}

    /**
     * Prints the verdict's message; when it did not pass, throws an {@link ExerciseFailedException}
     * whose message starts with {@code exercise + ": " + mistake} (e.g. {@code "Latihan 3.1: FORGOT_DH_NEXT"}).
     *
     * @param exercise the exercise id, {@code "Latihan N.k"}
     * @param verdict the verdict to show
     */
    public static void report(String exercise, Verdict<?> verdict) {
        System.out.println(verdict.message());
        if (!verdict.passed()) {
            throw new ExerciseFailedException(exercise, String.valueOf(verdict.mistake()), verdict.message());
        }
    }

    /** Same as {@link #report}; kept for checks written against the earlier helper. */
    static void printOrThrow(String exercise, Verdict<?> v) {
        report(exercise, v);
    }

    /** The bilingual message when the check was given no function. */
    public static String noFunction() {
        return Msg.of("Fungsi belum diberikan (null).", "No function given (null).");
    }

    /** {@code "SimpleClassName: first line of the message"} of an exception thrown by the student's code. */
    public static String threw(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage()));
    }

    /** A diagnosis: {@code "✗ Kemungkinan kesalahan: " + id} / {@code "✗ Likely mistake: " + en}. */
    public static String likelyMistake(String id, String en) {
        return Msg.of("✗ Kemungkinan kesalahan: " + id, "✗ Likely mistake: " + en);
    }

    static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
