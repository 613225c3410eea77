package kursus.rnn.train;

import kursus.rnn.core.Msg;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes text one token at a time with a trained {@link CharLanguageModel}: feed the prefix to warm
 * up the hidden state, then repeatedly sample the next token and feed it back in.
 */
public final class TextGenerator {
    private TextGenerator() {}

    /**
     * Generates {@code length} new tokens after {@code prefix} (which is included in the result). If the thread
     * is interrupted (Kernel → Interrupt) it stops, prints a bilingual line and returns the text so far.
     *
     * @param temperature 0 = greedy; 1 = the model's own distribution; &lt; 1 safer, &gt; 1 wilder
     * @param topK keep only the k most likely tokens (0 = all)
     * @param seed seeds a {@link NumpyRandom}, so the same call gives the same text
     */
    public static String generate(CharLanguageModel model, Vocabulary vocab, String prefix, int length,
                                  double temperature, int topK, long seed) {
        if (prefix == null || prefix.isEmpty()) {
            throw Msg.badInput("prefix kosong: beri minimal satu karakter awal, mis. \"a\"",
                    "prefix is empty: give at least one starting character, e.g. \"a\"");
        }
        if (length < 0) {
            throw Msg.badInput("length harus >= 0, ternyata " + length, "length must be >= 0, got " + length);
        }
        if (vocab.size() != model.vocabSize()) {
            throw Msg.badInput("kosakata punya " + vocab.size() + " token, model " + model.vocabSize()
                            + ": pakai kosakata yang sama dengan saat pelatihan",
                    "the vocabulary has " + vocab.size() + " tokens, the model " + model.vocabSize()
                            + ": use the vocabulary the model was trained with");
        }
        NumpyRandom rng = new NumpyRandom(seed);
        int[] ids = vocab.encode(prefix);
        StringBuilder sb = new StringBuilder(prefix);
        State state = null;
        INDArray probs = null;
        for (int id : ids) {
            CharLanguageModel.Prediction p = model.next(new int[] {id}, state);
            state = p.state();
            probs = p.probabilities();
        }
        String sep = vocab.isCharLevel() ? "" : " ";
        for (int i = 0; i < length; i++) {
            if (Thread.currentThread().isInterrupted()) { // Kernel → Interrupt: keep the text so far
                System.out.println(Msg.of("Pembangkitan teks dihentikan pada langkah " + i + " dari " + length
                                + " (interrupt); teks sejauh ini dikembalikan.",
                        "Text generation interrupted at step " + i + " of " + length
                                + " (interrupt); the text so far is returned."));
                break;
            }
            int next = Sampling.sampleFromProbabilities(probs, temperature, topK, rng);
            sb.append(sep).append(vocab.tokenOf(next));
            CharLanguageModel.Prediction p = model.next(new int[] {next}, state);
            state = p.state();
            probs = p.probabilities();
        }
        return sb.toString();
    }
}
