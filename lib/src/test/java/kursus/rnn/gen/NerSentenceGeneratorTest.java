package kursus.rnn.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kursus.rnn.gen.NerSentenceGenerator.Language;
import kursus.rnn.gen.NerSentenceGenerator.Sentence;
import kursus.rnn.metrics.Bio;

class NerSentenceGeneratorTest {
    private static final List<String> PERSONS = List.of("budi", "siti", "Agus", "Dewi", "Harry Potter");
    private static final List<String> PLACES = List.of("BANDUNG", "kebayoran baru", "Yogyakarta");

    @Test
    void everySentenceIsWellFormedBioWithOneTagPerToken() {
        for (Language lang : Language.values()) {
            for (Sentence s : new NerSentenceGenerator(lang, PERSONS, PLACES, 1).generate(300)) {
                assertEquals(s.tokens().size(), s.tags().size(), s.toString());
                assertTrue(Bio.isWellFormed(s.tags()), s.toString());
            }
        }
    }

    @Test
    void sameSeedSameSentencesOtherSeedOtherSentences() {
        List<Sentence> a = new NerSentenceGenerator(Language.ID, PERSONS, PLACES, 7).generate(20);
        assertEquals(a, new NerSentenceGenerator(Language.ID, PERSONS, PLACES, 7).generate(20));
        assertNotEquals(a, new NerSentenceGenerator(Language.ID, PERSONS, PLACES, 8).generate(20));
    }

    @Test
    void templateSlotsBecomeTaggedEntities() {
        NerSentenceGenerator g = new NerSentenceGenerator(List.of("{PER} tinggal di {LOC} ."), List.of("budi"),
                List.of("kota baru"), 3);
        Sentence s = g.next();
        assertEquals(List.of("Budi", "tinggal", "di", "Kota", "Baru", "."), s.tokens());
        assertEquals(List.of("B-PER", "O", "O", "B-LOC", "I-LOC", "O"), s.tags());
        assertEquals("Budi tinggal di Kota Baru .", s.text());
    }

    @Test
    void twoWordNamesGiveInsideTags() {
        NerSentenceGenerator g = new NerSentenceGenerator(List.of("{PER} and {PER} invented a new spell ."),
                List.of("Harry Potter", "Hermione Granger"), List.of(), 5);
        Sentence s = g.next();
        assertEquals(List.of("B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O"), s.tags());
        assertNotEquals(s.tokens().get(0), s.tokens().get(3)); // two different people
    }

    @Test
    void someSingleNamesGetASecondName() {
        long withInside = new NerSentenceGenerator(List.of("{PER} ."), List.of("budi", "siti", "agus"), List.of(), 11)
                .generate(200).stream().filter(s -> s.tags().contains("I-PER")).count();
        // FULL_NAME_PROBABILITY = 0.4, minus the draws where the second name equals the first
        assertTrue(withInside > 30 && withInside < 120, "sentences with two-word names: " + withInside);
    }

    @Test
    void bothLanguagesHaveSentencesWithoutEntities() {
        for (Language lang : Language.values()) {
            assertTrue(NerSentenceGenerator.templates(lang).stream().anyMatch(t -> !t.contains("{")));
        }
    }

    @Test
    void titleCaseOnlyForSingleCaseNames() {
        assertEquals("Kebayoran Baru", NerSentenceGenerator.titleCase("KEBAYORAN BARU"));
        assertEquals("Budi", NerSentenceGenerator.titleCase("budi"));
        assertEquals("McDonald", NerSentenceGenerator.titleCase("McDonald"));
    }

    @Test
    void unknownSlotIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NerSentenceGenerator(List.of("{ORG} buka ."), PERSONS, PLACES, 1));
        assertTrue(e.getMessage().contains("{ORG}"), e.getMessage());
    }

    @Test
    void missingNameListIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NerSentenceGenerator(Language.EN, PERSONS, List.of(), 1));
        assertTrue(e.getMessage().contains("place list is empty"), e.getMessage());
    }
}
