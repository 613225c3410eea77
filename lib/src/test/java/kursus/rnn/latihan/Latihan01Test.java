package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import kursus.rnn.latihan.Latihan01.Mistake;
import org.junit.jupiter.api.Test;

/** Each typical wrong answer to exercise 1 gets its own diagnosis; the reference answer passes. */
class Latihan01Test {
    // ---- vocabulary answers
    static List<String> vocabRight(List<String> tokens) {
        return new ArrayList<>(new TreeSet<>(tokens));
    }

    static List<String> vocabDuplicates(List<String> tokens) {
        List<String> v = new ArrayList<>(tokens);
        Collections.sort(v);
        return v;
    }

    static List<String> vocabFirstSeen(List<String> tokens) {
        return new ArrayList<>(new LinkedHashSet<>(tokens));
    }

    static List<String> vocabReversed(List<String> tokens) {
        List<String> v = vocabRight(tokens);
        Collections.reverse(v);
        return v;
    }

    static List<String> vocabMissingFirst(List<String> tokens) {
        List<String> v = vocabRight(tokens);
        v.remove(0);
        return v;
    }

    // ---- one-hot answers
    static double[][] oneHotRight(List<String> tokens, List<String> vocab) {
        double[][] m = new double[tokens.size()][vocab.size()];
        for (int i = 0; i < tokens.size(); i++) {
            m[i][vocab.indexOf(tokens.get(i))] = 1.0;
        }
        return m;
    }

    static double[][] oneHotTransposed(List<String> tokens, List<String> vocab) {
        double[][] m = new double[vocab.size()][tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            m[vocab.indexOf(tokens.get(i))][i] = 1.0;
        }
        return m;
    }

    static double[][] oneHotOneBased(List<String> tokens, List<String> vocab) {
        double[][] m = new double[tokens.size()][vocab.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            m[i][vocab.indexOf(tokens.get(i)) + 1] = 1.0;
        }
        return m;
    }

    static double[][] oneHotOutOfRange(List<String> tokens, List<String> vocab) {
        double[][] m = new double[tokens.size()][vocab.size()];
        for (int i = 0; i < tokens.size(); i++) {
            m[i][vocab.indexOf(tokens.get(i)) + 1] = 1.0;
        }
        return m;
    }

    static double[][] oneHotSharedRow(List<String> tokens, List<String> vocab) {
        double[][] m = new double[tokens.size()][];
        double[] row = new double[vocab.size()];
        for (int i = 0; i < tokens.size(); i++) {
            row[vocab.indexOf(tokens.get(i))] = 1.0;
            m[i] = row;
        }
        return m;
    }

    static double[][] oneHotEmpty(List<String> tokens, List<String> vocab) {
        return new double[tokens.size()][vocab.size()];
    }

    static double[][] oneHotWrongIndex(List<String> tokens, List<String> vocab) {
        double[][] m = new double[tokens.size()][vocab.size()];
        for (int i = 0; i < tokens.size(); i++) {
            m[i][i % vocab.size()] = 1.0; // position in the sentence instead of the vocabulary index
        }
        return m;
    }

    static double[][] oneHotCounts(List<String> tokens, List<String> vocab) {
        double[][] m = oneHotRight(tokens, vocab);
        m[0][vocab.indexOf(tokens.get(0))] = 2.0;
        return m;
    }

    private static Mistake vocabMistake(Function<List<String>, List<String>> f) {
        return firstMistake(tokens -> Latihan01.diagnoseVocabulary(f, tokens));
    }

    private static Mistake oneHotMistake(BiFunction<List<String>, List<String>, double[][]> f) {
        return firstMistake(tokens -> Latihan01.diagnoseOneHot(f, tokens));
    }

    /** The mistake on the first seed's sentence that fails ({@code OK} when all pass). */
    private static Mistake firstMistake(Function<List<String>, Verdict<Mistake>> diagnose) {
        Verdict<Mistake> v = null;
        for (long s : Latihan01.SEEDS) {
            v = diagnose.apply(Latihan01.sentence(s));
            if (!v.passed()) {
                break;
            }
        }
        return v.mistake();
    }

    @Test
    void randomSentencesRepeatAWord() {
        for (long s : Latihan01.SEEDS) {
            List<String> t = Latihan01.sentence(s);
            assertTrue(new TreeSet<>(t).size() < t.size(), "seed " + s + ": " + t);
        }
    }

    @Test
    void correctAnswersPass() {
        Latihan01.checkBuildVocabulary(Latihan01Test::vocabRight);
        Latihan01.checkOneHot(Latihan01Test::oneHotRight);
    }

    @Test
    void vocabularyMistakesAreNamed() {
        assertEquals(Mistake.DUPLICATES, vocabMistake(Latihan01Test::vocabDuplicates));
        assertEquals(Mistake.FIRST_SEEN_ORDER, vocabMistake(Latihan01Test::vocabFirstSeen));
        assertEquals(Mistake.UNSORTED, vocabMistake(Latihan01Test::vocabReversed));
        assertEquals(Mistake.MISSING, vocabMistake(Latihan01Test::vocabMissingFirst));
        assertEquals(Mistake.NULL, vocabMistake(t -> null));
        assertEquals(Mistake.THREW, vocabMistake(t -> {
            throw new UnsupportedOperationException("TODO");
        }));
    }

    @Test
    void oneHotMistakesAreNamed() {
        assertEquals(Mistake.TRANSPOSED, oneHotMistake(Latihan01Test::oneHotTransposed));
        assertEquals(Mistake.ONE_BASED, oneHotMistake(Latihan01Test::oneHotOneBased));
        assertEquals(Mistake.OUT_OF_RANGE, oneHotMistake(Latihan01Test::oneHotOutOfRange));
        assertEquals(Mistake.SHARED_ROW, oneHotMistake(Latihan01Test::oneHotSharedRow));
        assertEquals(Mistake.EMPTY_ROW, oneHotMistake(Latihan01Test::oneHotEmpty));
        assertEquals(Mistake.WRONG_INDEX, oneHotMistake(Latihan01Test::oneHotWrongIndex));
        assertEquals(Mistake.NOT_BINARY, oneHotMistake(Latihan01Test::oneHotCounts));
    }

    @Test
    void aWrongAnswerThrowsABilingualVerdict() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan01.checkOneHot(Latihan01Test::oneHotTransposed));
        assertTrue(e.getMessage().startsWith("Latihan 1.2: TRANSPOSED\n"), e.getMessage());
        assertEquals("TRANSPOSED", e.mistake());
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertTrue(e.getMessage().contains("transposed"), e.getMessage());
    }

    @Test
    void evaluateGivesTheVerdictThatCheckPrints() {
        Verdict<Mistake> ok = Latihan01.evaluateBuildVocabulary(t -> new java.util.ArrayList<>(new java.util.TreeSet<>(t)));
        assertTrue(ok.passed(), ok.message());
        assertEquals(Mistake.OK, ok.mistake());
        Verdict<Mistake> dup = Latihan01.evaluateBuildVocabulary(t -> { var l = new java.util.ArrayList<>(t); java.util.Collections.sort(l); return l; });
        assertFalse(dup.passed());
        assertEquals(Mistake.DUPLICATES, dup.mistake());
        assertTrue(dup.message().contains("Test sentence"), dup.message());
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class,
                () -> Latihan01.checkBuildVocabulary(t -> { var l = new java.util.ArrayList<>(t); java.util.Collections.sort(l); return l; }));
        assertTrue(e.getMessage().startsWith("Latihan 1.1: DUPLICATES\n"), e.getMessage());
    }
}
