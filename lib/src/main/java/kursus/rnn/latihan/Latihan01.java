package kursus.rnn.latihan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;
import kursus.rnn.text.OneHot;
import kursus.rnn.text.Vocabulary;

/**
 * Check for exercise 1 (lesson 01, sequence data): build a word vocabulary and one-hot encode a
 * sentence, in plain Java ({@code List<String>}, {@code double[][]}).
 *
 * <p>The student's functions run on fresh random sentences (fixed seeds, words drawn from a small
 * Indonesian/English pool, with repeated words) and are compared with the library's
 * {@link Vocabulary#ofWords} (distinct tokens, sorted alphabetically) and {@link OneHot#encode}.
 * When they differ, the check names the likely mistake (duplicates kept, not sorted, one-hot
 * matrix transposed, 1-based indices, a row reused so ones pile up, ...), prints a bilingual
 * verdict and throws an {@link ExerciseFailedException} ({@code "Latihan 1.1: DUPLICATES"} …).
 * {@code evaluateBuildVocabulary} / {@code evaluateOneHot} return the same verdict without printing.
 *
 * <pre>{@code
 * Latihan01.checkBuildVocabulary(Solution01::buildVocabulary);
 * Latihan01.checkOneHot(Solution01::oneHot);
 * }</pre>
 */
public final class Latihan01 {
    private Latihan01() {}

    /** Seeds of the random sentences (fixed, so a verdict is reproducible). */
    static final long[] SEEDS = {101, 2024, 7};

    static final String[] POOL = {
        "harry", "potter", "and", "hermione", "granger", "invented", "a", "new", "spell",
        "saya", "suka", "makan", "nasi", "goreng", "di", "pagi", "hari", "the", "cat", "sat",
        "on", "mat", "buku", "ini", "bagus", "sekali", "movie", "is", "good", "yesterday"};

    /** What went wrong, with the bilingual explanation. {@code OK} means the answer is right. */
    public enum Mistake implements Explained {
        OK("benar", "correct"),
        THREW("fungsi melempar exception", "the function threw an exception"),
        NULL("fungsi mengembalikan null", "the function returned null"),
        DUPLICATES("kata yang muncul lebih dari sekali dimasukkan berkali-kali; kosakata berisi setiap kata tepat satu kali",
                "words that occur more than once were added several times; a vocabulary holds each word exactly once"),
        MISSING("ada kata dari kalimat yang tidak masuk kosakata", "a word of the sentence is missing from the vocabulary"),
        EXTRA("kosakata berisi kata yang tidak ada di kalimat", "the vocabulary contains a word that is not in the sentence"),
        FIRST_SEEN_ORDER("kata disimpan menurut urutan kemunculan; kursus ini mengurutkan kosakata secara alfabetis"
                + " (Collections.sort / TreeSet) agar indeksnya sama di setiap komputer",
                "words are kept in order of appearance; this course sorts the vocabulary alphabetically"
                        + " (Collections.sort / TreeSet) so the indices are the same on every machine"),
        UNSORTED("kata-katanya benar tetapi urutannya tidak alfabetis", "the words are right but not in alphabetical order"),
        TRANSPOSED("matriks one-hot tertukar: hasilnya [V][n], seharusnya [n][V] (satu baris per token)",
                "the one-hot matrix is transposed: got [V][n], expected [n][V] (one row per token)"),
        WRONG_SHAPE("ukuran matriks one-hot salah; seharusnya [n][V] (n token, V kata di kosakata)",
                "the one-hot matrix has the wrong size; expected [n][V] (n tokens, V vocabulary words)"),
        ONE_BASED("indeks dihitung mulai dari 1 (seperti di slide: a = 1); di Java indeks mulai dari 0",
                "indices counted from 1 (as on the slide: a = 1); in Java indices start at 0"),
        OUT_OF_RANGE("indeks di luar 0..V-1 (sering karena menghitung dari 1, atau memakai posisi di kalimat, bukan indeks di kosakata)",
                "an index outside 0..V-1 (often from counting from 1, or using the position in the sentence instead of the vocabulary index)"),
        NOT_BINARY("nilai di matriks one-hot harus 0 atau 1", "the one-hot matrix must contain only 0 and 1"),
        EMPTY_ROW("ada baris tanpa angka 1: lupa menaruh 1 pada indeks kata", "a row has no 1: the 1 at the word's index was never set"),
        SHARED_ROW("ada baris dengan lebih dari satu angka 1: array baris dipakai ulang (buat new double[V] untuk setiap token)",
                "a row has more than one 1: one row array was reused (create a new double[V] for every token)"),
        WRONG_INDEX("angka 1 ada di kolom yang salah: pakai indeks kata di kosakata (vocabulary.indexOf(token))",
                "the 1 is in the wrong column: use the word's index in the vocabulary (vocabulary.indexOf(token))");

        final String id;
        final String en;

        Mistake(String id, String en) {
            this.id = id;
            this.en = en;
        }

        @Override
        public String indonesian() {
            return id;
        }

        @Override
        public String english() {
            return en;
        }
    }

    /** The exercise ids. */
    static final String VOCABULARY = "Latihan 1.1", ONE_HOT = "Latihan 1.2";

    /**
     * The verdict for {@code mistake} ({@code OK} passes); its message is the mistake's explanation
     * followed by the details in parentheses (each language's detail only when not empty).
     */
    static Verdict<Mistake> verdict(Mistake mistake, String detailId, String detailEn) {
        String d1 = detailId.isEmpty() ? "" : " (" + detailId + ")";
        String d2 = detailEn.isEmpty() ? "" : " (" + detailEn + ")";
        return new Verdict<>(mistake == Mistake.OK, mistake, Msg.of(mistake.id + d1, mistake.en + d2));
    }

    /** The verdict for {@code mistake} with a detail that reads the same in both languages. */
    static Verdict<Mistake> verdict(Mistake mistake, String detail) {
        return verdict(mistake, detail, detail);
    }

    /** The verdict for {@code mistake} without details. */
    static Verdict<Mistake> verdict(Mistake mistake) {
        return verdict(mistake, "", "");
    }

    /** A random sentence of 6..12 words from the pool, with at least one repeated word. */
    static List<String> sentence(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int n = 6 + (int) rng.randint(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            words.add(POOL[(int) rng.randint(POOL.length)]);
        }
        words.add(words.get((int) rng.randint(words.size()))); // a repeat, so n > V
        rng.shuffle(words);
        return words;
    }

    /**
     * Runs {@code buildVocabulary} on fresh random sentences and compares with
     * {@code Vocabulary.ofWords(tokens).tokens()}. Prints the verdict; throws on a wrong answer.
     *
     * @param buildVocabulary the student's function: tokens → distinct tokens sorted alphabetically
     */
    public static void checkBuildVocabulary(Function<List<String>, List<String>> buildVocabulary) {
        Exercise.report(VOCABULARY, evaluateBuildVocabulary(buildVocabulary));
    }

    /** The verdict of {@link #checkBuildVocabulary} without printing or throwing. */
    public static Verdict<Mistake> evaluateBuildVocabulary(Function<List<String>, List<String>> buildVocabulary) {
        return evaluate("Latihan 1a (buildVocabulary)", "Exercise 1a (buildVocabulary)", tokens -> diagnoseVocabulary(buildVocabulary, tokens));
    }

    /**
     * Runs {@code oneHot} on fresh random sentences with the library's vocabulary and compares with
     * {@link OneHot#encode}. Prints the verdict; throws on a wrong answer.
     *
     * @param oneHot the student's function: (tokens, vocabulary) → {@code double[n][V]}
     */
    public static void checkOneHot(BiFunction<List<String>, List<String>, double[][]> oneHot) {
        Exercise.report(ONE_HOT, evaluateOneHot(oneHot));
    }

    /** The verdict of {@link #checkOneHot} without printing or throwing. */
    public static Verdict<Mistake> evaluateOneHot(BiFunction<List<String>, List<String>, double[][]> oneHot) {
        return evaluate("Latihan 1b (oneHot)", "Exercise 1b (oneHot)", tokens -> diagnoseOneHot(oneHot, tokens));
    }

    /** Diagnoses the sentence of every seed until one fails; the verdict's message names the failing sentence. */
    private static Verdict<Mistake> evaluate(String nameId, String nameEn, Function<List<String>, Verdict<Mistake>> diagnose) {
        Verdict<Mistake> v = null;
        List<String> tokens = null;
        for (long seed : SEEDS) {
            tokens = sentence(seed);
            v = diagnose.apply(tokens);
            if (!v.passed()) {
                break;
            }
        }
        int trials = SEEDS.length;
        String shown = v.passed()
                ? Msg.of("✓ " + nameId + " benar: sama dengan pustaka pada " + trials + " kalimat acak.",
                        "✓ " + nameEn + " correct: matches the library on " + trials + " random sentences.")
                : Msg.of("✗ " + nameId + " belum benar. Kalimat uji: " + tokens,
                        "✗ " + nameEn + " is not right yet. Test sentence: " + tokens) + "\n" + v.message();
        return new Verdict<>(v.passed(), v.mistake(), shown);
    }

    /** Compares the student's vocabulary for {@code tokens} with the library's and names the mistake. */
    static Verdict<Mistake> diagnoseVocabulary(Function<List<String>, List<String>> f, List<String> tokens) {
        List<String> expected = Vocabulary.ofWords(tokens).tokens();
        List<String> got;
        try {
            got = f.apply(new ArrayList<>(tokens));
        } catch (RuntimeException e) {
            return verdict(Mistake.THREW, e.toString());
        }
        if (got == null) {
            return verdict(Mistake.NULL);
        }
        if (got.equals(expected)) {
            return verdict(Mistake.OK);
        }
        Set<String> distinct = new LinkedHashSet<>(got);
        for (String w : expected) {
            if (!distinct.contains(w)) {
                return verdict(Mistake.MISSING, "'" + w + "'");
            }
        }
        for (String w : distinct) {
            if (!expected.contains(w)) {
                return verdict(Mistake.EXTRA, "'" + w + "'");
            }
        }
        if (distinct.size() < got.size()) {
            return verdict(Mistake.DUPLICATES, got.size() + " entri untuk " + expected.size() + " kata berbeda",
                    got.size() + " entries for " + expected.size() + " distinct words");
        }
        if (got.equals(new ArrayList<>(new LinkedHashSet<>(tokens)))) {
            return verdict(Mistake.FIRST_SEEN_ORDER, "diharapkan " + expected, "expected " + expected);
        }
        return verdict(Mistake.UNSORTED, "diharapkan " + expected + ", didapat " + got, "expected " + expected + ", got " + got);
    }

    /** Compares the student's one-hot matrix for {@code tokens} with the library's and names the mistake. */
    static Verdict<Mistake> diagnoseOneHot(BiFunction<List<String>, List<String>, double[][]> f, List<String> tokens) {
        Vocabulary vocab = Vocabulary.ofWords(tokens);
        int n = tokens.size(), V = vocab.size();
        int[] ids = vocab.encode(tokens);
        double[][] expected = OneHot.encode(ids, V).toDoubleMatrix();
        double[][] got;
        try {
            got = f.apply(new ArrayList<>(tokens), new ArrayList<>(vocab.tokens()));
        } catch (ArrayIndexOutOfBoundsException e) {
            return verdict(Mistake.OUT_OF_RANGE, e.getMessage());
        } catch (RuntimeException e) {
            return verdict(Mistake.THREW, e.toString());
        }
        if (got == null) {
            return verdict(Mistake.NULL);
        }
        for (double[] row : got) {
            if (row == null) {
                return verdict(Mistake.NULL, "sebuah baris bernilai null", "a row is null");
            }
        }
        String size = "n = " + n + ", V = " + V + ", ";
        String gotSize = got.length + "][" + (got.length == 0 ? 0 : got[0].length);
        String sizesId = size + "didapat [" + gotSize + "]";
        String sizesEn = size + "got [" + gotSize + "]";
        if (got.length == V && n != V && got[0].length == n) {
            return verdict(Mistake.TRANSPOSED, sizesId, sizesEn);
        }
        if (got.length == n && allRowsLength(got, V + 1) && onesAt(got, ids, 1)) {
            return verdict(Mistake.ONE_BASED, sizesId, sizesEn);
        }
        if (got.length != n || !allRowsLength(got, V)) {
            return verdict(Mistake.WRONG_SHAPE, sizesId, sizesEn);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < V; j++) {
                if (got[i][j] != 0.0 && got[i][j] != 1.0) {
                    return verdict(Mistake.NOT_BINARY, "[" + i + "][" + j + "] = " + got[i][j]);
                }
            }
        }
        if (onesAt(got, ids, 0)) {
            return verdict(Mistake.OK);
        }
        if (onesAt(got, ids, -1)) {
            return verdict(Mistake.ONE_BASED, "satu kolom bergeser", "shifted by one column");
        }
        for (int i = 0; i < n; i++) {
            int ones = (int) Arrays.stream(got[i]).sum();
            String tok = "token " + i + " '" + tokens.get(i) + "'";
            if (ones == 0) {
                return verdict(Mistake.EMPTY_ROW, tok);
            }
            if (ones > 1) {
                return verdict(Mistake.SHARED_ROW, tok + ": " + ones + " angka 1", tok + ": " + ones + " ones");
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Arrays.equals(got[i], expected[i])) {
                int col = 0;
                while (got[i][col] == 0.0) {
                    col++;
                }
                String d = "token " + i + " '" + tokens.get(i) + "': indeks " + ids[i] + ", kolom 1 = " + col;
                String e = "token " + i + " '" + tokens.get(i) + "': index " + ids[i] + ", 1 in column " + col;
                return verdict(Mistake.WRONG_INDEX, d, e);
            }
        }
        return verdict(Mistake.OK);
    }

    private static boolean allRowsLength(double[][] m, int len) {
        for (double[] r : m) {
            if (r.length != len) {
                return false;
            }
        }
        return true;
    }

    /** Whether every row {@code i} is all zeros except a single 1 at {@code ids[i] + shift}. */
    private static boolean onesAt(double[][] m, int[] ids, int shift) {
        for (int i = 0; i < ids.length; i++) {
            int col = ids[i] + shift;
            if (col < 0 || col >= m[i].length) {
                return false;
            }
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] != (j == col ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
