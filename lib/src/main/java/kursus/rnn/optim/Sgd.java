package kursus.rnn.optim;

import java.util.IdentityHashMap;
import java.util.Map;
import kursus.rnn.core.Checks;
import kursus.rnn.core.Flat;
import kursus.rnn.core.Param;
import kursus.rnn.core.Params;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic gradient descent, optionally with momentum (PyTorch's formula):
 *
 * <pre>
 * without momentum:  θ ← θ − lr · g
 * with momentum μ:   v ← μ·v + g ;  θ ← θ − lr · v      (v starts at 0)
 * </pre>
 */
public final class Sgd implements Optimizer {
    private double lr;
    private final double momentum;
    private final Map<INDArray, double[]> velocity = new IdentityHashMap<>();

    public Sgd(double lr) {
        this(lr, 0.0);
    }

    public Sgd(double lr, double momentum) {
        this.lr = Checks.positive("lr", lr);
        this.momentum = Checks.inRange("momentum", momentum, 0.0, 1.0);
    }

    @Override
    public void step(Params params) {
        for (Param p : params) {
            Flat w = Flat.of(p.value()), g = Flat.of(p.grad());
            if (momentum == 0.0) {
                for (int i = 0; i < w.length; i++) {
                    w.add(i, -lr * g.get(i));
                }
                continue;
            }
            double[] v = velocity.computeIfAbsent(p.value(), k -> new double[w.length]);
            for (int i = 0; i < w.length; i++) {
                v[i] = momentum * v[i] + g.get(i);
                w.add(i, -lr * v[i]);
            }
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

    public double momentum() {
        return momentum;
    }
}
