package kursus.rnn.latihan;

import kursus.rnn.core.Msg;

/** What the exercise checks share: printing a verdict and throwing on failure, and common message parts. */
final class Exercise {
    private Exercise() {}

    /** Prints {@code shown}; when the answer did not pass, throws an {@link IllegalStateException} with {@code thrown}. */
    static void printOrThrow(boolean passed, String shown, String thrown) {
        System.out.println(shown);
        if (!passed) {
            throw new IllegalStateException(thrown);
        }
    }

    /** Prints {@code message}; when the answer did not pass, throws an {@link IllegalStateException} with the same message. */
    static void printOrThrow(boolean passed, String message) {
        printOrThrow(passed, message, message);
    }

    /**
     * Prints the verdict's message; on failure throws with {@code exercise + ": " + mistake} above the message
     * (e.g. {@code "Latihan 3: FORGOT_DH_NEXT\n..."}).
     */
    static void printOrThrow(String exercise, Verdict<?> v) {
        printOrThrow(v.passed(), v.message(), exercise + ": " + v.mistake() + "\n" + v.message());
    }

    /** The bilingual message when the check was given no function. */
    static String noFunction() {
        return Msg.of("Fungsi belum diberikan (null).", "No function given (null).");
    }

    /** {@code "SimpleClassName: first line of the message"} of an exception thrown by the student's code. */
    static String threw(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage()));
    }

    /** A diagnosis: {@code "✗ Kemungkinan kesalahan: " + id} / {@code "✗ Likely mistake: " + en}. */
    static String likelyMistake(String id, String en) {
        return Msg.of("✗ Kemungkinan kesalahan: " + id, "✗ Likely mistake: " + en);
    }

    static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
