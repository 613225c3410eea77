package kursus.rnn.nn;

import kursus.rnn.core.Msg;
import org.nd4j.linalg.api.buffer.DataType;

/** The three built-in cells, to choose one by name (e.g. in an experiment cell of a notebook). */
public enum CellKind {
    RNN, LSTM, GRU;

    /** A new cell of this kind. */
    public RecurrentCell create(int inputSize, int hiddenSize, DataType dtype, Init init) {
        return switch (this) {
            case RNN -> new RnnCell(inputSize, hiddenSize, dtype, init);
            case LSTM -> new LstmCell(inputSize, hiddenSize, dtype, init);
            case GRU -> new GruCell(inputSize, hiddenSize, dtype, init);
        };
    }

    /** "rnn", "lstm" or "gru" (any case). */
    public static CellKind parse(String name) {
        for (CellKind k : values()) {
            if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return k;
            }
        }
        throw Msg.badInput(
                "jenis sel harus rnn, lstm atau gru, ternyata '" + name + "'",
                "cell kind must be rnn, lstm or gru, got '" + name + "'");
    }
}
