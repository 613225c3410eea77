package kursus.rnn.latihan;

/**
 * The outcome of an exercise check, the one verdict type of all exercises: whether the answer
 * passed, the mistake the check diagnosed (the exercise's own {@code Mistake} enum; its "no mistake"
 * constant when it passed) and the bilingual message shown to the student.
 *
 * <p>Every exercise returns it from {@code LatihanNN.evaluateXxx(f)} (for tests) and prints it from
 * {@code LatihanNN.checkXxx(f)}, which throws an {@link ExerciseFailedException} when it did not pass
 * (see {@link Exercise#report}).
 *
 * @param passed whether the answer is right
 * @param mistake the diagnosed mistake
 * @param message the bilingual message ({@code [ID]} line, {@code [EN]} line; may start with a table)
 * @param <M> the exercise's enum of mistakes
 */
public record Verdict<M extends Enum<M>>(boolean passed, M mistake, String message) {

    /** A passing verdict. */
    public static <M extends Enum<M>> Verdict<M> pass(M none, String message) {
        return new Verdict<>(true, none, message);
    }

    /** A failing verdict naming {@code mistake}. */
    public static <M extends Enum<M>> Verdict<M> fail(M mistake, String message) {
        return new Verdict<>(false, mistake, message);
    }
}
