package kursus.rnn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.ExecutionContext;

import jdk.jshell.JShell;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The course engine on a real JShell (no Jupyter): Kernel → Interrupt stops cell code on the running JDK and
 * the engine keeps working; compile errors carry a readable message and the run-cells-above hint.
 */
class CourseJavaEngineTest {

    private static CourseJavaEngine engine;
    private static final ExecutionContext CTX = new ExecutionContext(null);

    @BeforeAll
    static void startEngine() {
        CourseExecutionControl control = new CourseExecutionControl();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        JShell shell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        }, Map.of()).out(new PrintStream(sink, true, StandardCharsets.UTF_8)).build();
        engine = new CourseJavaEngine("test", shell, control, List.of());
    }

    @AfterAll
    static void stopEngine() {
        engine.shutdown();
    }

    /** Runs {@code code} in the background, interrupts after {@code delayMs}; returns (exception, seconds). */
    private static Object[] interruptAfter(String code, long delayMs) throws Exception {
        return interruptWhen(code, delayMs, () -> true);
    }

    /** Like {@link #interruptAfter} but also waits (up to 30 s) until {@code ready} says the cell runs. */
    private static Object[] interruptWhen(String code, long delayMs, java.util.function.BooleanSupplier ready)
            throws Exception {
        CompletableFuture<Exception> done = CompletableFuture.supplyAsync(() -> {
            try {
                engine.eval(CTX, code);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(delayMs);
        long until = System.nanoTime() + 30_000_000_000L;
        while (!ready.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertFalse(done.isDone(), "the cell must still be running when the interrupt comes");
        long t0 = System.nanoTime();
        engine.interrupt();
        Exception e = done.get(10, TimeUnit.SECONDS);
        return new Object[] {e, (System.nanoTime() - t0) / 1e9};
    }

    @Test
    void busyLoopStopsWithinOneSecondAndTheEngineKeepsItsVariables() throws Exception {
        engine.eval(CTX, "int keep = 41;");
        Object[] r = interruptAfter("long s = 0;\nfor (long i = 0; i < 50_000_000_000L; i++) s += i % 7;", 700);
        assertTrue(r[0] instanceof CourseJavaEngine.CellInterruptedException, "got " + r[0]);
        assertTrue((double) r[1] < 1.0, "stopped after " + r[1] + " s");
        assertTrue(((Exception) r[0]).getMessage().contains("[EN] Cell interrupted"), ((Exception) r[0]).getMessage());
        assertEquals(42, engine.eval(CTX, "keep + 1"));
    }

    @Test
    void loopThatSwallowsEverythingStillStops() throws Exception {
        Object[] r = interruptAfter("while (true) {\n  try { Thread.sleep(50); } catch (Throwable t) { }\n}", 500);
        assertTrue(r[0] instanceof CourseJavaEngine.CellInterruptedException, "got " + r[0]);
        assertTrue((double) r[1] < 1.0, "stopped after " + r[1] + " s");
        assertEquals(3, engine.eval(CTX, "1 + 2"));
    }

    @Test
    void interruptStopsTheRestOfTheCell() throws Exception {
        engine.eval(CTX, "int after = 0;");
        Object[] r = interruptAfter("Thread.sleep(60_000);\nafter = 1;", 500);
        assertTrue(r[0] instanceof CourseJavaEngine.CellInterruptedException, "got " + r[0]);
        assertEquals(0, engine.eval(CTX, "after"), "the statement after the interrupted one must not run");
    }

    @Test
    void missingNameGetsTheFirstMessageOnceAndTheRunAboveHint() throws Exception {
        try {
            engine.eval(CTX, "var d = Datasets.load(\"x\") + Datasets.load(\"y\");");
            fail("must not compile");
        } catch (CourseJavaEngine.CompilerException e) {
            String m = e.getMessage();
            assertNotNull(m);
            assertTrue(m.startsWith("cannot find symbol"), m);
            assertTrue(m.startsWith("cannot find symbol; symbol: variable Datasets\n"), m);
            assertTrue(m.contains("[ID] Sel ini memakai sesuatu yang didefinisikan di atas")
                    && m.contains("[EN] This cell uses something defined above") && m.contains("Run All Above"), m);
            String tb = String.join("\n", e.traceback());
            int first = tb.indexOf("Datasets.load");
            assertTrue(first >= 0 && tb.indexOf("var d =", first + 1) < 0,
                    "the source is shown once, not once per diagnostic:\n" + tb);
            assertEquals(1, tb.split("cannot find symbol", -1).length - 1, "each distinct message once:\n" + tb);
        }
    }

    @Test
    void typeErrorHasTheCompilerMessageButNoRunAboveHint() throws Exception {
        try {
            engine.eval(CTX, "int n = \"text\";");
            fail("must not compile");
        } catch (CourseJavaEngine.CompilerException e) {
            assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
            assertFalse(e.getMessage().contains("Run All Above"), e.getMessage());
        }
    }

    @Test
    void cellStuckInALibraryCallIsLeftBehindThenStopsAtItsNextCheck() throws Exception {
        engine.eval(CTX, "long spins = 0;");
        Spinner.entered = false;
        Object[] r = interruptWhen("while (true) {\n  spins += kursus.rnn.kernel.Spinner.spin(4000);\n}", 100,
                () -> Spinner.entered);
        assertTrue(r[0] instanceof CourseJavaEngine.CellInterruptedException, "got " + r[0]);
        assertTrue(((Exception) r[0]).getMessage().contains("keeps running in the background"),
                ((Exception) r[0]).getMessage());
        double waited = (double) r[1];
        assertTrue(waited >= CourseExecutionControl.ABANDON_AFTER_MILLIS / 1000.0 - 0.1 && waited < 5, "" + waited);
        assertEquals(5, engine.eval(CTX, "2 + 3"), "the kernel answers while the stuck cell runs on");
        // the abandoned thread returns from the library call within 4 s and must stop at the loop's check,
        // although the later cell cleared the interrupt flag
        long deadline = System.nanoTime() + 8_000_000_000L;
        boolean spinning = true;
        while (spinning && System.nanoTime() < deadline) {
            Thread.sleep(200);
            spinning = Thread.getAllStackTraces().values().stream().anyMatch(st -> st.length > 0
                    && java.util.Arrays.stream(st).anyMatch(e -> e.getClassName().equals(Spinner.class.getName())));
        }
        assertFalse(spinning, "the abandoned cell is still spinning 8 s later");
    }
}
