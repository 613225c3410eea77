package kursus.rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kursus.rnn.Fixtures;
import kursus.rnn.check.GradCheck;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.LanguageModelBatch;
import kursus.rnn.text.Sequences;
import kursus.rnn.text.Special;
import kursus.rnn.text.TextStreams;
import kursus.rnn.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class CharLanguageModelBatchTest {
    private static final DataType D = DataType.DOUBLE;
    private final List<String> names = List.of("ani", "budi", "eka");
    private final Vocabulary vocab = Vocabulary.ofChars(names, Special.PAD, Special.BOS, Special.EOS);

    private CharLanguageModel model(long seed) {
        int V = vocab.size();
        NumpyRandom rng = new NumpyRandom(seed);
        return new CharLanguageModel(new Embedding(V, 3, D, Init.uniform(rng)), new LstmCell(3, 5, D, Init.uniform(rng)),
                new Dense(5, V, D, Init.uniform(rng)));
    }

    @Test
    void aBatchOfNamesHasTheTokenWeightedMeanLossOfEachNameAlone() {
        CharLanguageModel m = model(1);
        LanguageModelBatch batch = LanguageModelBatch.of(names, vocab);
        double sum = 0;
        int tokens = 0;
        for (String name : names) {
            LanguageModelBatch one = LanguageModelBatch.of(List.of(name), vocab); // no padding at all
            sum += m.loss(one.inputs(), one.targets(), null, null) * (name.length() + 1);
            tokens += name.length() + 1;
        }
        double loss = m.forwardBackward(batch);
        assertEquals(sum / tokens, loss, 1e-12);
        assertEquals(sum / tokens, m.loss(batch), 1e-12);
        assertNull(m.state(), "independent lines: nothing is carried to the next call");
        m.setState(new State(Fixtures.randn(3, D, 3, 5), Fixtures.randn(4, D, 3, 5)));
        assertEquals(loss, m.forwardBackward(batch), 1e-12, "a carried state is never used for a batch of lines");
    }

    @Test
    void theBatchGradientMatchesFiniteDifferences() {
        CharLanguageModel m = model(2);
        LanguageModelBatch batch = LanguageModelBatch.of(names, vocab);
        GradCheck.Report r = GradCheck.check(m.params(), () -> m.forwardBackward(batch));
        assertTrue(r.passed(1e-6), r.toString());
    }

    @Test
    void aForgottenResetBeforeAPaddedBatchIsAnError() {
        CharLanguageModel m = model(3);
        LanguageModelBatch batch = LanguageModelBatch.of(names, vocab);
        int[][] x = batch.inputs().timeMajor(), y = batch.targets().timeMajor();
        INDArray mask = batch.mask();
        m.forwardBackward(x, y, mask);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.forwardBackward(x, y, mask));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("resetState()"), e.getMessage());
        m.resetState();
        m.forwardBackward(x, y, mask); // with the reset it works
        m.resetState();
        int[][] chunk = {{1, 2, 3}, {4, 5, 6}};
        m.forwardBackward(chunk, chunk);
        m.forwardBackward(chunk, chunk); // truncated BPTT over unpadded chunks still carries the state
    }

    @Test
    void theSequencesOverloadsReadTheNamedLayout() {
        CharLanguageModel m = model(4);
        int[][] rows = {{1, 2, 3}, {4, 5, 6}};            // [B][T]
        int[][] steps = {{1, 4}, {2, 5}, {3, 6}};         // the same batch, [T][B]
        double a = m.loss(Sequences.batchMajor(rows), Sequences.batchMajor(rows), null, null);
        double b = m.loss(steps, steps, null, null);
        assertEquals(b, a, 1e-15);
        assertEquals(0.0, Fixtures.maxDiff(m.logits(Sequences.batchMajor(rows), null), m.logits(steps, null)), 0.0);
        m.resetState();
        assertEquals(b, m.forwardBackward(Sequences.timeMajor(steps), Sequences.timeMajor(steps), null), 1e-15);
    }

    @Test
    void textStreamChunksCarryTheStateAndANewPassStartsFromZeros() {
        CharLanguageModel m = model(5);
        int[] ids = java.util.Arrays.stream(new NumpyRandom(9).randint(0, vocab.size(), 41)).mapToInt(v -> (int) v).toArray(); // 2 streams of 20
        kursus.rnn.text.TextStreams s = kursus.rnn.text.TextStreams.of(ids, 2);
        double first = m.forwardBackward(s.chunkAt(0, 5));
        assertEquals(m.loss(s.chunk(0, 5).inputs(), s.chunk(0, 5).targets(), null, null), first, 1e-12);
        State after0 = m.state();
        TextStreams.Chunk c1 = s.chunkAt(1, 5);
        double expected1 = m.loss(c1.inputs(), c1.targets(), null, after0);
        assertTrue(Math.abs(expected1 - m.loss(c1.inputs(), c1.targets(), null, null)) > 1e-6, "the state matters");
        assertEquals(expected1, m.forwardBackward(c1), 1e-12);
        m.forwardBackward(s.chunkAt(2, 5));
        m.forwardBackward(s.chunkAt(3, 5));
        assertEquals(first, m.forwardBackward(s.chunkAt(4, 5)), 1e-12, "step 4 starts a new pass from zeros");
    }
}
