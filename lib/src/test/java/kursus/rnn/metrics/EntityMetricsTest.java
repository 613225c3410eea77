package kursus.rnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EntityMetricsTest {

    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void seqevalReadmeExample() {
        // seqeval README: MISC predicted one token too early (wrong span), PER exact: F1 0.50,
        // MISC 0.00 / PER 1.00.
        EntityReport r = Metrics.entities(
                List.of(tags("O O O B-MISC I-MISC I-MISC O B-PER I-PER")),
                List.of(tags("O O B-MISC I-MISC I-MISC I-MISC O B-PER I-PER")));
        assertEquals(0.50, r.f1(), 1e-12);
        assertEquals(0.50, r.precision(), 1e-12);
        assertEquals(0.50, r.recall(), 1e-12);
        assertEquals(0.0, r.f1("MISC"), 0);
        assertEquals(1.0, r.f1("PER"), 0);
        assertEquals(7.0 / 9.0, r.tokenAccuracy(), 1e-12); // tokens 2 and 3 differ
    }

    @Test
    void partialEntityGetsNoCredit() {
        // "Harry Potter" tagged as just "Harry": the person is missed and a wrong one is predicted
        EntityReport r = Metrics.entities(List.of(tags("B-PER I-PER O B-LOC")), List.of(tags("B-PER O O B-LOC")));
        assertEquals(0, r.correct("PER"));
        assertEquals(1, r.predicted("PER"));
        assertEquals(1, r.correct("LOC"));
        assertEquals(0.5, r.precision(), 1e-12);
        assertEquals(0.5, r.recall(), 1e-12);
    }

    @Test
    void conllevalCountsStrayInsideTagsAsEntities() {
        // Hand-computed with conlleval's rules: "O I-PER I-PER" is one PER chunk [1..2] and
        // "B-PER I-LOC" is PER[0..0] + LOC[1..1].
        assertEquals(List.of(new Bio.Span("PER", 1, 2)), Bio.spans(tags("O I-PER I-PER")));
        assertEquals(List.of(new Bio.Span("PER", 0, 0), new Bio.Span("LOC", 1, 1)), Bio.spans(tags("B-PER I-LOC")));
        // true: PER[1..2]; predicted with a stray I-: still the same span, so it counts as correct
        EntityReport r = Metrics.entities(List.of(tags("O B-PER I-PER O")), List.of(tags("O I-PER I-PER O")));
        assertEquals(1.0, r.f1(), 0);
    }

    @Test
    void multiSentencePerTypeCounts() {
        // Hand count: true PER 2, LOC 2; predicted PER 2 (1 correct), LOC 1 (1 correct)
        EntityReport r = Metrics.entities(
                List.of(tags("B-PER I-PER O O B-LOC"), tags("B-PER O B-LOC I-LOC")),
                List.of(tags("B-PER I-PER O O B-LOC"), tags("B-PER I-PER O O")));
        assertEquals(0.5, r.precision("PER"), 1e-12);
        assertEquals(0.5, r.recall("PER"), 1e-12);
        assertEquals(1.0, r.precision("LOC"), 1e-12);
        assertEquals(0.5, r.recall("LOC"), 1e-12);
        assertEquals(2.0 / 3.0, r.f1("LOC"), 1e-12);
        assertEquals(2.0 / 3.0, r.precision(), 1e-12); // 2 of 3 predicted
        assertEquals(0.5, r.recall(), 1e-12); // 2 of 4 true
        assertEquals((0.5 + 2.0 / 3.0) / 2, r.macroF1(), 1e-12);
        assertTrue(r.toString().contains("FB1"));
    }

    @Test
    void wellFormedBio() {
        assertTrue(Bio.isWellFormed(tags("B-PER I-PER O B-LOC I-LOC I-LOC")));
        assertFalse(Bio.isWellFormed(tags("O I-PER")));
        assertFalse(Bio.isWellFormed(tags("B-PER I-LOC")));
    }

    @Test
    void malformedTagIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bio.spans(tags("O PER")));
        assertTrue(e.getMessage().contains("'PER'") && e.getMessage().contains("position 1"), e.getMessage());
    }

    @Test
    void sentenceLengthMismatchIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.entities(List.of(tags("O O")), List.of(tags("O"))));
        assertTrue(e.getMessage().contains("sentence 0"), e.getMessage());
    }
}
