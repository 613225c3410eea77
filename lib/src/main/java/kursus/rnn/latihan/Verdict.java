package kursus.rnn.latihan;

/**
 * The outcome of an exercise check: whether the answer passed, the mistake the check diagnosed
 * (the exercise's own {@code Mistake} enum; its "no mistake" constant when it passed) and the
 * bilingual message shown to the student.
 *
 * <p>Returned by {@link Latihan03#evaluate} and {@link Latihan04#evaluate}, and used inside
 * {@link Latihan01}. ({@link Latihan02.Verdict} keeps its own shape: notebook 02 names that type.)
 *
 * @param passed whether the answer is right
 * @param mistake the diagnosed mistake
 * @param message the bilingual message ({@code [ID]} line, {@code [EN]} line; may start with a table)
 * @param <M> the exercise's enum of mistakes
 */
public record Verdict<M extends Enum<M>>(boolean passed, M mistake, String message) {}
