package kursus.rnn.kernel;

/** Test helper outside cell code (not instrumented): a library call that ignores interrupts. */
public final class Spinner {
    private Spinner() {
    }

    /** Set when {@link #spin} was entered (the cell is running). */
    public static volatile boolean entered;

    /** Busy-waits {@code millis}, ignoring interrupts, like a long native library call. */
    public static long spin(long millis) {
        entered = true;
        long end = System.nanoTime() + millis * 1_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            n++;
        }
        return n;
    }
}
