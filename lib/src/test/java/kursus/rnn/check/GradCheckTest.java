package kursus.rnn.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.core.Params;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The printed report ends with a bilingual verdict, so a student need not know to call passed(tol). */
class GradCheckTest {
    /** L = sum(w^2) (+ an error of (factor - 2)·w in the "analytic" gradient when factor != 2). */
    private static GradCheck.Report check(GradCheck g, double factor) {
        Params p = new Params();
        p.add("w", Nd4j.create(new double[] {0.5, -1.5, 2.0}, new long[] {3}).castTo(DataType.DOUBLE));
        return g.run(p, () -> {
            p.zeroGrad();
            p.grad("w").addi(p.value("w").mul(factor));
            return p.value("w").mul(p.value("w")).sumNumber().doubleValue();
        });
    }

    @Test
    void aCorrectGradientPrintsPassedWithTheTolerance() {
        GradCheck.Report r = check(new GradCheck(), 2.0);
        String s = r.toString();
        assertTrue(r.passed());
        assertTrue(s.contains("[ID] LULUS") && s.contains("[EN] PASSED") && s.contains("< tolerance 1e-06"), s);
    }

    @Test
    void aWrongGradientPrintsFailedNamingTheWorstEntry() {
        GradCheck.Report r = check(new GradCheck(), 2.2);
        String s = r.toString();
        assertFalse(r.passed());
        assertTrue(s.contains("[ID] GAGAL") && s.contains("[EN] FAILED") && s.contains(">= tolerance 1e-06")
                && s.contains("worst at w[0]"), s);
    }

    @Test
    void theToleranceCanBeChosen() {
        GradCheck.Report r = check(new GradCheck().tolerance(0.1), 2.2); // relative error 0.2/4.2 = 0.048
        assertTrue(r.passed() && r.toString().contains("< tolerance 1e-01"), r.toString());
    }
}
