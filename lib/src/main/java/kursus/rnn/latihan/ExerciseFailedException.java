package kursus.rnn.latihan;

/**
 * Thrown by every {@code LatihanNN.checkXxx} when the student's answer is wrong.
 *
 * <p>The message starts with one machine-readable line, {@code "<exercise>: <MISTAKE>"} (for example
 * {@code "Latihan 3.1: FORGOT_DH_NEXT"}), followed by the bilingual verdict the check printed. A grading
 * tool can read {@link #exercise()} and {@link #mistake()} directly, or parse that first line.
 */
public final class ExerciseFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String exercise;
    private final String mistake;
    private final String verdictMessage;

    /**
     * @param exercise the exercise id, e.g. {@code "Latihan 3.1"}
     * @param mistake the name of the diagnosed mistake (the exercise's {@code Mistake} constant)
     * @param verdictMessage the bilingual verdict shown to the student
     */
    public ExerciseFailedException(String exercise, String mistake, String verdictMessage) {
        super(exercise + ": " + mistake + "\n" + verdictMessage);
        this.exercise = exercise;
        this.mistake = mistake;
        this.verdictMessage = verdictMessage;
    }

    /** The exercise id, e.g. {@code "Latihan 3.1"}. */
    public String exercise() {
        return exercise;
    }

    /** The name of the diagnosed mistake, e.g. {@code "FORGOT_DH_NEXT"}. */
    public String mistake() {
        return mistake;
    }

    /** The bilingual verdict (without the first, machine-readable line). */
    public String verdictMessage() {
        return verdictMessage;
    }
}
