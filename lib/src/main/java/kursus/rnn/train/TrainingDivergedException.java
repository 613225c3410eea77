package kursus.rnn.train;

import kursus.rnn.core.Msg;

/**
 * Thrown when the loss or the gradient becomes NaN or infinite. Carries the history up to that
 * point so a notebook can still plot what happened before training blew up.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private final transient History history;

    TrainingDivergedException(int step, String what, double value, History history) {
        super(Msg.of(
                "pelatihan berhenti di langkah " + step + ": " + what + " = " + value
                        + ". Coba turunkan learning rate (mis. dibagi 10) atau aktifkan gradient clipping"
                        + " (clipGlobalNorm(5)).",
                "training stopped at step " + step + ": " + what + " = " + value
                        + ". Try a lower learning rate (e.g. divide it by 10) or turn on gradient clipping"
                        + " (clipGlobalNorm(5))."));
        this.history = history;
    }

    /** What was recorded before the divergence. */
    public History history() {
        return history;
    }
}
