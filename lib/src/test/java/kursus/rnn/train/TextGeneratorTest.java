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

    private final Vocabulary names = Vocabulary.ofChars(java.util.List.of("ab"), kursus.rnn.text.Special.PAD,
            kursus.rnn.text.Special.BOS, kursus.rnn.text.Special.EOS);

    /** A model over {@link #names} whose read-out always prefers {@code fav}, then {@code second}. */
    private CharLanguageModel namesModel(int fav, int second) {
        NumpyRandom rng = new NumpyRandom(0);
        int V = names.size();
        RnnCell cell = new RnnCell(V, 4, DataType.DOUBLE, Init.uniform(rng));
        Dense out = new Dense(4, V, DataType.DOUBLE, Init.zeros());
        out.b().value().putScalar(fav, 10.0);
        out.b().value().putScalar(second, 5.0);
        return new CharLanguageModel(cell, out);
    }

    @Test
    void generateLineStopsAtTheEndToken() {
        int eos = names.indexOf(kursus.rnn.text.Special.EOS);
        assertEquals("ab", TextGenerator.generateLine(namesModel(eos, 0), names, "ab", 10, 0, 0, 1));
        assertEquals("", TextGenerator.generateLine(namesModel(eos, 0), names, "", 10, 0, 0, 1));
        assertEquals("bbbb", TextGenerator.generateLine(namesModel(names.indexOf("b"), eos), names, "", 4, 0, 0, 1));
    }

    @Test
    void generateLineNeverWritesStartOrPadTokens() {
        int bos = names.indexOf(kursus.rnn.text.Special.BOS), pad = names.indexOf(kursus.rnn.text.Special.PAD);
        assertEquals("aaa", TextGenerator.generateLine(namesModel(bos, names.indexOf("a")), names, "", 3, 0, 0, 1));
        assertEquals("aaa", TextGenerator.generateLine(namesModel(pad, names.indexOf("a")), names, "", 3, 0, 0, 1));
    }

    @Test
    void generateLinesAreReproducibleAndNeedAnEndToken() {
        NumpyRandom rng = new NumpyRandom(5);
        int V = names.size();
        CharLanguageModel m = new CharLanguageModel(new RnnCell(V, 4, DataType.DOUBLE, Init.uniform(rng)),
                new Dense(4, V, DataType.DOUBLE, Init.uniform(rng)));
        java.util.List<String> a = TextGenerator.generateLines(m, names, 8, 6, 1.0, 3);
        assertEquals(a, TextGenerator.generateLines(m, names, 8, 6, 1.0, 3));
        assertTrue(a.stream().distinct().count() > 1, a.toString());
        a.forEach(s -> assertTrue(s.matches("[ab]{0,6}"), s));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextGenerator.generateLine(biased(0), vocab, "", 5, 1.0, 0, 1));
        assertTrue(e.getMessage().contains("</s>"), e.getMessage());
    }

    @Test
    void anInterruptedThreadStopsGenerationWithTheTextSoFar() {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        String text;
        boolean flag;
        try {
            Thread.currentThread().interrupt();
            text = TextGenerator.generate(biased(1), vocab, "a", 100_000, 0, 0, 1);
        } finally {
            flag = Thread.interrupted(); // clears the flag for the next tests
            System.setOut(old);
        }
        assertEquals("a", text);
        assertTrue(flag, "the interrupt flag stays set for the caller");
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("[ID] pembuatan teks dihentikan") && out.contains("interrupted after 0 tokens"), out);
    }
}
