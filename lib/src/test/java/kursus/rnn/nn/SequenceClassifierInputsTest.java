package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kursus.rnn.Fixtures;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Padding;
import kursus.rnn.text.Sequences;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The classifier's typed inputs (Padding.Batch, Sequences) read the layout and the mask from the object. */
class SequenceClassifierInputsTest {
    private static final DataType D = DataType.DOUBLE;

    private static SequenceClassifier model(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        return new SequenceClassifier(new Embedding(7, 3, D, Init.uniform(rng)), new GruCell(3, 4, D, Init.uniform(rng)),
                new Dense(4, 2, D, Init.uniform(rng)), SequenceClassifier.Task.CLASSES);
    }

    @Test
    void aPaddedBatchPredictsWhatEachSequenceAloneWouldPredict() {
        SequenceClassifier m = model(1);
        List<int[]> seqs = List.of(new int[] {1, 2, 3, 4}, new int[] {5}, new int[] {6, 2});
        INDArray batch = m.predict(Padding.pad(seqs, 0));
        for (int b = 0; b < seqs.size(); b++) {
            INDArray alone = m.predict(Sequences.single(seqs.get(b)), null);
            assertEquals(0.0, Fixtures.maxDiff(alone, batch.getRow(b).reshape(1, 2)), 1e-12, "sequence " + b);
        }
    }

    @Test
    void thePaddedBatchLossIsTheMeanOfTheLossOfEachSequenceAlone() {
        SequenceClassifier m = model(2);
        List<int[]> seqs = List.of(new int[] {1, 2, 3}, new int[] {4}, new int[] {5, 6});
        int[] labels = {1, 0, 1};
        double sum = 0;
        for (int b = 0; b < seqs.size(); b++) {
            sum += m.forwardBackward(Sequences.single(seqs.get(b)), null, new int[] {labels[b]});
        }
        assertEquals(sum / 3, m.forwardBackward(Padding.pad(seqs, 0), labels), 1e-12);
    }

    @Test
    void batchMajorIdsGivenAsTimeMajorAreNamed() {
        SequenceClassifier m = model(3);
        int[][] rows = {{1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}}; // [B=2][T=5] passed where [T][B] is expected
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> m.forwardBackward(rows, null, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("Sequences.batchMajor"), e.getMessage());
        m.forwardBackward(Sequences.batchMajor(rows), null, new int[] {0, 1}); // the named layout works
    }
}
