package kursus.rnn.optim;

import kursus.rnn.core.Checks;
import kursus.rnn.core.F32;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Msg;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Gradient clipping against exploding gradients. The lecture uses both forms: by global norm
 * (max norm 5) and element-wise by value (±10).
 */
public final class GradClip {
    private GradClip() {}

    private static final ThreadLocal<float[]> BUFFER = ThreadLocal.withInitial(() -> new float[0]);

    /** A float[] of at least {@code n} elements, kept per thread (a training step reads every gradient). */
    private static float[] buffer(int n) {
        float[] b = BUFFER.get();
        if (b.length < n) {
            b = new float[n];
            BUFFER.set(b);
        }
        return b;
    }

    /** {@code ‖g‖ = sqrt(Σ over all parameters and entries of g²)}. */
    public static double globalNorm(Params params) {
        double s = 0;
        for (Param p : params) {
            if (p.dataType() == DataType.FLOAT) {
                F32 g = F32.of(p.grad());
                float[] v = buffer(g.length);
                g.get(0, v, 0, g.length); // one bulk read into a reused buffer
                for (int i = 0; i < g.length; i++) {
                    s += (double) v[i] * v[i];
                }
                continue;
            }
            Flat g = Flat.of(p.grad());
            double[] v = new double[g.length];
            g.copyTo(v);
            for (double x : v) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Scales every gradient by {@code maxNorm / (‖g‖ + 1e-6)} when that factor is below 1 (the rule
     * of {@code torch.nn.utils.clip_grad_norm_}), so the global norm becomes at most {@code maxNorm}.
     *
     * @return the global norm BEFORE clipping (worth logging: spikes show exploding gradients)
     */
    public static double clipByGlobalNorm(Params params, double maxNorm) {
        Checks.positive("maxNorm", maxNorm);
        double norm = globalNorm(params);
        clipToNorm(params, norm, maxNorm);
        return norm;
    }

    /**
     * {@link #clipByGlobalNorm} for a norm already computed with {@link #globalNorm} (e.g. by a
     * training loop that also records it), so the gradients are read once per step.
     */
    public static void clipToNorm(Params params, double norm, double maxNorm) {
        Checks.positive("maxNorm", maxNorm);
        if (!Double.isFinite(norm)) {
            throw Msg.badState(
                    "norma gradien = " + norm + " (NaN/Inf): pelatihan sudah divergen; turunkan laju belajar",
                    "gradient norm = " + norm + " (NaN/Inf): training has diverged; lower the learning rate");
        }
        double coef = maxNorm / (norm + 1e-6);
        if (clipsAtNorm(norm, maxNorm)) {
            for (Param p : params) {
                p.grad().muli(coef);
            }
        }
    }

    /**
     * Clamps every gradient entry to {@code [−limit, limit]} (like {@code np.clip(g, -limit, limit)}).
     *
     * @return how many entries were clamped (0: the gradient was left unchanged)
     */
    public static long clipByValue(Params params, double limit) {
        Checks.positive("limit", limit);
        long clamped = 0;
        for (Param p : params) {
            Flat g = Flat.of(p.grad());
            for (int i = 0; i < g.length; i++) {
                double v = g.get(i);
                if (v > limit) {
                    g.set(i, limit);
                    clamped++;
                } else if (v < -limit) {
                    g.set(i, -limit);
                    clamped++;
                }
            }
        }
        return clamped;
    }

    /** Whether {@link #clipByGlobalNorm} with this threshold changes a gradient whose global norm is {@code norm}. */
    public static boolean clipsAtNorm(double norm, double maxNorm) {
        return maxNorm / (norm + 1e-6) < 1.0;
    }
}
