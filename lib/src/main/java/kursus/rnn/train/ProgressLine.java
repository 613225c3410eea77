package kursus.rnn.train;

import java.io.PrintStream;

/**
 * One status line that is rewritten in place ({@code \r}) instead of printing thousands of lines:
 * Jupyter front ends and terminals both overwrite the line on a carriage return. Updates are
 * throttled so a fast loop does not flood the notebook with output messages.
 */
final class ProgressLine {
    private final PrintStream out;
    private final long minIntervalNanos;
    private long lastPrint = Long.MIN_VALUE;
    private int lastLength;

    ProgressLine(PrintStream out, double minIntervalSeconds) {
        this.out = out;
        this.minIntervalNanos = (long) (minIntervalSeconds * 1e9);
    }

    /** Rewrites the line if enough time has passed since the last rewrite (or if {@code force}). */
    void update(String text, boolean force) {
        long now = System.nanoTime();
        if (out == null || (!force && lastPrint != Long.MIN_VALUE && now - lastPrint < minIntervalNanos)) {
            return;
        }
        lastPrint = now;
        String padded = text.length() < lastLength ? text + " ".repeat(lastLength - text.length()) : text;
        lastLength = text.length();
        out.print("\r" + padded);
        out.flush();
    }

    /** Ends the line so that later output starts on a fresh one. */
    void finish(String text) {
        if (out == null) {
            return;
        }
        update(text, true);
        out.println();
        out.flush();
    }

    /** "12 s", "3 min 05 s". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format("%d min %02d s", s / 60, s % 60);
    }
}
