package kursus.rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.Dense;
import kursus.rnn.nn.Init;
import kursus.rnn.nn.LstmCell;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFileTest {
    @TempDir
    Path dir;

    private static CharLanguageModel model(int vocab, int hidden, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        return new CharLanguageModel(new LstmCell(vocab, hidden, DataType.FLOAT, Init.uniform(rng)),
                new Dense(hidden, vocab, DataType.FLOAT, Init.uniform(rng)));
    }

    @Test
    void saveThenLoadGivesTheSamePredictionsAndVocabulary() throws Exception {
        Vocabulary vocab = Vocabulary.ofChars("halo dunia\n");
        CharLanguageModel a = model(vocab.size(), 8, 1);
        Path f = dir.resolve("m.zip");
        ModelFile.save(f, "char-lm/lstm", a.params(), Map.of("hidden", 8), vocab.tokens(), false);

        CharLanguageModel b = model(vocab.size(), 8, 2);
        int[][] x = {{1, 2}, {3, 4}, {0, 5}};
        INDArray before = b.logits(x, null);
        ModelFile.Saved s = ModelFile.loadInto(f, "char-lm/lstm", b.params());
        INDArray la = a.logits(x, null);
        INDArray lb = b.logits(x, null);
        assertTrue(before.sub(la).amaxNumber().doubleValue() > 1e-3, "the second model really differed");
        assertEquals(0.0, la.sub(lb).amaxNumber().doubleValue(), 1e-6);
        assertEquals(8, s.intHyper("hidden"));
        assertEquals(vocab, Vocabulary.fromTokens(vocab.level(), s.vocabulary()), "newline token survives");
    }

    @Test
    void loadingIntoADifferentModelNamesTheMismatch() throws Exception {
        Path f = dir.resolve("m.zip");
        ModelFile.save(f, "char-lm/lstm", model(5, 8, 1).params(), Map.of(), null, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.loadInto(f, "char-lm/lstm", model(5, 16, 1).params()));
        assertTrue(e.getMessage().contains("cell.W") && e.getMessage().contains("vs model"), e.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.loadInto(f, "classifier/gru", model(5, 8, 1).params()));
        assertTrue(k.getMessage().contains("classifier/gru"), k.getMessage());
    }

    @Test
    void anExistingFileIsNotOverwrittenUnlessAsked() throws Exception {
        Path f = dir.resolve("mine.zip");
        Files.writeString(f, "student's work");
        assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(f, "k", model(3, 2, 1).params(), Map.of(), null, false));
        assertEquals("student's work", Files.readString(f));
        ModelFile.save(f, "k", model(3, 2, 1).params(), Map.of(), null, true);
        assertEquals("k", ModelFile.read(f).kind());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedClearly() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains("not a Kursus RNN model file"), e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.read(dir.resolve("missing.zip")));
        assertTrue(m.getMessage().contains("not found"), m.getMessage());
    }

    @Test
    void aFileCutShortAnywhereGivesAClearBilingualErrorWithTheFileName() throws Exception {
        Vocabulary vocab = Vocabulary.ofChars("abc");
        Path whole = dir.resolve("whole.zip");
        ModelFile.save(whole, "char-lm/lstm", model(vocab.size(), 4, 1).params(), Map.of("hidden", 4), vocab.tokens(), false);
        byte[] bytes = Files.readAllBytes(whole);
        assertTrue(bytes.length > 300, "a realistic file: " + bytes.length + " bytes");
        for (int cut = 0; cut < bytes.length; cut++) {
            Path f = dir.resolve("cut-" + cut + ".zip");
            Files.write(f, java.util.Arrays.copyOf(bytes, cut));
            final int at = cut;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelFile.read(f), "cut at " + at);
            String m = e.getMessage();
            assertTrue(m.startsWith("[ID] ") && m.contains("\n[EN] "), "bilingual at cut " + at + ": " + m);
            assertTrue(m.contains(f.toString()), "names the file at cut " + at + ": " + m);
            assertTrue(m.contains("damaged") && m.contains("save the model again"), "says what to do at cut " + at + ": " + m);
            Files.delete(f);
        }
    }

    @Test
    void aSavedLanguageModelIsRebuiltWithoutHandWorkAndGivesTheSameSamples() throws Exception {
        java.util.List<String> names = java.util.List.of("ani", "budi", "sari", "tono");
        Vocabulary vocab = Vocabulary.ofChars(names, kursus.rnn.text.Special.PAD, kursus.rnn.text.Special.BOS,
                kursus.rnn.text.Special.EOS);
        NumpyRandom rng = new NumpyRandom(4);
        int V = vocab.size();
        CharLanguageModel a = new CharLanguageModel(new kursus.rnn.nn.Embedding(V, 3, DataType.DOUBLE, Init.uniform(rng)),
                new kursus.rnn.nn.GruCell(3, 6, DataType.DOUBLE, Init.uniform(rng)),
                new Dense(6, V, DataType.DOUBLE, Init.uniform(rng)));
        Path f = dir.resolve("names.zip");
        ModelFile.save(f, a, vocab, false);
        ModelFile.LanguageModel back = ModelFile.loadLanguageModel(f);
        assertEquals(vocab, back.vocabulary());
        assertEquals(DataType.DOUBLE, back.model().cell().dataType());
        assertTrue(back.model().cell() instanceof kursus.rnn.nn.GruCell);
        for (int seed = 0; seed < 5; seed++) {
            assertEquals(TextGenerator.generateLine(a, vocab, "", 12, 1.0, 0, seed),
                    TextGenerator.generateLine(back.model(), back.vocabulary(), "", 12, 1.0, 0, seed));
        }
        int[][] x = {{1, 2}, {3, 4}};
        assertEquals(0.0, a.logits(x, null).sub(back.model().logits(x, null)).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void aFileWithoutRebuildInformationSaysHowToLoadIt() throws Exception {
        Path f = dir.resolve("old.zip");
        ModelFile.save(f, "char-lm/lstm", model(5, 8, 1).params(), Map.of("hidden", 8), null, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.loadLanguageModel(f));
        assertTrue(e.getMessage().contains("loadInto"), e.getMessage());
    }
}
