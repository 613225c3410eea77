package kursus.rnn.kernel;

/** The lock shared by {@link CourseConsole}'s writes and the delivery of Kernel → Interrupt to a cell thread. */
final class CellThreads {

    /** Held while console output is written and while a cell thread is interrupted. */
    static final Object LOCK = new Object();

    private CellThreads() {
    }

    /** Interrupts {@code t}, never in the middle of a console write. */
    static void interrupt(Thread t) {
        synchronized (LOCK) {
            t.interrupt();
        }
    }
}
