package kursus.rnn.optim;

import java.util.IdentityHashMap;
import java.util.Map;
import kursus.rnn.core.Checks;
import kursus.rnn.core.F32;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam with PyTorch's exact update ({@code torch.optim.Adam}, no weight decay):
 *
 * <pre>
 * t ← t + 1
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * θ ← θ − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
 * </pre>
 * Moments are kept per parameter array and start at 0: in double precision for DOUBLE parameters,
 * in float32 for FLOAT parameters (as PyTorch keeps them for float32 parameters).
 */
public final class Adam implements Optimizer {
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<INDArray, Moments> state = new IdentityHashMap<>();

    private static final class Moments {
        final double[] m;
        final double[] v;
        final double[] w; // work copies of the parameter and its gradient (one bulk read/write per step)
        final double[] g;
        final float[] wf; // FLOAT parameters: value, gradient and moments in float32
        final float[] gf;
        final float[] mf;
        final float[] vf;
        long t;

        Moments(int n, boolean f32) {
            m = f32 ? null : new double[n];
            v = f32 ? null : new double[n];
            mf = f32 ? new float[n] : null;
            vf = f32 ? new float[n] : null;
            w = f32 ? null : new double[n];
            g = f32 ? null : new double[n];
            wf = f32 ? new float[n] : null;
            gf = f32 ? new float[n] : null;
        }
    }

    /** Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = Checks.positive("lr", lr);
        this.beta1 = Checks.inRange("beta1", beta1, 0.0, 0.999999999);
        this.beta2 = Checks.inRange("beta2", beta2, 0.0, 0.999999999);
        this.eps = Checks.positive("eps", eps);
    }

    @Override
    public void step(Params params) {
        for (Param p : params) {
            if (p.dataType() == DataType.FLOAT) {
                stepF32(p);
                continue;
            }
            Flat wf = Flat.of(p.value()), gf = Flat.of(p.grad());
            Moments s = state.computeIfAbsent(p.value(), k -> new Moments(wf.length, false));
            s.t++;
            double bc1 = 1.0 - Math.pow(beta1, s.t);
            double bc2 = 1.0 - Math.pow(beta2, s.t);
            double stepSize = lr / bc1;
            double sqrtBc2 = Math.sqrt(bc2);
            double[] m = s.m, v = s.v, w = s.w, g = s.g;
            wf.copyTo(w);
            gf.copyTo(g);
            for (int i = 0; i < w.length; i++) {
                double gi = g[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtBc2 + eps);
            }
            wf.copyFrom(w);
        }
    }

    /**
     * The same update for a FLOAT parameter in float arithmetic, as {@code torch.optim.Adam} does for
     * float32 parameters (moments in float32): one bulk read of value and gradient, one loop the JIT
     * vectorises, one bulk write.
     */
    private void stepF32(Param p) {
        F32 wf = F32.of(p.value()), gf = F32.of(p.grad());
        Moments s = state.computeIfAbsent(p.value(), k -> new Moments(wf.length, true));
        s.t++;
        float stepSize = (float) (lr / (1.0 - Math.pow(beta1, s.t)));
        float invSqrtBc2 = (float) (1.0 / Math.sqrt(1.0 - Math.pow(beta2, s.t)));
        float b1 = (float) beta1, b2 = (float) beta2, c1 = (float) (1 - beta1), c2 = (float) (1 - beta2), e = (float) eps;
        float[] m = s.mf, v = s.vf, w = s.wf, g = s.gf;
        wf.get(0, w, 0, w.length);
        gf.get(0, g, 0, g.length);
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + e);
        }
        wf.put(0, w, 0, w.length);
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Checks.positive("lr", lr);
    }
}
