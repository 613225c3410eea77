package kursus.rnn.prep;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import kursus.rnn.core.Msg;

/**
 * A per-feature affine scaler: {@code x' = (x - shift) / scale}, and back with
 * {@code x = x' * scale + shift}.
 *
 * <p>"Feature" means: a {@code double[]} is one feature; a {@code double[][]} {@code [N][F]} has F
 * features (its columns); an INDArray of rank 1 is one feature, of rank &ge; 2 its last axis holds the
 * features ({@code [N, F]}, {@code [N, T, F]}, {@code [T, N, F]}). Statistics come from
 * {@code fit} only: fit on the training part, then transform validation and test data with the same
 * numbers, otherwise information from the future leaks into training.
 */
public abstract class Scaler {
    /** Per feature: subtracted first. */
    protected double[] shift;
    /** Per feature: divided by after the shift (never 0). */
    protected double[] scale;

    /** Computes {@link #shift} and {@link #scale} from columns {@code cols[f]} (all values of feature f). */
    protected abstract void fitColumns(double[][] cols);

    /** Short name used in messages, e.g. "MinMaxScaler". */
    protected abstract String name();

    /** Whether {@code fit} has been called. */
    public boolean isFitted() {
        return shift != null;
    }

    /** Number of features seen by {@code fit}. */
    public int features() {
        requireFitted("features");
        return shift.length;
    }

    // ----------------------------------------------------------------- fit

    /** Fits one feature on {@code values}; returns this scaler. */
    public Scaler fit(double[] values) {
        requireData(values, "fit");
        fitChecked(new double[][] {values.clone()});
        return this;
    }

    /** Fits F features on a {@code [N][F]} table (one statistic per column); returns this scaler. */
    public Scaler fit(double[][] rows) {
        fitChecked(columns(rows, "fit"));
        return this;
    }

    /** Fits on an INDArray (features on the last axis; rank 1 = one feature); returns this scaler. */
    public Scaler fit(INDArray x) {
        requireArray(x, "fit");
        int f = featureCount(x);
        double[] flat = x.dup('c').data().asDouble();
        double[][] cols = new double[f][flat.length / f];
        for (int k = 0; k < flat.length; k++) {
            cols[k % f][k / f] = flat[k];
        }
        fitChecked(cols);
        return this;
    }

    private void fitChecked(double[][] cols) {
        for (int f = 0; f < cols.length; f++) {
            for (int i = 0; i < cols[f].length; i++) {
                if (!Double.isFinite(cols[f][i])) {
                    throw Msg.badInput(name() + ".fit: nilai ke-" + i + " dari fitur " + f + " adalah " + cols[f][i]
                                    + ". Bersihkan NaN/Inf (mis. baris kosong di CSV) sebelum fit.",
                            name() + ".fit: value " + i + " of feature " + f + " is " + cols[f][i]
                                    + ". Remove NaN/Inf (e.g. empty CSV cells) before fit.");
                }
            }
        }
        fitColumns(cols);
    }

    /** Fits on {@code values} and returns them transformed. */
    public double[] fitTransform(double[] values) {
        return fit(values).transform(values);
    }

    /** Fits on {@code rows} and returns them transformed. */
    public double[][] fitTransform(double[][] rows) {
        return fit(rows).transform(rows);
    }

    /** Fits on {@code x} and returns it transformed. */
    public INDArray fitTransform(INDArray x) {
        return fit(x).transform(x);
    }

    // ----------------------------------------------------------------- transform

    /** Scales a single-feature series (a new array). */
    public double[] transform(double[] values) {
        return apply(values, 0, false, "transform");
    }

    /** Undoes {@link #transform(double[])} (a new array), e.g. to read predictions in original units. */
    public double[] inverseTransform(double[] values) {
        return apply(values, 0, true, "inverseTransform");
    }

    /**
     * Undoes the scaling of one feature only: e.g. fit on {@code [open, close]} (F = 2), predict the
     * close, and read it back with {@code inverseTransform(pred, 1)}.
     */
    public double[] inverseTransform(double[] values, int feature) {
        requireFitted("inverseTransform");
        if (feature < 0 || feature >= shift.length) {
            throw Msg.badInput(name() + ".inverseTransform: fitur " + feature + " tidak ada; scaler di-fit pada "
                            + shift.length + " fitur (0.." + (shift.length - 1) + ").",
                    name() + ".inverseTransform: feature " + feature + " does not exist; the scaler was fit on "
                            + shift.length + " features (0.." + (shift.length - 1) + ").");
        }
        requireData(values, "inverseTransform");
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * scale[feature] + shift[feature];
        }
        return out;
    }

    /** Scales a {@code [N][F]} table column by column (a new array). */
    public double[][] transform(double[][] rows) {
        return applyRows(rows, false, "transform");
    }

    /** Undoes {@link #transform(double[][])} (a new array). */
    public double[][] inverseTransform(double[][] rows) {
        return applyRows(rows, true, "inverseTransform");
    }

    /** Scales an INDArray (features on the last axis); returns a new array of the same type and shape. */
    public INDArray transform(INDArray x) {
        return applyArray(x, false, "transform");
    }

    /** Undoes {@link #transform(INDArray)}; returns a new array of the same type and shape. */
    public INDArray inverseTransform(INDArray x) {
        return applyArray(x, true, "inverseTransform");
    }

    private double[] apply(double[] values, int f, boolean inverse, String op) {
        requireFitted(op);
        requireData(values, op);
        if (shift.length != 1) {
            throw Msg.badInput(name() + "." + op + ": scaler di-fit pada " + shift.length
                            + " fitur, tetapi diberi satu deret double[]. Berikan double[N][" + shift.length
                            + "], atau pakai inverseTransform(nilai, fitur) untuk satu fitur.",
                    name() + "." + op + ": the scaler was fit on " + shift.length
                            + " features but got a single double[] series. Pass double[N][" + shift.length
                            + "], or use inverseTransform(values, feature) for one feature.");
        }
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = inverse ? values[i] * scale[f] + shift[f] : (values[i] - shift[f]) / scale[f];
        }
        return out;
    }

    private double[][] applyRows(double[][] rows, boolean inverse, String op) {
        requireFitted(op);
        double[][] cols = columns(rows, op);
        requireFeatures(cols.length, op);
        double[][] out = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < cols.length; f++) {
                double v = rows[i][f];
                out[i][f] = inverse ? v * scale[f] + shift[f] : (v - shift[f]) / scale[f];
            }
        }
        return out;
    }

    private INDArray applyArray(INDArray x, boolean inverse, String op) {
        requireFitted(op);
        requireArray(x, op);
        int nf = featureCount(x);
        requireFeatures(nf, op);
        double[] flat = x.dup('c').data().asDouble();
        for (int k = 0; k < flat.length; k++) {
            int f = k % nf;
            flat[k] = inverse ? flat[k] * scale[f] + shift[f] : (flat[k] - shift[f]) / scale[f];
        }
        return Nd4j.create(flat, x.shape(), x.dataType());
    }

    // ----------------------------------------------------------------- checks

    private static int featureCount(INDArray x) {
        return x.rank() <= 1 ? 1 : (int) x.size(x.rank() - 1);
    }

    private void requireFitted(String op) {
        if (shift == null) {
            throw Msg.badState(name() + "." + op + " dipanggil sebelum fit. Panggil dulu fit(dataLatih)"
                            + " (hanya pada data latih), lalu " + op + ".",
                    name() + "." + op + " was called before fit. Call fit(trainData) first"
                            + " (on the training data only), then " + op + ".");
        }
    }

    private void requireFeatures(int got, String op) {
        if (got != shift.length) {
            throw Msg.badInput(name() + "." + op + ": data punya " + got + " fitur, tetapi scaler di-fit pada "
                            + shift.length + " fitur. Pakai data dengan kolom yang sama seperti saat fit.",
                    name() + "." + op + ": the data has " + got + " features but the scaler was fit on "
                            + shift.length + " features. Use data with the same columns as at fit time.");
        }
    }

    private void requireData(double[] values, String op) {
        if (values == null || values.length == 0) {
            throw Msg.badInput(name() + "." + op + ": data kosong atau null. Berikan minimal satu nilai.",
                    name() + "." + op + ": the data is empty or null. Pass at least one value.");
        }
    }

    private void requireArray(INDArray x, String op) {
        if (x == null || x.length() == 0) {
            throw Msg.badInput(name() + "." + op + ": array kosong atau null.",
                    name() + "." + op + ": the array is empty or null.");
        }
    }

    private double[][] columns(double[][] rows, String op) {
        if (rows == null || rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            throw Msg.badInput(name() + "." + op + ": tabel [N][F] kosong atau null.",
                    name() + "." + op + ": the [N][F] table is empty or null.");
        }
        int f = rows[0].length;
        double[][] cols = new double[f][rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != f) {
                throw Msg.badInput(name() + "." + op + ": baris " + i + " punya "
                                + (rows[i] == null ? 0 : rows[i].length) + " kolom, baris 0 punya " + f
                                + ". Semua baris harus sama panjang.",
                        name() + "." + op + ": row " + i + " has " + (rows[i] == null ? 0 : rows[i].length)
                                + " columns, row 0 has " + f + ". All rows must have the same length.");
            }
            for (int j = 0; j < f; j++) {
                cols[j][i] = rows[i][j];
            }
        }
        return cols;
    }

    @Override
    public String toString() {
        return isFitted() ? name() + "(shift=" + Arrays.toString(shift) + ", scale=" + Arrays.toString(scale) + ")"
                : name() + "(not fitted)";
    }
}
