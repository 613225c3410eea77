package kursus.rnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kursus.rnn.data.Datasets;
import kursus.rnn.data.Review;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published numbers of {@code data/sentiment-id/bow_baseline.py} (numpy) on the
 * Indonesian review set, and checks the model on hand-made data.
 */
class BagOfWordsBaselineTest {
    static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The tokenizer of bow_baseline.py: lowercase ASCII words with inner hyphens. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static double accuracy(BagOfWordsBaseline m, List<Review> rows, Predicate<Review> keep) {
        int n = 0, right = 0;
        for (Review r : rows) {
            if (keep.test(r)) {
                n++;
                right += m.predict(tokens(r.text())) == r.label() ? 1 : 0;
            }
        }
        return right / (double) n;
    }

    @Test
    void reproducesTheNumpyBaselineOnTheIndonesianReviews() {
        List<Review> train = Datasets.indonesianReviews("train"), test = Datasets.indonesianReviews("test");
        List<List<String>> x = new ArrayList<>();
        int[] y = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            x.add(tokens(train.get(i).text()));
            y[i] = train.get(i).label();
        }
        BagOfWordsBaseline uni = BagOfWordsBaseline.fit(x, y);
        // data/README.md, table "Word order matters": 0.628 | 0.722 | 0.585 | 0.500
        assertEquals(0.628, accuracy(uni, test, r -> true), 5e-4);
        assertEquals(0.722, accuracy(uni, test, r -> r.phenomenon().equals("plain") || r.phenomenon().equals("intensifier")), 5e-4);
        assertEquals(0.585, accuracy(uni, test, r -> r.has("negation") || r.has("contrast")), 5e-4);
        assertEquals(0.500, accuracy(uni, test, Review::inPair), 1e-12);
        BagOfWordsBaseline bi = BagOfWordsBaseline.fit(x, y, true, 0.01, 0.5, 3000);
        assertEquals(0.686, accuracy(bi, test, r -> true), 5e-4);
        assertEquals(0.583, accuracy(bi, test, Review::inPair), 5e-4);
    }

    @Test
    void learnsWordPolarityAndIgnoresOrder() {
        List<List<String>> x = List.of(List.of("good", "film"), List.of("bad", "film"), List.of("good"), List.of("bad"),
                List.of("very", "good"), List.of("very", "bad"));
        int[] y = {1, 0, 1, 0, 1, 0};
        BagOfWordsBaseline m = BagOfWordsBaseline.fit(x, y);
        assertEquals(1.0, m.trainAccuracy());
        assertTrue(m.weight("good") > 0 && m.weight("bad") < 0);
        assertEquals(0.0, m.weight("unseen"));
        assertEquals(List.of("good"), m.topFeatures(1, true));
        assertEquals(m.score(List.of("film", "good")), m.score(List.of("good", "film")), 1e-15, "order does not matter");
        assertEquals(m.score(List.of("good")), m.score(List.of("good", "unseen")), 1e-15, "unknown words are ignored");
        assertEquals(1.0 / (1.0 + Math.exp(-m.score(List.of("bad")))), m.probability(List.of("bad")), 1e-15);
    }

    @Test
    void oneGradientStepMatchesTheHandComputedUpdate() {
        // from w = 0 every p = 0.5; gradient of "a" = mean over rows of count * (0.5 - y)
        List<List<String>> x = List.of(List.of("a", "a"), List.of("b"));
        int[] y = {1, 0};
        BagOfWordsBaseline m = BagOfWordsBaseline.fit(x, y, false, 0.0, 1.0, 1);
        assertEquals(-(2 * (0.5 - 1)) / 2, -m.weight("a") * -1, 1e-15);
        assertEquals(-(0.5 - 0) / 2, m.weight("b"), 1e-15);
        assertEquals(2, m.features());
    }

    @Test
    void badInputIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BagOfWordsBaseline.fit(List.of(List.of("a")), new int[] {0, 1}));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"));
        assertThrows(IllegalArgumentException.class, () -> BagOfWordsBaseline.fit(List.of(List.of("a")), new int[] {2}));
    }
}
