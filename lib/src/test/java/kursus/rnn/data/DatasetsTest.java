package kursus.rnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Each loader against the shipped files: counts, first rows, encodings, the designed properties. */
class DatasetsTest {

    // ---------------------------------------------------------------- names

    @Test
    void indonesianNames() {
        List<String> names = Datasets.indonesianNames();
        assertEquals(1553, names.size());
        assertEquals(List.of("abas", "adit", "aditya"), names.subList(0, 3));
        // the derivation documented in data/README.md
        assertTrue(names.containsAll(List.of("rayyan", "rabiah", "matsani")));
        assertTrue(names.stream().allMatch(n -> n.matches("[a-z]+")));
    }

    @Test
    void englishNames() {
        // the files have 4,951 and 3,898 lines; 7 and 1 of them repeat an earlier name
        assertEquals(4944, Datasets.englishFemaleNames().size());
        assertEquals("Aaren", Datasets.englishFemaleNames().get(0));
        assertEquals(3897, Datasets.englishMaleNames().size());
        assertEquals("Aaron", Datasets.englishMaleNames().get(0));
        List<String> all = Datasets.englishNames();
        assertEquals(8422, all.size());
        assertEquals(all.size(), new HashSet<>(all).size());
        assertTrue(all.contains("Anne-Marie"));
    }

    // ---------------------------------------------------------------- districts

    @Test
    void districtNamesAreDistinctInFileOrder() {
        List<String> d = Datasets.districts();
        assertEquals(6907, d.size());
        assertEquals(List.of("Bakongan", "Kluet Utara"), d.subList(0, 2));
        assertTrue(d.contains("Ra\"as"), "a quoted CSV field with a doubled quote is unquoted");
    }

    @Test
    void districtsTableKeepsCodesAsText() {
        Table t = Datasets.districtsTable();
        assertEquals(7285, t.rowCount());
        assertEquals(List.of("code", "regency_code", "name"), t.columnNames());
        assertEquals(ColumnType.STRING, t.column("regency_code").type());
        assertEquals("11.01.01", t.stringColumn("code").get(0));
        assertEquals("11.01", t.stringColumn("regency_code").get(0));
        assertEquals("Bakongan", t.stringColumn("name").get(0));
    }

    // ---------------------------------------------------------------- prose

    @Test
    void mobyDickIsTheWholeNovelInUtf8() {
        String s = Datasets.mobyDick();
        assertTrue(s.startsWith("CHAPTER 1. Loomings.\n\nCall me Ishmael. Some years ago\u2014never mind"), s.substring(0, 80));
        assertEquals(1_204_997, s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(21_424, s.split("\n", -1).length - 1);
    }

    // ---------------------------------------------------------------- Indonesian reviews

    @Test
    void indonesianReviewsCountsSplitsAndBalance() {
        List<Review> all = Datasets.indonesianReviews();
        assertEquals(816, all.size());
        assertEquals(new Review("id0001", "Akhir ceritanya menggantung.", 0, "film", "plain", "", "train"), all.get(0));
        assertEquals(644, Datasets.indonesianReviews("train").size());
        assertEquals(172, Datasets.indonesianReviews("test").size());
        long positive = all.stream().filter(Review::isPositive).count();
        assertEquals(409, positive);
        Map<String, Long> perDomain = all.stream().collect(Collectors.groupingBy(Review::domain, Collectors.counting()));
        assertEquals(Map.of("film", 204L, "makanan", 204L, "produk", 204L, "layanan", 204L), perDomain);
        long testPositive = Datasets.indonesianReviews("test").stream().filter(Review::isPositive).count();
        assertTrue(testPositive >= 76 && testPositive <= 96, "test split roughly balanced: " + testPositive);
    }

    @Test
    void noSentenceOccursTwiceAndNoneIsSharedBetweenTrainAndTest() {
        List<Review> all = Datasets.indonesianReviews();
        Set<String> train = new HashSet<>();
        Set<String> test = new HashSet<>();
        for (Review r : all) {
            String key = String.join(" ", words(r.text()));
            assertTrue((r.isTest() ? test : train).add(key), "duplicate: " + r.text());
        }
        train.retainAll(test);
        assertEquals(Set.of(), train);
    }

    @Test
    void minimalPairsShareTheirWordsAndSplitButNotTheirLabel() {
        Map<String, List<Review>> pairs = new HashMap<>();
        for (Review r : Datasets.indonesianReviews()) {
            if (r.inPair()) {
                pairs.computeIfAbsent(r.pair(), k -> new ArrayList<>()).add(r);
            }
        }
        assertEquals(160, pairs.size());
        for (List<Review> p : pairs.values()) {
            assertEquals(2, p.size(), p.toString());
            Review a = p.get(0);
            Review b = p.get(1);
            assertEquals(bag(a.text()), bag(b.text()), "same words: " + p);
            assertEquals(a.split(), b.split(), "same split: " + p);
            assertEquals(1, a.label() + b.label(), "opposite labels: " + p);
            assertFalse(a.text().equals(b.text()));
        }
    }

    @Test
    void phenomenonTagsAgreeWithTheWords() {
        Set<String> negators = Set.of("tidak", "kurang", "bukan", "tak", "belum");
        int negation = 0;
        for (Review r : Datasets.indonesianReviews()) {
            boolean hasNegator = words(r.text()).stream().anyMatch(negators::contains);
            assertEquals(hasNegator, r.has("negation"), r.toString());
            if (r.has("negation")) {
                negation++;
            }
        }
        assertEquals(285, negation);
    }

    @Test
    void theTestSplitHasEnoughNegationAndContrastToMeasureOrder() {
        List<Review> test = Datasets.indonesianReviews("test");
        long negOrContrast = test.stream().filter(r -> r.has("negation") || r.has("contrast")).count();
        long inPairs = test.stream().filter(Review::inPair).count();
        assertEquals(118, negOrContrast);
        assertEquals(72, inPairs);
    }

    @Test
    void anyBagOfWordsClassifierIsRightOnExactlyHalfOfTheTestPairs() {
        // A bag-of-words model maps both sentences of a pair to the same input, hence the same
        // prediction; with opposite labels exactly one of the two is right, whatever the model.
        List<Review> test = Datasets.indonesianReviews("test");
        Map<List<String>, Integer> anyBowPrediction = new HashMap<>();
        int correct = 0;
        int n = 0;
        for (Review r : test) {
            if (!r.inPair()) {
                continue;
            }
            // an arbitrary deterministic bag-of-words "classifier": parity of the bag's hash
            int pred = anyBowPrediction.computeIfAbsent(bag(r.text()), b -> Math.floorMod(b.hashCode(), 2));
            correct += pred == r.label() ? 1 : 0;
            n++;
        }
        assertEquals(72, n);
        assertEquals(36, correct);
    }

    @Test
    void reviewsTableHasTypedColumns() {
        Table t = Datasets.indonesianReviewsTable();
        assertEquals(816, t.rowCount());
        assertEquals(ColumnType.INTEGER, t.column("label").type());
        assertEquals("Akhir ceritanya menggantung.", t.stringColumn("text").get(0));
        assertEquals("", t.stringColumn("pair").get(0));
    }

    @Test
    void unknownSplitIsABilingualError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.indonesianReviews("validation"));
        assertTrue(e.getMessage().contains("\"validation\"") && e.getMessage().contains("[EN]"), e.getMessage());
    }

    // ---------------------------------------------------------------- English sentiment

    @Test
    void englishSentimentHasThreeBalancedSources() {
        List<LabelledSentence> all = Datasets.englishSentiment();
        assertEquals(3000, all.size());
        assertEquals(new LabelledSentence("amazon",
                "So there is no way for me to plug it in here in the US unless I go by a converter.", 0), all.get(0));
        for (String source : List.of("amazon", "imdb", "yelp")) {
            List<LabelledSentence> s = Datasets.englishSentiment(source);
            assertEquals(1000, s.size(), source);
            assertEquals(500, s.stream().filter(x -> x.label() == 1).count(), source);
        }
    }

    @Test
    void englishSentimentIsCleanUtf8() {
        List<LabelledSentence> all = Datasets.englishSentiment();
        assertTrue(all.stream().anyMatch(s -> s.text().equals(
                "My fianc\u00e9 and I came in the middle of the day and we were greeted and seated right away.")));
        assertTrue(all.stream().anyMatch(s -> s.text().equals("The script is\u2026was there a script?")));
        for (LabelledSentence s : all) {
            assertEquals(s.text().strip(), s.text(), "trimmed");
            assertTrue(s.text().chars().noneMatch(c -> c >= 0x80 && c < 0xA0), "no C1 control characters: " + s);
        }
    }

    // ---------------------------------------------------------------- S&P 500

    @Test
    void sp500HasTypedColumnsOldestFirst() {
        Table t = Datasets.sp500();
        assertEquals(5105, t.rowCount());
        assertEquals(List.of("date", "open", "high", "low", "close", "adjclose", "volume"), t.columnNames());
        assertEquals(ColumnType.LOCAL_DATE, t.column("date").type());
        assertEquals(ColumnType.DOUBLE, t.column("close").type());
        assertEquals(ColumnType.LONG, t.column("volume").type());
        assertEquals(LocalDate.of(2000, 1, 3), t.dateColumn("date").get(0));
        assertEquals(1455.219971, t.doubleColumn("close").get(0), 0.0);
        assertEquals(931_800_000L, t.longColumn("volume").get(0));
        assertEquals(LocalDate.of(2020, 4, 17), t.dateColumn("date").get(5104));
        assertEquals(2874.560059, t.doubleColumn("close").get(5104), 0.0);
        assertEquals(5_792_140_000L, t.longColumn("volume").get(5104));
    }

    @Test
    void sp500CloseIsTheCloseColumn() {
        double[] close = Datasets.sp500Close();
        assertEquals(5105, close.length);
        assertArrayEquals(new double[] {1455.219971, 1399.420044, 1402.109985}, java.util.Arrays.copyOf(close, 3), 0.0);
    }

    // ---------------------------------------------------------------- OpenNLP names

    @Test
    void openNlpSentencesBecomeBioTags() {
        List<TaggedSentence> s = Datasets.openNlpNames();
        assertEquals(114, s.size());
        long names = s.stream().flatMap(x -> x.tags().stream()).filter("B-PER"::equals).count();
        assertEquals(25, names);
        assertTrue(s.stream().flatMap(x -> x.tags().stream()).allMatch(t -> Set.of("O", "B-PER", "I-PER").contains(t)));

        TaggedSentence second = s.get(1);
        assertEquals(2, second.line());
        int i = second.tokens().indexOf("Alan");
        assertEquals(List.of("name", ",", "Alan", "McKennedy", ",", "and"), second.tokens().subList(i - 2, i + 4));
        assertEquals(List.of("O", "O", "B-PER", "I-PER", "O", "O"), second.tags().subList(i - 2, i + 4));
    }

    @Test
    void openNlpFixedLineAndUtf8Tokens() {
        List<TaggedSentence> s = Datasets.openNlpNames();
        TaggedSentence fixed = s.stream().filter(x -> x.line() == 63).findFirst().orElseThrow();
        assertEquals(List.of("His", "name", "is", "Gerhard", "Fritsch", "."), fixed.tokens());
        assertEquals(List.of("O", "O", "O", "B-PER", "I-PER", "O"), fixed.tags());
        assertTrue(s.stream().anyMatch(x -> x.tokens().contains("Kaiserstra\u00dfe")));
        assertTrue(s.stream().anyMatch(x -> x.tokens().contains("N\u00fcrnberg")));
    }

    // ---------------------------------------------------------------- helpers

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** Lowercase words, the same tokenisation as data/sentiment-id/build_ulasan.py. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static List<String> bag(String text) {
        List<String> w = words(text);
        Collections.sort(w);
        return w;
    }
}
