package kursus.rnn.train;

import kursus.rnn.core.Msg;

/**
 * Thrown when the loss or the gradient becomes NaN or infinite, when the loss explodes far above
 * its first value (see {@link Trainer#divergenceFactor}), or when the validation loss is NaN. Carries the history up to that
 * point so a notebook can still plot what happened before training blew up.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private final transient History history;

    TrainingDivergedException(int step, String what, double value, History history) {
        this(step, what + " = " + value, what + " = " + value, false, history);
    }

    /** {@code whatId}/{@code whatEn}: what went wrong, e.g. "loss = 2.1E7, lebih dari 100 × loss pertama 3.26". */
    TrainingDivergedException(int step, String whatId, String whatEn, boolean clipping, History history) {
        super(Msg.of(
                "pelatihan berhenti di langkah " + step + ": " + whatId
                        + (clipping ? ". Coba turunkan learning rate (mis. dibagi 10); gradient clipping sudah aktif."
                                : ". Coba turunkan learning rate (mis. dibagi 10) atau aktifkan gradient clipping"
                                + " (clipGlobalNorm(5))."),
                "training stopped at step " + step + ": " + whatEn
                        + (clipping ? ". Try a lower learning rate (e.g. divide it by 10); gradient clipping is already on."
                                : ". Try a lower learning rate (e.g. divide it by 10) or turn on gradient clipping"
                                + " (clipGlobalNorm(5)).")));
        this.history = history;
        if (history != null) {
            history.stopReason = "diverged";
        }
    }

    /** What was recorded before the divergence. */
    public History history() {
        return history;
    }
}
