package kursus.rnn.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Gradient checking by central finite differences, in double precision.
 *
 * <p>For every checked entry {@code θ} of every parameter:
 * <pre>
 * numeric  = (L(θ + ε) − L(θ − ε)) / 2ε
 * analytic = what the backward pass put into the parameter's gradient
 * error    = |analytic − numeric| / max(|analytic| + |numeric|, floor)
 * </pre>
 * The {@code floor} (default 1e-4) keeps entries whose true gradient is ~0 from dividing round-off
 * by round-off; for them the error is the absolute difference scaled by 1/floor.
 *
 * <p>Usage: the lambda must zero the gradients, compute the loss and fill the gradients, exactly
 * what the models' {@code forwardBackward} does:
 * <pre>
 * GradCheck.Report r = GradCheck.check(model.params(), () -> model.forwardBackward(x, y));
 * System.out.println(r);              // a table, one row per parameter, then a bilingual PASSED/FAILED line
 * r.passed()                          // max relative error &lt; tolerance (default 1e-6)
 * </pre>
 * Inputs can be checked too: add them to a {@link Params} as extra entries whose gradient the
 * lambda fills (e.g. with {@code dX}).
 */
public final class GradCheck {
    /** Default step ε. */
    public static final double EPS = 1e-5;
    /** Default denominator floor. */
    public static final double FLOOR = 1e-4;
    /** Default tolerance on the max relative error for {@link Report#passed()} and the printed verdict. */
    public static final double TOLERANCE = 1e-6;

    private double eps = EPS;
    private double floor = FLOOR;
    private int maxEntries = Integer.MAX_VALUE;
    private double tolerance = TOLERANCE;

    /** Checker with the defaults (ε = 1e-5, floor = 1e-4, every entry). */
    public GradCheck() {}

    public GradCheck eps(double eps) {
        this.eps = Checks.positive("eps", eps);
        return this;
    }

    public GradCheck floor(double floor) {
        this.floor = Checks.positive("floor", floor);
        return this;
    }

    /** The tolerance of the verdict line and of {@link Report#passed()} (default 1e-6). */
    public GradCheck tolerance(double tol) {
        this.tolerance = Checks.positive("tol", tol);
        return this;
    }

    /** Check at most {@code n} entries per parameter (evenly spaced), for larger models. */
    public GradCheck maxEntriesPerParam(int n) {
        this.maxEntries = Checks.positive("n", n);
        return this;
    }

    /** {@code new GradCheck().run(params, forwardBackward)}. */
    public static Report check(Params params, DoubleSupplier forwardBackward) {
        return new GradCheck().run(params, forwardBackward);
    }

    /**
     * Runs the check.
     *
     * @param params DOUBLE parameters (and optionally inputs) to check
     * @param forwardBackward zeroes gradients, returns the loss, fills the gradients
     */
    public Report run(Params params, DoubleSupplier forwardBackward) {
        Checks.notNull("params", params);
        Checks.notNull("forwardBackward", forwardBackward);
        for (Param p : params) {
            if (p.dataType() != DataType.DOUBLE) {
                throw Msg.badInput(
                        p.name() + ": pemeriksaan gradien butuh DOUBLE, ternyata " + p.dataType()
                                + "; buat model dengan DataType.DOUBLE",
                        p.name() + ": a gradient check needs DOUBLE, got " + p.dataType()
                                + "; build the model with DataType.DOUBLE");
            }
        }
        double loss = forwardBackward.getAsDouble();
        List<double[]> analytic = new ArrayList<>();
        for (Param p : params) {
            analytic.add(Flat.of(p.grad()).toArray());
        }
        List<Row> rows = new ArrayList<>();
        int k = 0;
        for (Param p : params) {
            double[] a = analytic.get(k++);
            Flat v = Flat.of(p.value());
            int n = v.length;
            int step = Math.max(1, (int) Math.ceil(n / (double) maxEntries));
            double maxRel = 0, maxAbs = 0;
            long worst = -1;
            int checked = 0;
            for (int i = 0; i < n; i += step) {
                double old = v.get(i);
                v.set(i, old + eps);
                double lp = forwardBackward.getAsDouble();
                v.set(i, old - eps);
                double lm = forwardBackward.getAsDouble();
                v.set(i, old);
                double num = (lp - lm) / (2 * eps);
                double abs = Math.abs(a[i] - num);
                double rel = abs / Math.max(Math.abs(a[i]) + Math.abs(num), floor);
                if (worst < 0 || rel > maxRel) {
                    maxRel = rel;
                    worst = i;
                }
                maxAbs = Math.max(maxAbs, abs);
                checked++;
            }
            rows.add(new Row(p.name(), p.shape(), checked, maxRel, maxAbs, Checks.unravel(worst, p.shape())));
        }
        forwardBackward.getAsDouble(); // leave the gradients as the analytic ones at the true values
        return new Report(loss, rows, tolerance);
    }

    /** One line of the report. */
    public record Row(String name, long[] shape, int checked, double maxRelError, double maxAbsError, long[] worstIndex) {}

    /** The outcome: per-parameter max relative error, printable as a table. */
    public static final class Report {
        private final double loss;
        private final List<Row> rows;
        private final double tolerance;

        Report(double loss, List<Row> rows, double tolerance) {
            this.loss = loss;
            this.rows = Collections.unmodifiableList(rows);
            this.tolerance = tolerance;
        }

        /** The tolerance used by {@link #passed()} and the printed verdict. */
        public double tolerance() {
            return tolerance;
        }

        /** True when every parameter's max relative error is below {@link #tolerance()}. */
        public boolean passed() {
            return passed(tolerance);
        }

        /**
         * The bilingual verdict printed under the table: PASSED/LULUS with the largest error and the
         * tolerance, or FAILED/GAGAL naming the worst parameter and entry.
         */
        public String verdict() {
            double max = maxRelError();
            String err = String.format(java.util.Locale.ROOT, "%.2e", max);
            String tol = String.format(java.util.Locale.ROOT, "%.0e", tolerance);
            if (passed()) {
                return Msg.of("LULUS: galat relatif maks " + err + " < toleransi " + tol
                                + " untuk semua parameter: backward cocok dengan selisih hingga.",
                        "PASSED: max relative error " + err + " < tolerance " + tol
                                + " for every parameter: the backward pass matches finite differences.");
            }
            Row worst = rows.get(0);
            for (Row r : rows) {
                if (!(r.maxRelError() <= worst.maxRelError())) {
                    worst = r;
                }
            }
            String at = worst.name() + Arrays.toString(worst.worstIndex()).replace(" ", "");
            return Msg.of("GAGAL: galat relatif maks " + err + " >= toleransi " + tol + ", terburuk di " + at
                            + ". Periksa rumus gradien parameter " + worst.name() + " di backward (ingat: model"
                            + " harus DOUBLE, dan fungsi loss harus sama persis di setiap panggilan).",
                    "FAILED: max relative error " + err + " >= tolerance " + tol + ", worst at " + at
                            + ". Check the gradient formula of parameter " + worst.name() + " in the backward pass"
                            + " (remember: the model must be DOUBLE, and the loss function must be exactly the"
                            + " same on every call).");
        }

        public List<Row> rows() {
            return rows;
        }

        /** Loss at the unperturbed parameters. */
        public double loss() {
            return loss;
        }

        /** Largest relative error over all parameters. */
        public double maxRelError() {
            double m = 0;
            for (Row r : rows) {
                m = Math.max(m, r.maxRelError());
            }
            return m;
        }

        /** Max relative error of one parameter. */
        public double maxRelError(String name) {
            for (Row r : rows) {
                if (r.name().equals(name)) {
                    return r.maxRelError();
                }
            }
            throw Msg.badInput("tidak ada parameter '" + name + "' di laporan", "no parameter '" + name + "' in the report");
        }

        /** True when every parameter's max relative error is below {@code tol}. */
        public boolean passed(double tol) {
            return maxRelError() < tol;
        }

        @Override
        public String toString() {
            int w = 5;
            for (Row r : rows) {
                w = Math.max(w, r.name().length());
            }
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-" + w + "s  %-12s %8s  %-12s %-12s %s%n",
                    "param", "shape", "checked", "max rel err", "max abs err", "worst at"));
            for (Row r : rows) {
                sb.append(String.format("%-" + w + "s  %-12s %8d  %-12.3e %-12.3e %s%n", r.name(),
                        Arrays.toString(r.shape()).replace(" ", ""), r.checked(), r.maxRelError(), r.maxAbsError(),
                        Arrays.toString(r.worstIndex()).replace(" ", "")));
            }
            sb.append(verdict()).append(System.lineSeparator());
            return sb.toString();
        }
    }
}
