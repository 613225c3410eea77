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
}
