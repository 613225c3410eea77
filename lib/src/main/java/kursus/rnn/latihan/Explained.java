package kursus.rnn.latihan;

/**
 * A mistake that carries its own bilingual explanation, so that {@link ExerciseCheck} can print it.
 * An exercise's {@code Mistake} enum implements it with two constructor arguments:
 *
 * <pre>{@code
 * public enum Mistake implements Explained {
 *     NONE("benar", "correct"),
 *     FORGOT_SQUARE("nilai belum dikuadratkan: ...", "the values are not squared: ...");
 *     private final String id, en;
 *     Mistake(String id, String en) { this.id = id; this.en = en; }
 *     public String indonesian() { return id; }
 *     public String english() { return en; }
 * }
 * }</pre>
 *
 * The text is a hint: it names what is wrong and where to look, without giving the answer away.
 */
public interface Explained {
    /** The explanation in Indonesian. */
    String indonesian();

    /** The explanation in English. */
    String english();
}
