package kursus.rnn.optim;

import java.util.IdentityHashMap;
import java.util.Map;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
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
 * Moments are kept per parameter array (in double precision) and start at 0.
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
        long t;

        Moments(int n) {
            m = new double[n];
            v = new double[n];
            w = new double[n];
            g = new double[n];
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
            Flat wf = Flat.of(p.value()), gf = Flat.of(p.grad());
            Moments s = state.computeIfAbsent(p.value(), k -> new Moments(wf.length));
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

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Checks.positive("lr", lr);
    }
}
