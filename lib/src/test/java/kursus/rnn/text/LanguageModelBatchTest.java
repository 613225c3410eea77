package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class LanguageModelBatchTest {
    private final List<String> names = List.of("ani", "budi");
    private final Vocabulary vocab = Vocabulary.ofChars(names, Special.PAD, Special.BOS, Special.EOS);

    @Test
    void linesGetStartAndEndTokensPaddingAndAMask() {
        LanguageModelBatch b = LanguageModelBatch.of(names, vocab);
        int pad = vocab.indexOf(Special.PAD), s = vocab.indexOf(Special.BOS), e = vocab.indexOf(Special.EOS);
        int a = vocab.indexOf("a"), n = vocab.indexOf("n"), i = vocab.indexOf("i");
        int bb = vocab.indexOf("b"), u = vocab.indexOf("u"), d = vocab.indexOf("d");
        assertEquals(5, b.steps());
        assertArrayEquals(new int[][] {{s, a, n, i, pad}, {s, bb, u, d, i}}, b.inputs().batchMajor());
        assertArrayEquals(new int[][] {{a, n, i, e, pad}, {bb, u, d, i, e}}, b.targets().batchMajor());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 1},
                b.mask().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble());
        assertArrayEquals(new int[] {4, 5}, b.lengths());
        assertEquals(9, b.tokens());
    }

    @Test
    void aVocabularyWithoutStartAndEndTokensIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LanguageModelBatch.of(names, Vocabulary.ofChars(names)));
        assertTrue(e.getMessage().contains("Special.BOS, Special.EOS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LanguageModelBatch.of(List.of("ani", ""), vocab));
    }

    @Test
    void shuffledBatchesCoverEveryLineOnceInNumpysOrder() {
        List<String> many = List.of("ani", "budi", "sari", "tono", "dewi", "eka", "joko");
        Vocabulary v = Vocabulary.ofChars(many, Special.PAD, Special.BOS, Special.EOS);
        List<LanguageModelBatch> batches = LanguageModelBatch.shuffled(many, v, 3, new NumpyRandom(1));
        assertEquals(3, batches.size());
        List<String> seen = new ArrayList<>();
        batches.forEach(x -> seen.addAll(x.lines()));
        int[] perm = new NumpyRandom(1).permutation(7);
        for (int k = 0; k < 7; k++) {
            assertEquals(many.get(perm[k]), seen.get(k));
        }
        assertEquals(List.of("ani", "budi", "sari"), LanguageModelBatch.sequential(many, v, 3).get(0).lines());
    }
}
