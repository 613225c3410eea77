package kursus.rnn.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rapaio.jupyter.kernel.core.ExecutionContext;
import org.rapaio.jupyter.kernel.core.java.IncompleteSourceException;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.display.text.ANSI;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * rapaio's {@link JavaEngine} on the course's {@link CourseExecutionControl}: same evaluation (a cell is split into
 * JShell snippets, the last expression's value is displayed), plus
 * <ul>
 *   <li>Kernel → Interrupt that stops the running cell and the rest of it ({@link CellInterruptedException});</li>
 *   <li>compile errors with a message (rapaio's {@code CompilerException} has none), each diagnostic once, and a
 *   bilingual hint when a name is missing: after a restart a later cell often runs before the cells that define
 *   or import what it uses ({@link CompilerException}).</li>
 * </ul>
 */
final class CourseJavaEngine extends JavaEngine {

    /** Bilingual hint for a missing name (the usual cause: cells run out of order after a restart). */
    static final String RUN_ABOVE_HINT = "[ID] Sel ini memakai sesuatu yang didefinisikan di atas: jalankan dulu "
            + "sel-sel di atasnya — Run → Run All Above (periksa juga ejaannya).\n"
            + "[EN] This cell uses something defined above: run the cells above first — Run → Run All Above "
            + "(also check the spelling).";

    private final JShell shell;
    private final CourseExecutionControl control;

    CourseJavaEngine(String executionId, JShell shell, CourseExecutionControl control, List<String> startupScripts) {
        super(executionId, new RapaioExecutionControlProvider(), shell, startupScripts);
        this.shell = shell;
        this.control = control;
    }

    CourseExecutionControl control() {
        return control;
    }

    /** Kernel → Interrupt: stops the running cell (see {@link CourseExecutionControl#interrupt()}). */
    @Override
    public void interrupt() {
        control.interrupt();
    }

    @Override
    public Object eval(ExecutionContext context, String code) throws Exception {
        control.beginCell();
        Object lastResult = null;
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            String source = info.source().trim();
            if (!source.isEmpty()) {
                if (control.interruptRequested()) {
                    throw new CellInterruptedException(source, "");
                }
                lastResult = evalSnippet(source);
            }
            info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            throw new IncompleteSourceException(info.remaining().trim());
        }
        if (control.interruptRequested()) {
            // the last statement stopped cleanly (e.g. Trainer kept a partial History): still report the interrupt
            throw new CellInterruptedException(code.trim(), "");
        }
        return lastResult;
    }

    @Override
    protected Object evalSnippet(String code) throws Exception {
        List<SnippetEvent> events = shell.eval(code);
        Object result = null;
        for (SnippetEvent event : events) {
            String key = event.value();
            if (key == null) {
                continue;
            }
            Snippet.SubKind subKind = event.snippet().subKind();
            // JShell reports "" for statements and the key returned by CourseExecutionControl.invoke otherwise
            Object value = subKind.isExecutable() && subKind.hasValue() ? control.takeResult(key) : key;
            result = shownValue(subKind) ? value : null;
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException e = event.exception();
            if (e != null) {
                if (e instanceof EvalException ee) {
                    if (CourseExecutionControl.INTERRUPTED_MARKER.equals(ee.getExceptionClassName())) {
                        throw new CellInterruptedException(code, ee.getMessage());
                    }
                    if (CourseExecutionControl.ABANDONED_MARKER.equals(ee.getExceptionClassName())) {
                        throw new CellInterruptedException(code, ee.getMessage());
                    }
                }
                throw e;
            }
            if (!event.status().isDefined()) {
                throw new CompilerException(event, shell.diagnostics(event.snippet()).toList());
            }
        }
        return result;
    }

    /** Same rule as rapaio: the value of an expression or of a bare variable is displayed. */
    private static boolean shownValue(Snippet.SubKind k) {
        return k == Snippet.SubKind.VAR_VALUE_SUBKIND || k == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND
                || k == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** A cell stopped by Kernel → Interrupt. Variables of earlier cells are kept. */
    static final class CellInterruptedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String source;
        private final String detail;

        CellInterruptedException(String source, String detail) {
            super(null, null, false, false);
            this.source = source;
            this.detail = detail == null ? "" : detail;
        }

        String source() {
            return source;
        }

        @Override
        public String getMessage() {
            String base = "[ID] Sel dihentikan (Kernel → Interrupt); variabel dari sel-sel sebelumnya tetap ada. "
                    + "[EN] Cell interrupted (Kernel → Interrupt); variables from earlier cells are kept.";
            return detail.isBlank() ? base : base + " " + detail;
        }

        /** Traceback lines for the notebook. */
        List<String> traceback() {
            List<String> msgs = new ArrayList<>(ANSI.errorTypeHeader("Interrupted:"));
            msgs.addAll(ANSI.sourceCode(source));
            msgs.addAll(ANSI.errorMessages(getMessage()));
            return msgs;
        }
    }

    /**
     * A cell that does not compile. The message holds the compiler's first diagnostic (and the hint), so it is
     * readable where only the message is shown (nbclient, the error's one-line summary). Same simple name as
     * rapaio's exception, so the error's {@code ename} stays "CompilerException" for tools that sort errors.
     */
    static final class CompilerException extends org.rapaio.jupyter.kernel.core.java.CompilerException {
        private static final long serialVersionUID = 1L;
        private final transient List<Diag> diagnostics;
        private final String source;

        CompilerException(SnippetEvent event, List<Diag> diagnostics) {
            super(event);
            this.diagnostics = List.copyOf(diagnostics);
            this.source = event.snippet().source();
        }

        /** Whether a diagnostic says a name (variable, class, method, package) is unknown. */
        boolean missingName() {
            for (Diag d : diagnostics) {
                String c = d.getCode() == null ? "" : d.getCode();
                if (c.startsWith("compiler.err.cant.resolve") || c.equals("compiler.err.doesnt.exist")) {
                    return true;
                }
            }
            return false;
        }

        /** The distinct diagnostic messages, in order, each once. */
        List<String> messages() {
            Set<String> seen = new LinkedHashSet<>();
            for (Diag d : diagnostics) {
                // JShell's wrapper class has no name: drop javac's empty "location: class" line
                seen.add(d.getMessage(Locale.ROOT).replaceAll("(?m)^\\s*location: class\\s*$", "").strip());
            }
            return new ArrayList<>(seen);
        }

        @Override
        public String getMessage() {
            List<String> m = messages();
            String first = m.isEmpty() ? "compile error"
                    : m.get(0).replaceAll("\\s*\\n\\s*", "; ").replaceAll(" {2,}", " ");
            if (m.size() > 1) {
                first += " (+" + (m.size() - 1) + " more)";
            }
            return missingName() ? first + "\n" + RUN_ABOVE_HINT : first;
        }

        /** Traceback lines: the source once, marked at the first error, then each distinct message, then the hint. */
        List<String> traceback() {
            List<String> msgs = new ArrayList<>(ANSI.errorTypeHeader("Compile error:"));
            if (!diagnostics.isEmpty()) {
                Diag d = diagnostics.get(0);
                msgs.addAll(ANSI.sourceCode(source, (int) d.getPosition(), (int) d.getStartPosition(),
                        (int) d.getEndPosition()));
            } else {
                msgs.addAll(ANSI.sourceCode(source));
            }
            for (String m : messages()) {
                msgs.addAll(ANSI.errorMessages(m));
            }
            if (missingName()) {
                msgs.add("");
                msgs.addAll(ANSI.errorMessages(RUN_ABOVE_HINT));
            }
            return msgs;
        }
    }
}
