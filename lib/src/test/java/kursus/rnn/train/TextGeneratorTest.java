package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.RnnCell;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class TextGeneratorTest {
    private final Vocabulary vocab = Vocabulary.ofChars("abc");

    /** A model whose read-out ignores the state and always prefers token {@code fav}. */
    private CharLanguageModel biased(int fav) {
        NumpyRandom rng = new NumpyRandom(0);
        RnnCell cell = new RnnCell(3, 4, DataType.DOUBLE, Init.uniform(rng));
        Dense out = new Dense(4, 3, DataType.DOUBLE, Init.zeros());
        out.b().value().putScalar(fav, 10.0);
        return new CharLanguageModel(cell, out);
    }

    @Test
    void greedyGenerationFollowsTheModelsFavourite() {
        assertEquals("abbbb", TextGenerator.generate(biased(1), vocab, "a", 4, 0, 0, 1));
    }

    @Test
    void sameSeedSameTextDifferentSeedDifferentText() {
        NumpyRandom rng = new NumpyRandom(5);
        CharLanguageModel m = new CharLanguageModel(new RnnCell(3, 4, DataType.DOUBLE, Init.uniform(rng)),
                new Dense(4, 3, DataType.DOUBLE, Init.uniform(rng)));
        String a = TextGenerator.generate(m, vocab, "ab", 40, 1.0, 0, 11);
        assertEquals(a, TextGenerator.generate(m, vocab, "ab", 40, 1.0, 0, 11));
        assertEquals(42, a.length());
        assertTrue(!a.equals(TextGenerator.generate(m, vocab, "ab", 40, 1.0, 0, 12)));
    }

    @Test
    void unknownPrefixCharacterIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextGenerator.generate(biased(0), vocab, "az", 3, 0, 0, 1));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
    }

    @Test
    void emptyPrefixAndWrongVocabularyAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> TextGenerator.generate(biased(0), vocab, "", 3, 0, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextGenerator.generate(biased(0), Vocabulary.ofChars("abcd"), "a", 3, 0, 0, 1));
        assertTrue(e.getMessage().contains("trained with"), e.getMessage());
    }

    @Test
    void interruptedThreadGetsTheTextSoFarAndABilingualLine() {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Thread.currentThread().interrupt(); // what Kernel -> Interrupt does to the cell's thread
            assertEquals("a", TextGenerator.generate(biased(1), vocab, "a", 4, 0, 0, 1));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set for the caller");
        } finally {
            Thread.interrupted();
            System.setOut(old);
        }
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("[ID] Pembangkitan teks dihentikan pada langkah 0 dari 4")
                && out.contains("[EN] Text generation interrupted at step 0 of 4"), out);
    }
}
