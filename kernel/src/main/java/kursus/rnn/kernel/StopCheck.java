package kursus.rnn.kernel;

/**
 * The stop flag that Kernel → Interrupt raises, and the check that {@link LoopInstrumenter} inserts into
 * every notebook cell's compiled code (at each method start and before each backward jump, i.e. once per loop
 * iteration).
 *
 * <p>Cell code is compiled by JShell and loaded by a class loader whose parent holds this class, so the
 * inserted {@code invokestatic kursus/rnn/kernel/StopCheck.check()V} resolves here. The check costs one volatile
 * read while no interrupt is pending.
 *
 * <p>Library code (lib/) is not instrumented; its long loops ({@code Trainer}, text generation) check
 * {@link Thread#isInterrupted()} and stop cleanly, keeping partial results. To give them that chance first,
 * the check in cell code fires only {@link #GRACE_NANOS} after the request.
 */
public final class StopCheck {

    /** Delay between the interrupt request and the first throwing check in cell code (lets library loops stop cleanly). */
    public static final long GRACE_NANOS = 250_000_000L;

    private static volatile boolean requested;
    private static volatile long requestedAt;
    /** Cell threads left running in the background after an interrupt: they stop at their next check. */
    private static final java.util.Set<Thread> DOOMED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile boolean anyDoomed;

    private StopCheck() {
    }

    /**
     * Thrown out of cell code when Kernel → Interrupt was requested. An {@link Error}, so that
     * {@code catch (Exception e)} in a cell does not swallow it; a cell that catches {@code Throwable} gets it
     * again at the next loop iteration.
     */
    public static final class CellInterrupted extends Error {
        private static final long serialVersionUID = 1L;

        CellInterrupted() {
            super("[ID] Sel dihentikan (Kernel → Interrupt). [EN] Cell interrupted (Kernel → Interrupt).", null,
                    false, false);
        }
    }

    /**
     * Called by instrumented cell code; throws {@link CellInterrupted} once an interrupt has been pending for
     * {@link #GRACE_NANOS}.
     */
    public static void check() {
        if (requested || anyDoomed) {
            slowPath();
        }
    }

    private static void slowPath() {
        if (requested && System.nanoTime() - requestedAt >= GRACE_NANOS) {
            throw new CellInterrupted();
        }
        if (anyDoomed && DOOMED.contains(Thread.currentThread())) {
            throw new CellInterrupted();
        }
    }

    /**
     * Marks a cell thread that the kernel stopped waiting for: it keeps being stopped at its next check even
     * after later cells clear the flag.
     */
    static void doom(Thread t) {
        DOOMED.add(t);
        anyDoomed = true;
    }

    /** The current thread finished its cell: it is no longer doomed. */
    static void release(Thread t) {
        if (DOOMED.remove(t)) {
            anyDoomed = !DOOMED.isEmpty();
        }
    }

    /** Raises the flag (Kernel → Interrupt). */
    static void request() {
        requestedAt = System.nanoTime();
        requested = true;
    }

    /** Lowers the flag (a new cell starts). */
    static void clear() {
        requested = false;
    }

    /** Whether an interrupt is pending. */
    static boolean isRequested() {
        return requested;
    }
}
