package kursus.rnn.core;

/**
 * Bilingual (Bahasa Indonesia first, then English) messages for errors and check verdicts.
 *
 * <p>Every student-facing message in the library goes through this class so that the layout is the
 * same everywhere: one line per language, Indonesian first, each with its marker.
 */
public final class Msg {
    /** Marker that starts the Indonesian part of a message. */
    public static final String ID = "[ID] ";
    /** Marker that starts the English part of a message. */
    public static final String EN = "[EN] ";

    private Msg() {}

    /** Joins the two language versions of one message: Indonesian line, then English line. */
    public static String of(String indonesian, String english) {
        return ID + indonesian + "\n" + EN + english;
    }

    /** An {@link IllegalArgumentException} carrying a bilingual message (bad input from the caller). */
    public static IllegalArgumentException badInput(String indonesian, String english) {
        return new IllegalArgumentException(of(indonesian, english));
    }

    /** An {@link IllegalStateException} carrying a bilingual message (bad state, e.g. NaN loss). */
    public static IllegalStateException badState(String indonesian, String english) {
        return new IllegalStateException(of(indonesian, english));
    }
}
