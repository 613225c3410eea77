package kursus.rnn.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * JShell execution control of the course kernel: runs cell code in the kernel JVM (like rapaio's
 * {@code RapaioExecutionControl}, so that results stay Java objects for display) and makes Kernel → Interrupt
 * stop it on every JDK:
 *
 * <ul>
 *   <li>cell classes are instrumented on load ({@link LoopInstrumenter}): every loop iteration of cell code
 *   checks {@link StopCheck};</li>
 *   <li>{@link #interrupt()} raises that flag and interrupts the thread running the cell, which ends sleeps and
 *   waits at once and lets the library's loops stop cleanly (they check {@link Thread#isInterrupted()});</li>
 *   <li>a cell that still runs {@link #ABANDON_AFTER_MILLIS} after the request (stuck inside a long library or
 *   JDK call) is left to finish in the background and the kernel answers again, with a message saying so.</li>
 * </ul>
 *
 * Results are kept under a random key that {@link #invoke(Method)} returns (as in rapaio/IJava) and are taken
 * by {@link #takeResult(String)}.
 */
final class CourseExecutionControl extends DirectExecutionControl {

    /** Exception "class name" of a {@link UserException} that means "stopped by Kernel → Interrupt". */
    static final String INTERRUPTED_MARKER = "## Kursus Interrupted ##";
    /** Exception "class name" of a {@link UserException} that means "still running in the background". */
    static final String ABANDONED_MARKER = "## Kursus Abandoned ##";
    /** How long after the interrupt request a cell may take to stop before the kernel answers anyway. */
    static final long ABANDON_AFTER_MILLIS = 3000;

    private static final AtomicInteger THREAD_ID = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kursus-cell-" + THREAD_ID.getAndIncrement());
        t.setDaemon(true); // a cell left running never keeps the JVM alive at shutdown
        return t;
    });
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private volatile Thread worker;
    private volatile boolean interruptRequested;
    private volatile long interruptAt;

    CourseExecutionControl() {
        super();
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        ClassBytecodes[] instrumented = new ClassBytecodes[cbcs.length];
        for (int k = 0; k < cbcs.length; k++) {
            instrumented[k] = new ClassBytecodes(cbcs[k].name(), LoopInstrumenter.instrument(cbcs[k].bytecodes()));
        }
        super.load(instrumented);
    }

    /** A new cell starts: forget an earlier interrupt request. */
    void beginCell() {
        results.clear(); // keys of statements are never taken; no result outlives its cell
        interruptRequested = false;
        StopCheck.clear();
    }

    /** Whether Kernel → Interrupt was requested since the current cell started. */
    boolean interruptRequested() {
        return interruptRequested;
    }

    /** Kernel → Interrupt (called on the control channel's thread). */
    void interrupt() {
        interruptAt = System.nanoTime();
        interruptRequested = true;
        StopCheck.request();
        Thread w = worker;
        if (w != null) {
            CellThreads.interrupt(w);
        }
    }

    /**
     * Takes the result object stored under {@code key}.
     *
     * @return the cell's value ({@code null} for a null value)
     * @throws IllegalStateException if there is none
     */
    Object takeResult(String key) {
        Object r = results.remove(key);
        if (r == null) {
            throw new IllegalStateException("No result with key: " + key);
        }
        return r == NULL ? null : r;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Future<Object> task = executor.submit(() -> {
            Thread self = Thread.currentThread();
            StopCheck.release(self); // a pooled thread may have been doomed in an earlier cell that then ended
            worker = self;
            Thread.interrupted(); // a pooled thread starts clean
            if (interruptRequested) {
                self.interrupt();
            }
            try {
                return doit.invoke(null);
            } finally {
                if (worker == self) { // an abandoned thread must not clear a later cell's worker
                    worker = null;
                }
                StopCheck.release(self);
                Thread.interrupted();
            }
        });
        Object value;
        while (true) {
            try {
                value = task.get(50, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (interruptRequested
                        && System.nanoTime() - interruptAt > ABANDON_AFTER_MILLIS * 1_000_000L) {
                    Thread stuck = worker;
                    if (stuck != null) {
                        StopCheck.doom(stuck); // stops at its next check in cell code, even during later cells
                    }
                    task.cancel(true);
                    worker = null;
                    throw new UserException("[ID] Sel tidak berhenti dalam " + ABANDON_AFTER_MILLIS / 1000
                            + " s setelah Interrupt dan masih berjalan di latar belakang (di dalam pemanggilan "
                            + "pustaka yang panjang). Kernel bisa dipakai lagi; bila terasa lambat, pakai Kernel → "
                            + "Restart. [EN] The cell did not stop within " + ABANDON_AFTER_MILLIS / 1000
                            + " s of the interrupt and keeps running in the background (inside a long library "
                            + "call). The kernel answers again; if it feels slow, use Kernel → Restart.",
                            ABANDONED_MARKER, e.getStackTrace());
                }
            } catch (CancellationException e) {
                throw new UserException("cancelled", INTERRUPTED_MARKER, e.getStackTrace());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InvocationTargetException ite && ite.getCause() != null) {
                    cause = ite.getCause();
                }
                if (cause == null) {
                    throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
                }
                if (interruptRequested || cause instanceof StopCheck.CellInterrupted) {
                    throw new UserException(cause instanceof StopCheck.CellInterrupted ? "" : cause.toString(),
                            INTERRUPTED_MARKER, cause.getStackTrace());
                }
                if (cause instanceof SPIResolutionException spi) {
                    throw new ResolutionException(spi.id(), cause.getStackTrace());
                }
                throw new UserException(cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
            }
        }
        String key = UUID.randomUUID().toString();
        results.put(key, value != null ? value : NULL);
        return key;
    }

    /** Stand-in for a {@code null} result (the map cannot hold null). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        super.close();
    }
}
