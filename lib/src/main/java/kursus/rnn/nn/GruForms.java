package kursus.rnn.nn;

import kursus.rnn.core.Checks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The two common ways of writing a GRU step, computed with the weights of one {@link GruCell}, so
 * that a lesson can show they give different numbers on the same weights. Only the candidate differs:
 *
 * <pre>
 * z = σ([h_{t-1}, x_t]·W_z + b_z)     r = σ([h_{t-1}, x_t]·W_r + b_r)
 * classic (the lecture, {@link GruCell}):   h̃ = tanh([r ∘ h_{t-1}, x_t]·W_h + b_h)
 *                                            = tanh(x_t·W_hx + (r ∘ h_{t-1})·W_hh + b_h)
 * reset after the product (cuDNN, PyTorch):  h̃ = tanh(x_t·W_hx + r ∘ (h_{t-1}·W_hh) + b_h)
 * h_t = z ∘ h_{t-1} + (1 − z) ∘ h̃
 * </pre>
 *
 * ({@code W_hh} = the rows of {@code W_h} for {@code h_{t-1}}, {@code W_hx} = its rows for
 * {@code x_t}. PyTorch also keeps a second bias inside the reset, {@code r ∘ (h·W_hh + b_hn)};
 * with {@code b_hn = 0} it is the form above.) Plain ND4J, one step, no cache: for display, not training.
 */
public final class GruForms {
    private GruForms() {}

    /** One classic step: the same result as {@code cell.forward(x, State.of(hPrev)).h()}. {@code x [B, I]}, {@code hPrev [B, H]} → {@code [B, H]}. */
    public static INDArray classicStep(GruCell cell, INDArray x, INDArray hPrev) {
        return step(cell, x, hPrev, false);
    }

    /** One step with the reset gate applied after the hidden product (cuDNN/PyTorch form). */
    public static INDArray resetAfterProductStep(GruCell cell, INDArray x, INDArray hPrev) {
        return step(cell, x, hPrev, true);
    }

    private static INDArray step(GruCell cell, INDArray x, INDArray hPrev, boolean resetAfter) {
        int H = cell.hiddenSize(), I = cell.inputSize();
        Checks.shape("x", x, "B,I", Checks.ANY, I);
        Checks.shape("hPrev", hPrev, "B,H", x.size(0), H);
        INDArray xd = x.castTo(cell.dataType()), hd = hPrev.castTo(cell.dataType());
        INDArray zr = Transforms.sigmoid(Nd4j.hstack(hd, xd).mmul(cell.W_zr().value()).addRowVector(cell.b_zr().value())); // [B, 2H]
        INDArray z = zr.get(NDArrayIndex.all(), NDArrayIndex.interval(0, H));
        INDArray r = zr.get(NDArrayIndex.all(), NDArrayIndex.interval(H, 2 * H));
        INDArray Wh = cell.W_h().value();
        INDArray Whh = Wh.get(NDArrayIndex.interval(0, H), NDArrayIndex.all()); // [H, H]
        INDArray Whx = Wh.get(NDArrayIndex.interval(H, H + I), NDArrayIndex.all()); // [I, H]
        INDArray recurrent = resetAfter ? r.mul(hd.mmul(Whh)) : r.mul(hd).mmul(Whh); // [B, H]
        INDArray cand = Transforms.tanh(xd.mmul(Whx).add(recurrent).addRowVector(cell.b_h().value())); // [B, H]
        return z.mul(hd).add(z.rsub(1.0).mul(cand));
    }
}
