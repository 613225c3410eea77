package kursus.rnn.train;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Msg;
import kursus.rnn.nn.CharLanguageModel;
import kursus.rnn.nn.State;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.Special;
import kursus.rnn.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes text one token at a time with a trained {@link CharLanguageModel}: feed the prefix to warm
 * up the hidden state, then repeatedly sample the next token and feed it back in.
 *
 * <p>{@link #generate} writes a fixed number of tokens (prose). {@link #generateLine} writes one line
 * or name the way a model trained on {@link kursus.rnn.text.LanguageModelBatch} learned it: it starts
 * from {@code <s>} and stops when the model picks {@code </s>}:
 * <pre>{@code
 * for (int i = 0; i < 5; i++) {
 *     System.out.println(TextGenerator.generateLine(model, vocab, "", 20, 1.0, 0, i));  // e.g. "sari"
 * }
 * List<String> ten = TextGenerator.generateLines(model, vocab, 10, 20, 0.5, 42);
 * }</pre>
 *
 * <p>An interrupted thread (Kernel → Interrupt in a notebook) stops generation at the next token
 * with a bilingual line; the text written so far is returned.
 */
public final class TextGenerator {
    private TextGenerator() {}

    /**
     * Generates {@code length} new tokens after {@code prefix} (which is included in the result).
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
            if (interrupted(i)) {
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

    /**
     * Writes one line (e.g. a name) with a model trained on {@link kursus.rnn.text.LanguageModelBatch}:
     * feeds {@code <s>} and then {@code prefix} (may be empty), samples one token at a time and stops
     * when the model picks {@code </s>} or after {@code maxLength} new tokens. The result is
     * {@code prefix} + the new tokens, without special tokens. {@code <s>}, {@code <pad>} and
     * {@code <unk>} are never sampled (they are never targets).
     *
     * @param temperature 0 = greedy; 1 = the model's own distribution
     * @param topK keep only the k most likely tokens (0 = all)
     * @param seed seeds a {@link NumpyRandom}, so the same call gives the same line
     */
    public static String generateLine(CharLanguageModel model, Vocabulary vocab, String prefix, int maxLength,
                                      double temperature, int topK, long seed) {
        return generateLine(model, vocab, prefix, maxLength, temperature, topK, new NumpyRandom(seed));
    }

    /**
     * {@code count} lines from one generator seeded with {@code seed} (so they differ from each other);
     * see {@link #generateLine}.
     */
    public static List<String> generateLines(CharLanguageModel model, Vocabulary vocab, int count, int maxLength,
                                             double temperature, long seed) {
        if (count < 1) {
            throw Msg.badInput("count harus >= 1, ternyata " + count, "count must be >= 1, got " + count);
        }
        NumpyRandom rng = new NumpyRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
            out.add(generateLine(model, vocab, "", maxLength, temperature, 0, rng));
        }
        return out;
    }

    private static String generateLine(CharLanguageModel model, Vocabulary vocab, String prefix, int maxLength,
                                       double temperature, int topK, NumpyRandom rng) {
        if (model == null || vocab == null) {
            throw Msg.badInput("model dan vocab tidak boleh null", "model and vocab must not be null");
        }
        if (!vocab.has(Special.BOS) || !vocab.has(Special.EOS)) {
            throw Msg.badInput("generateLine butuh kosakata dengan token awal <s> dan akhir </s> (model yang dilatih"
                            + " dengan LanguageModelBatch). Untuk teks tanpa token akhir pakai generate(...).",
                    "generateLine needs a vocabulary with the start token <s> and the end token </s> (a model trained"
                            + " with LanguageModelBatch). For text without an end token use generate(...).");
        }
        if (maxLength < 1) {
            throw Msg.badInput("maxLength harus >= 1, ternyata " + maxLength, "maxLength must be >= 1, got " + maxLength);
        }
        checkVocabulary(model, vocab);
        Sampling.checkTemperature(temperature);
        String pre = prefix == null ? "" : prefix;
        int eos = vocab.indexOf(Special.EOS);
        int[] never = {vocab.indexOf(Special.BOS), vocab.has(Special.PAD) ? vocab.indexOf(Special.PAD) : -1,
                vocab.has(Special.UNK) ? vocab.indexOf(Special.UNK) : -1};
        CharLanguageModel.Prediction p = model.next(new int[] {vocab.indexOf(Special.BOS)}, null);
        State state = p.state();
        INDArray probs = p.probabilities();
        for (int id : pre.isEmpty() ? new int[0] : vocab.encode(pre)) {
            p = model.next(new int[] {id}, state);
            state = p.state();
            probs = p.probabilities();
        }
        StringBuilder sb = new StringBuilder(pre);
        String sep = vocab.isCharLevel() ? "" : " ";
        for (int i = 0; i < maxLength; i++) {
            if (interrupted(i)) {
                break;
            }
            INDArray q = probs.dup();
            for (int k : never) {
                if (k >= 0) {
                    q.putScalar(0, k, 0.0);
                }
            }
            int next = Sampling.sampleFromProbabilities(q, temperature, topK, rng);
            if (next == eos) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : sep).append(vocab.tokenOf(next));
            p = model.next(new int[] {next}, state);
            state = p.state();
            probs = p.probabilities();
        }
        return sb.toString();
    }

    /**
     * When the thread was interrupted (Kernel → Interrupt), prints a bilingual line and says stop: the
     * text written so far is returned. The interrupt flag stays set, so the caller's loop stops too.
     */
    private static boolean interrupted(int written) {
        if (!Thread.currentThread().isInterrupted()) {
            return false;
        }
        System.out.println(Msg.of("pembuatan teks dihentikan (interrupt) setelah " + written + " token;"
                        + " teks sejauh ini dikembalikan.",
                "text generation interrupted after " + written + " tokens; the text so far is returned."));
        return true;
    }

    private static void checkVocabulary(CharLanguageModel model, Vocabulary vocab) {
        if (vocab.size() != model.vocabSize()) {
            throw Msg.badInput("kosakata punya " + vocab.size() + " token, model " + model.vocabSize()
                            + ": pakai kosakata yang sama dengan saat pelatihan",
                    "the vocabulary has " + vocab.size() + " tokens, the model " + model.vocabSize()
                            + ": use the vocabulary the model was trained with");
        }
    }
}
